import { basename } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** What the library build, Storybook and the tests all compile with. */
export const sharedConfig = defineConfig({
  plugins: [react()],
  css: {
    modules: {
      // Stable, readable class names make the shipped stylesheet debuggable and its diff reviewable.
      generateScopedName: (local, filename) => `ds-${basename(filename, '.module.css')}__${local}`,
    },
  },
});

/** Storybook and the tests run the source, where no application bundler stands in for `process.env.NODE_ENV`. */
export const developmentDefine = { 'process.env.NODE_ENV': JSON.stringify('development') };

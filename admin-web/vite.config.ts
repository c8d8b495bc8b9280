import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './vite/precompress';

// `npm run dev` passes the API's address as the server's configuration reads it (`.env` included); run
// alone, the dev server proxies to the API on PORT, as the server would listen.
const apiTarget = process.env.BASTION_API_URL ?? `http://127.0.0.1:${process.env.PORT || 3000}`;

/**
 * React Router's package exports name only its development build, whose warnings stay switched on in
 * production (remix-run/react-router#14102); the production build beside it is the same code with them
 * off, so a production bundle takes that one.
 */
function reactRouterProductionBuild(): string {
  const development = createRequire(import.meta.url).resolve('react-router');
  return join(dirname(dirname(development)), 'production', 'index.mjs');
}

export default defineConfig(({ command }) => ({
  plugins: [react(), precompress()],
  resolve: {
    alias: [
      ...(command === 'build' ? [{ find: /^react-router$/, replacement: reactRouterProductionBuild() }] : []),
      // The design system's package exports point at its build output; compiling its source instead
      // means a clean clone type-checks, builds and tests without building the library first.
      {
        find: /^@bastion\/design-system$/,
        replacement: fileURLToPath(new URL('../design-system/src/index.ts', import.meta.url)),
      },
      {
        find: /^@bastion\/design-system\/styles\.css$/,
        replacement: fileURLToPath(new URL('../design-system/src/styles.css', import.meta.url)),
      },
    ],
  },
  css: {
    modules: {
      generateScopedName: 'ds-[local]-[hash:base64:5]',
    },
  },
  server: {
    proxy: {
      '/api': apiTarget,
      '/health': apiTarget,
      '/ready': apiTarget,
    },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    // The server speaks HTTP/1.1, where a browser opens six connections per origin: forty small files
    // queue behind one another, one round trip per six. Styles therefore ship as one file, and scripts
    // as the first download, the code several screens share, and one file per screen.
    cssCodeSplit: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'start', tags: ['$initial'], priority: 2 },
            { name: 'shared', minShareCount: 2, priority: 1 },
          ],
        },
      },
    },
  },
}));

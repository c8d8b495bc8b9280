import { defineConfig, mergeConfig } from 'vite';
import dts from 'vite-plugin-dts';
import packageJson from './package.json' with { type: 'json' };
import { sharedConfig } from './vite.shared.ts';

const externalPackages = [
  ...Object.keys(packageJson.dependencies),
  ...Object.keys(packageJson.peerDependencies),
];
const isExternal = (id: string) => externalPackages.some((name) => id === name || id.startsWith(`${name}/`));

export default mergeConfig(
  sharedConfig,
  defineConfig({
    plugins: [dts({ tsconfigPath: './tsconfig.build.json', entryRoot: 'src' })],
    build: {
      // Library consumers get one stylesheet: @bastion/design-system/styles.css.
      cssCodeSplit: false,
      sourcemap: true,
      lib: {
        entry: 'src/index.ts',
        formats: ['es'],
        cssFileName: 'styles',
      },
      rolldownOptions: {
        external: isExternal,
        output: {
          // One module per source file lets a consumer's bundler drop every component it does not import.
          preserveModules: true,
          preserveModulesRoot: 'src',
          entryFileNames: '[name].js',
        },
      },
    },
  }),
);

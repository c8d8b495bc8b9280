import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const output = new URL('../src/tokens/generated/tokens.css', import.meta.url);

const { module } = await runnerImport('/src/tokens/render-css.ts', { root: packageRoot, configFile: false });
await writeFile(output, module.renderTokensCss());
console.log(`tokens: wrote ${fileURLToPath(output)}`);

#!/usr/bin/env node
// `npm run dev`: the API rebuilt on change (tsc --watch + node --watch), and the admin web client's Vite
// dev server with its proxy to the API once that package exists.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const children = [];

function run(name, command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => {
    console.log(`${name} exited (${code ?? 'signal'})`);
    for (const other of children) if (other !== child && other.exitCode === null) other.kill('SIGTERM');
    process.exitCode = code ?? 0;
  });
  children.push(child);
}

const build = spawn('npm', ['run', 'build', '-w', 'migrations', '-w', 'server'], {
  cwd: root,
  stdio: 'inherit',
});
build.on('exit', (code) => {
  if (code !== 0) process.exit(code ?? 1);
  run('tsc', 'npx', ['tsc', '-p', 'server/tsconfig.build.json', '--watch', '--preserveWatchOutput']);
  run('server', process.execPath, ['--watch-path=server/dist', join(root, 'server/dist/main.js')]);
  if (existsSync(join(root, 'admin-web/package.json')))
    run('admin-web', 'npm', ['run', 'dev', '-w', 'admin-web']);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) if (child.exitCode === null) child.kill(signal);
  });
}

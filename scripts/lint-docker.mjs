// Lints the Docker files as part of `npm run lint`: dockerfile-utils on every Dockerfile and dclint (with
// docker/.dclintrc.json) on every compose file under docker/. Any problem, a warning included, fails.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dockerDir = join(root, 'docker');
// Both linters are dev dependencies of the server workspace; resolving from there works hoisted or not.
const requireFromServer = createRequire(join(root, 'server', 'package.json'));

/** Absolute path of a package's CLI, read from its own package.json. */
function binOf(pkg, name) {
  const manifest = requireFromServer.resolve(`${pkg}/package.json`);
  return join(dirname(manifest), JSON.parse(readFileSync(manifest, 'utf8')).bin[name]);
}

function runNode(args, stdio) {
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', stdio, timeout: 60_000 });
  if (result.error) throw result.error;
  return result;
}

const files = readdirSync(dockerDir);
const dockerfiles = files.filter((name) => /^Dockerfile(\..+)?$|\.Dockerfile$/.test(name));
const composeFiles = files.filter((name) => /^(docker-)?compose(\..+)?\.ya?ml$/.test(name));
if (dockerfiles.length === 0 || composeFiles.length === 0) {
  console.error(`lint-docker: expected a Dockerfile and a compose file in ${relative(root, dockerDir)}/.`);
  process.exit(1);
}

let failed = false;

// dockerfile-utils exits 0 when it finds only warnings, so the verdict comes from its JSON report.
for (const name of dockerfiles) {
  const file = join(dockerDir, name);
  const { stdout, stderr } = runNode([binOf('dockerfile-utils', 'dockerfile-utils'), 'lint', '--json', file]);
  let diagnostics;
  try {
    diagnostics = JSON.parse(stdout);
  } catch {
    console.error(
      `dockerfile-utils printed no JSON report for ${relative(root, file)}:\n${stdout}\n${stderr}`,
    );
    process.exit(1);
  }
  for (const { severity, message, range } of diagnostics) {
    console.error(`${relative(root, file)}:${range.start.line + 1}: ${severity}: ${message}`);
  }
  failed ||= diagnostics.length > 0;
}

// --max-warnings 0 makes dclint exit non-zero on warnings as well as errors.
const dclint = runNode(
  [
    binOf('dclint', 'dclint'),
    '--config',
    join(dockerDir, '.dclintrc.json'),
    '--max-warnings',
    '0',
    ...composeFiles.map((name) => join(dockerDir, name)),
  ],
  'inherit',
);
failed ||= dclint.status !== 0;

if (failed) process.exit(1);
console.log(`Docker files lint clean: ${[...dockerfiles, ...composeFiles].join(', ')}.`);

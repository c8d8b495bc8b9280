// `npm ci` warns EBADENGINE for every installed package whose `engines.node` leaves out the running Node.
// The README promises a warning-free install on every Node that package.json's `engines.node` accepts, so
// each locked package must accept all of that range.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const readJson = (file) => JSON.parse(readFileSync(join(root, file), 'utf8'));

// npm's own range arithmetic, installed with the tools that depend on it.
const semver = createRequire(join(root, 'package.json'))('semver');

const declared = readJson('package.json').engines.node;
const lock = readJson('package-lock.json');

test('package.json declares a valid Node range', () => {
  assert.ok(semver.validRange(declared), `engines.node "${declared}" is not a semver range`);
});

test('every locked package accepts every Node that package.json accepts', () => {
  const excluding = Object.entries(lock.packages)
    .filter(([path, entry]) => path !== '' && typeof entry.engines?.node === 'string')
    .filter(([, entry]) => {
      const range = semver.validRange(entry.engines.node);
      return !range || !semver.subset(declared, range);
    })
    .map(([path, entry]) => `${path}@${entry.version} wants node ${entry.engines.node}`);
  assert.deepEqual(
    excluding,
    [],
    `These packages leave out part of engines.node "${declared}", so npm ci warns EBADENGINE there. ` +
      'Pin a version that supports the whole range (an `overrides` entry in package.json, then ' +
      '`npm install`), or narrow engines.node and the Node versions the README names.',
  );
});

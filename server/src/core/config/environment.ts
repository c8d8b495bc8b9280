import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { REPO_ROOT } from '../paths';
import type { EnvSource } from './load-config';

/** The `.env` file at the repository (or image) root, read by the server and by every CLI command. */
export const ENV_FILE = resolve(REPO_ROOT, '.env');

let loadedFrom: string | null | undefined;

/**
 * The environment the configuration is read from: this process's variables, completed by those in
 * `.env` (a variable set in the environment wins, as with Node's `--env-file`). The file is applied to
 * `process.env` once, so libraries that read their own variables see the same values. Answers the path
 * it was read from, or null without one.
 */
export function loadEnvironment(file: string = ENV_FILE): { env: EnvSource; envFile: string | null } {
  if (loadedFrom === undefined) {
    let text: string | undefined;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new Error(
          `Cannot read ${file}: ${(error as Error).message}. Fix its permissions or remove it.`,
          {
            cause: error,
          },
        );
      }
    }
    if (text !== undefined) {
      for (const [name, value] of Object.entries(parseEnv(text))) {
        if (process.env[name] === undefined) process.env[name] = value;
      }
    }
    loadedFrom = text === undefined ? null : file;
  }
  return { env: process.env, envFile: loadedFrom };
}

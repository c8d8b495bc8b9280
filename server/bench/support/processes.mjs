// Child processes of the benchmarks: building and running the server's CLI, starting the server and the
// baseline on 127.0.0.1, reading their resident memory, and stopping them.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SERVER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const REPO_ROOT = resolve(SERVER_DIR, '..');
const SERVER_MAIN = join(SERVER_DIR, 'dist', 'main.js');
const SERVER_CLI = join(SERVER_DIR, 'dist', 'cli.js');

export { ensureBuilt } from '../../scripts/ensure-built.mjs';

/** Runs `node server/dist/cli.js <command>` against a database, failing loudly on a non-zero exit. */
export function runCli(command, databaseUrl) {
  const result = spawnSync(process.execPath, [SERVER_CLI, command], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: databaseUrl,
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'warn',
    },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`cli ${command} failed: ${result.stderr || result.stdout}`);
}

/** Resident set size of a process in bytes, from /proc (Linux). */
export function rssOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  return match ? Number(match[1]) * 1024 : NaN;
}

export function httpGet(url, headers = {}) {
  return new Promise((resolvePromise, reject) => {
    const req = request(url, { method: 'GET', headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolvePromise({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.setTimeout(5000, () => req.destroy(new Error(`GET ${url} timed out`)));
    req.end();
  });
}

export function httpPost(url, body, headers = {}) {
  return new Promise((resolvePromise, reject) => {
    const payload = JSON.stringify(body);
    const req = request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolvePromise({ status: res.statusCode, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`POST ${url} timed out`)));
    req.end(payload);
  });
}

/** Polls until `path` answers 200; resolves with the milliseconds since `startedAt`. */
export async function waitFor200(baseUrl, path, startedAt, child, timeoutMs = 30_000) {
  while (performance.now() - startedAt < timeoutMs) {
    if (child.exitCode !== null)
      throw new Error(`${child.spawnargs.join(' ')} exited with ${child.exitCode}`);
    try {
      const res = await httpGet(`${baseUrl}${path}`);
      if (res.status === 200) return performance.now() - startedAt;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`${baseUrl}${path} did not answer 200 within ${timeoutMs} ms`);
}

function start(args, env, label) {
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env,
    // The server's own log goes to /dev/null: one JSON line per request is still produced and written.
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  child.label = label;
  child.stderrTail = () => stderr;
  return child;
}

/**
 * The built server in production mode, rate limits off (a load generator would otherwise get 429s),
 * metrics on behind a token, on 127.0.0.1 only.
 */
export function startServer({ port, databaseUrl, metricsToken, nodeArgs = [], extraEnv = {} }) {
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    LOG_FORMAT: 'json',
    LOG_LEVEL: 'info',
    RATE_LIMIT_ENABLED: 'false',
    // The sign-in limits have their own skip rule that ignores RATE_LIMIT_ENABLED; raise them as well.
    RATE_LIMIT_PER_MINUTE: '100000000',
    SIGN_IN_LIMIT_PER_IP: '100000000',
    SIGN_IN_LIMIT_PER_EMAIL: '100000000',
    METRICS_TOKEN: metricsToken,
    ...extraEnv,
  };
  return start([...nodeArgs, SERVER_MAIN], env, 'server');
}

export function startBaseline({ port, databaseUrl, nodeArgs = [] }) {
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: String(port),
    DATABASE_URL: databaseUrl,
  };
  return start([...nodeArgs, join(SERVER_DIR, 'bench', 'baseline', 'server.mjs')], env, 'baseline');
}

/** SIGTERM, then SIGKILL if the process has not exited within `graceMs`. */
export async function stop(child, graceMs = 15_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

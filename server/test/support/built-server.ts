import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../src/core/paths';

/**
 * The production build (`node server/dist/main.js`) in a child process of its own, so a suite can measure
 * it from outside as an operator would: its resident memory, its CPU time, its exit.
 */
export interface BuiltServer {
  child: ChildProcess;
  pid: number;
  /** http://127.0.0.1:<port>, the address the server logged once listening. */
  url: string;
  /** Log lines at level error (50) or above, parsed. */
  errorLogs: Record<string, unknown>[];
  /** How many log lines the server wrote. */
  logLines: () => number;
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Builds the migrations and the server when their output is missing or older than their sources. */
function ensureBuilt(): void {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'server/scripts/ensure-built.mjs')], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`building the server failed:\n${result.stdout}\n${result.stderr}`);
}

/** Starts the built server in production mode on 127.0.0.1 and a port the OS picks; resolves once it is ready. */
export async function startBuiltServer(options: {
  databaseUrl: string;
  env?: Record<string, string>;
}): Promise<BuiltServer> {
  ensureBuilt();
  const child = spawn(process.execPath, [join(REPO_ROOT, 'server/dist/main.js')], {
    cwd: REPO_ROOT,
    // Nothing inherited from the test runner: only what a deployment would set.
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: options.databaseUrl,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const errorLogs: Record<string, unknown>[] = [];
  let lines = 0;
  let pending = '';
  let stderr = '';
  let onListening: (url: string) => void = () => {};
  const listening = new Promise<string>((resolve) => (onListening = resolve));
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const complete = pending.split('\n');
    pending = complete.pop() ?? '';
    for (const line of complete) {
      if (!line) continue;
      lines++;
      const entry = JSON.parse(line) as Record<string, unknown>;
      if (typeof entry.level === 'number' && entry.level >= 50) errorLogs.push(entry);
      if (entry.msg === 'server listening') onListening(String(entry.address));
    }
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const address = await Promise.race([
    listening,
    exited.then(({ code }) => {
      throw new Error(`the built server exited (${code}) before listening:\n${stderr}`);
    }),
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`the built server did not listen within 30 s:\n${stderr}`)), 30_000),
    ),
  ]);
  const { port } = new URL(address);
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(url, 30_000, () => stderr);
  return {
    child,
    pid: child.pid as number,
    url,
    errorLogs,
    logLines: () => lines,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        const exit = await exited;
        clearTimeout(timer);
        return exit;
      }
      return exited;
    },
  };
}

async function waitUntilReady(url: string, timeoutMs: number, stderr: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const status = await fetch(`${url}/ready`).then(
      (res) => res.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url}/ready did not answer 200 within ${timeoutMs} ms:\n${stderr()}`);
}

/** Resident set size of a process in bytes, from /proc (Linux). */
export function residentBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) * 1024;
}

/** CPU time (user + system) a process has used so far, in seconds, from /proc (Linux). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at the closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime count clock ticks of USER_HZ, which Linux fixes at 100 for user space.
  const ticksPerSecond = 100;
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

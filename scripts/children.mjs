// What scripts/start.mjs and scripts/dev.mjs share: deciding what needs building, and running child
// processes that a stop request (Ctrl-C, SIGTERM, a closed terminal) always reaches.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function requireNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`Bastion needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
    process.exit(1);
  }
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist' || entry === 'storybook-static') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** A package needs building when its output is missing or older than any of its sources. */
export function stale(sources, output) {
  return !existsSync(output) || sources.some((source) => newestMtime(source) > statSync(output).mtimeMs);
}

export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Sends `signal` to a child, or to its whole process group when it was started as one (npm and what it runs). */
function send(child, signal) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    if (child.group) process.kill(-child.pid, signal);
    else child.kill(signal);
  } catch {
    // Gone meanwhile.
  }
}

/**
 * Tracks the children of this script and the first stop request: every child still running receives
 * it (SIGHUP as SIGTERM), and `stopRequested()` tells the script not to start anything more.
 */
export function supervise({ onStop = () => {} } = {}) {
  const children = new Set();
  let stopSignal;
  const forwarded = (signal) => (signal === 'SIGHUP' ? 'SIGTERM' : signal);
  for (const signal of STOP_SIGNALS) {
    process.on(signal, () => {
      stopSignal ??= signal;
      for (const child of children) send(child, forwarded(signal));
      onStop(signal);
    });
  }
  return {
    stopRequested: () => stopSignal,
    /**
     * Spawns a child and answers it with `exited`, a promise of `{ code, signal }`. With `group`, the
     * child leads a process group of its own and signals reach the whole group: npm passes a SIGTERM to
     * the shell running a script, but not to what that shell runs (Vite, tsc).
     */
    start(command, args, { group = false, ...options } = {}) {
      const child = spawn(command, args, {
        cwd: root,
        stdio: 'inherit',
        ...options,
        detached: group || options.detached,
      });
      child.group = group;
      children.add(child);
      child.exited = new Promise((resolve) => {
        child.once('error', (error) => {
          children.delete(child);
          resolve({ code: 1, signal: null, error });
        });
        child.once('exit', (code, signal) => {
          children.delete(child);
          resolve({ code, signal });
        });
      });
      // A stop asked for while this child was being spawned reaches it too.
      if (stopSignal) send(child, forwarded(stopSignal));
      return child;
    },
    stop: send,
    running: () => [...children],
  };
}

// CPU accounting from /proc (Linux): how busy the whole machine and one process were during a run, so a
// report can show that a load really saturated the CPU.
import { readFileSync } from 'node:fs';
import os from 'node:os';

const CLOCK_TICKS_PER_SECOND = 100;

function machineTicks() {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = fields[3] + (fields[4] ?? 0);
  return { total: fields.reduce((a, b) => a + b, 0), idle };
}

function processSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/** Starts measuring; the returned function gives machine busy % and each pid's cores used since then. */
export function cpuMeter(pids) {
  const startedAt = performance.now();
  const machine = machineTicks();
  const processes = pids.map((pid) => processSeconds(pid));
  return () => {
    const elapsed = (performance.now() - startedAt) / 1000;
    const now = machineTicks();
    const total = now.total - machine.total || 1;
    return {
      machineBusyPercent: Math.round((1 - (now.idle - machine.idle) / total) * 1000) / 10,
      coresUsed: pids.map(
        (pid, i) => Math.round(((processSeconds(pid) - processes[i]) / elapsed) * 100) / 100,
      ),
    };
  };
}

export function machineDescription() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
}

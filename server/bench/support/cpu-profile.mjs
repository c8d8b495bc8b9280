// Summarises a V8 .cpuprofile (node --cpu-prof) into where the time went: self time per package and
// the hottest functions, which is what explains a missed target.
import { readFileSync } from 'node:fs';

function ownerOf(callFrame) {
  const { url, functionName } = callFrame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const inModules = url.lastIndexOf('/node_modules/');
  if (inModules !== -1) {
    const rest = url.slice(inModules + '/node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return 'node core';
  if (url.includes('/server/dist/')) return 'bastion server';
  if (url.includes('/migrations/dist/')) return 'bastion migrations';
  return url.replace(/^file:\/\//, '');
}

/** Now on the clock V8 stamps profile samples with (CLOCK_MONOTONIC, microseconds), to pass as `fromMicros`. */
export function profileClockMicros() {
  return Number(process.hrtime.bigint() / 1000n);
}

/**
 * @param {string} path a .cpuprofile
 * @param {{ fromMicros?: number, top?: number }} [options] `fromMicros` drops earlier samples (the boot),
 *   so the summary describes the steady state under load
 */
export function summariseCpuProfile(path, { fromMicros = 0, top = 12 } = {}) {
  const profile = JSON.parse(readFileSync(path, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map();
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    if (at < fromMicros) continue;
    const delta = profile.timeDeltas[i + 1] ?? 0;
    selfMicros.set(profile.samples[i], (selfMicros.get(profile.samples[i]) ?? 0) + delta);
  }
  const total = [...selfMicros.values()].reduce((a, b) => a + b, 0) || 1;
  const idle = [...selfMicros.entries()]
    .filter(([id]) => nodes.get(id)?.callFrame.functionName === '(idle)')
    .reduce((sum, [, us]) => sum + us, 0);
  const busy = total - idle || 1;
  const byOwner = new Map();
  const byFunction = new Map();
  for (const [id, us] of selfMicros) {
    const { callFrame } = nodes.get(id);
    if (callFrame.functionName === '(idle)') continue;
    const owner = ownerOf(callFrame);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + us);
    const name = `${callFrame.functionName || '(anonymous)'} (${owner}${callFrame.url ? `:${callFrame.lineNumber + 1}` : ''})`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
  }
  const ranked = (map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, percentOfBusy: Math.round((us / busy) * 1000) / 10 }));
  return {
    busyPercent: Math.round((busy / total) * 1000) / 10,
    busyMicros: busy,
    ownerMicros: Object.fromEntries(byOwner),
    byPackage: ranked(byOwner),
    byFunction: ranked(byFunction),
  };
}

/**
 * CPU time per request by owner for the server and the baseline profiled under the same load: what the
 * server spends beyond the baseline, and on what. Owners under 1% of the server's cost on both sides
 * are folded into "other".
 */
export function perRequestCost(server, baseline) {
  const minMicros = Math.max(0.5, (server.busyMicros / server.requests) * 0.01);
  const per = (summary, owner) => (summary.ownerMicros[owner] ?? 0) / summary.requests;
  const owners = new Set([...Object.keys(server.ownerMicros), ...Object.keys(baseline.ownerMicros)]);
  const rows = [];
  let other = { server: 0, baseline: 0 };
  for (const owner of owners) {
    const row = { owner, server: per(server, owner), baseline: per(baseline, owner) };
    if (row.server < minMicros && row.baseline < minMicros) {
      other = { server: other.server + row.server, baseline: other.baseline + row.baseline };
    } else rows.push(row);
  }
  rows.sort((a, b) => b.server - b.baseline - (a.server - a.baseline));
  rows.push({ owner: 'other', ...other });
  const round1 = (value) => Math.round(value * 10) / 10;
  return {
    serverMicrosPerRequest: round1(server.busyMicros / server.requests),
    baselineMicrosPerRequest: round1(baseline.busyMicros / baseline.requests),
    rows: rows.map((row) => ({
      owner: row.owner,
      serverMicros: round1(row.server),
      baselineMicros: round1(row.baseline),
      differenceMicros: round1(row.server - row.baseline),
    })),
  };
}

#!/usr/bin/env node
// Smoke test of a deployment: probes answer, a person signs in and lists the members of their first
// workspace. Usage: SMOKE_PASSWORD=… node server/scripts/smoke.mjs --url https://admin.example.com --email you@example.com
// Exits 0 when every step passes, 1 otherwise.
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:3000' },
    email: { type: 'string', default: 'owner@example.com' },
  },
});
const base = values.url.replace(/\/$/, '');
const password = process.env.SMOKE_PASSWORD ?? 'bastion-demo-password';
const steps = [];

async function step(name, run) {
  const started = performance.now();
  try {
    const detail = await run();
    steps.push({ name, ok: true, ms: performance.now() - started, detail });
    return true;
  } catch (error) {
    steps.push({ name, ok: false, ms: performance.now() - started, detail: error.message });
    return false;
  }
}

async function expectStatus(response, status) {
  if (response.status !== status)
    throw new Error(`expected ${status}, got ${response.status}: ${(await response.text()).slice(0, 200)}`);
  return response;
}

let cookie = '';
let workspace;
const origin = new URL(base).origin;

const passed =
  (await step(
    'GET /health',
    async () => (await expectStatus(await fetch(`${base}/health`), 200), 'alive'),
  )) &&
  (await step('GET /ready', async () => (await expectStatus(await fetch(`${base}/ready`), 200), 'ready'))) &&
  (await step(`sign in as ${values.email}`, async () => {
    const response = await expectStatus(
      await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ email: values.email, password }),
      }),
      200,
    );
    cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
    const session = await response.json();
    workspace = session.workspaces[0];
    if (!workspace) throw new Error('signed in, but the account belongs to no workspace');
    return `${session.workspaces.length} workspace(s)`;
  })) &&
  (await step(`list members of ${workspace?.slug}`, async () => {
    const response = await expectStatus(
      await fetch(`${base}/api/workspaces/${workspace.id}/members`, { headers: { cookie } }),
      200,
    );
    const page = await response.json();
    return `${page.items.length} member(s) on the first page`;
  }));

for (const s of steps)
  console.log(
    `${s.ok ? 'PASS' : 'FAIL'}  ${s.name.padEnd(40)} ${s.ms.toFixed(0).padStart(5)} ms  ${s.detail}`,
  );
const failed = !passed;
console.log(failed ? 'smoke test FAILED' : 'smoke test passed');
process.exit(failed ? 1 : 0);

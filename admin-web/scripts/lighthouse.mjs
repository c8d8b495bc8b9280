// Lighthouse on /login and a signed-in /w/acme/members, against the real server on seeded data, with
// Debian's Chromium. Prints the scores and writes the JSON reports to test-results/lighthouse/.
// Not part of `npm test`: scores vary with the machine, so they are recorded, not asserted. Each page
// is measured LIGHTHOUSE_RUNS times (default 3) and the median run is kept, as Lighthouse advises,
// because on a shared machine a single run can swing by twenty points.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { CHROMIUM_FLAGS, findChromium } from '../test/e2e/support/browser.mjs';
import { repoRoot, startStack } from '../test/e2e/support/stack.mjs';

const chromium = findChromium();
if (!chromium) {
  console.error('No Chromium found: install Debian’s (apt-get install chromium) or set CHROMIUM_PATH.');
  process.exit(1);
}
const outputDir = join(repoRoot, 'admin-web/test-results/lighthouse');
mkdirSync(outputDir, { recursive: true });
const lighthouse = join(repoRoot, 'node_modules/lighthouse/cli/index.js');

const stack = await startStack();
try {
  const login = await fetch(`${stack.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: stack.baseUrl },
    body: JSON.stringify({ email: 'admin@example.com', password: 'bastion-demo-password' }),
  });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status}`);
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';

  const pages = [
    { name: 'login', path: '/login', headers: {} },
    { name: 'members', path: '/w/acme/members', headers: { Cookie: cookie } },
  ];
  const rows = [];
  const runs = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
  for (const page of pages) {
    const reports = [];
    for (let run = 1; run <= runs; run += 1) {
      const output = join(outputDir, `${page.name}-${run}.json`);
      const result = spawnSync(
        process.execPath,
        [
          lighthouse,
          `${stack.baseUrl}${page.path}`,
          `--chrome-flags=${CHROMIUM_FLAGS.join(' ')}`,
          '--only-categories=performance,accessibility,best-practices',
          `--extra-headers=${JSON.stringify(page.headers)}`,
          '--output=json',
          `--output-path=${output}`,
          '--quiet',
        ],
        { env: { ...process.env, CHROME_PATH: chromium }, stdio: 'inherit' },
      );
      if (result.status !== 0) throw new Error(`lighthouse failed on ${page.path}`);
      reports.push({ output, lhr: JSON.parse(readFileSync(output, 'utf8')) });
    }
    const median = computeMedianRun(reports.map((report) => report.lhr));
    copyFileSync(
      reports.find((report) => report.lhr === median).output,
      join(outputDir, `${page.name}.json`),
    );
    const score = (report, id) => Math.round(report.categories[id].score * 100);
    const performance = reports.map((report) => score(report.lhr, 'performance'));
    rows.push(
      `| \`${page.path}\` | ${score(median, 'performance')} (${Math.min(...performance)}–${Math.max(...performance)}) | ${score(median, 'accessibility')} | ${score(median, 'best-practices')} |`,
    );
  }
  console.log(
    `Median of ${runs} runs per page (performance range in brackets)\n| Page | Performance | Accessibility | Best Practices |\n| --- | --- | --- | --- |`,
  );
  console.log(rows.join('\n'));
} finally {
  await stack.stop();
}

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** sqlmap from the Debian package (`apt-get install sqlmap`), found on PATH. */
export function sqlmapPath(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v sqlmap'], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() ? found.stdout.trim() : null;
}

export function sqlmapVersion(executable: string): string {
  return spawnSync(executable, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0].trim();
}

export interface SqlmapScan {
  /** Full URL on 127.0.0.1 with every parameter set to a value the server accepts. */
  url: string;
  /** Query parameters to inject into (sqlmap's `-p`). */
  parameters: string[];
  cookie: string;
  /** A folder of this scan's own: sqlmap's session, its log and the traffic file go there. */
  workDir: string;
  level: number;
  risk: number;
  /** sqlmap's technique letters, e.g. BEUSTQ (boolean, error, union, stacked, time, inline). */
  techniques: string;
  /** A tamper script (Python) rewriting each payload before it is sent, and the environment it reads. */
  tamper?: { script: string; env: Record<string, string> };
}

export interface SqlmapOutcome {
  exitCode: number | null;
  /** Everything sqlmap printed, for the failure message. */
  output: string;
  /** HTTP requests sqlmap logged to its traffic file. */
  requests: number;
  /** Parameters sqlmap reported as tested and not injectable. */
  notInjectable: string[];
  /** Parameters sqlmap confirmed as injectable (it reports them as vulnerable, as an injection point). */
  findings: string[];
  /** Candidates sqlmap found and then rejected itself as false positives. */
  rejectedCandidates: number;
  /** sqlmap's closing verdict that nothing it tested is injectable. */
  nothingInjectable: boolean;
  seconds: number;
}

const PARAMETER = /(?:GET|POST|URI|Cookie|\(custom\) \w+) parameter '([^']+)'/;

/** Parameters sqlmap confirmed: the ones it called vulnerable and those listed as injection points. */
function findingsIn(output: string, vulnerable: string[]): string[] {
  const points = [...output.matchAll(/^Parameter: (\S+) \(/gm)].map((match) => match[1]);
  const found = [...new Set([...vulnerable, ...points])];
  if (found.length === 0 && /identified the following injection point/.test(output))
    return ['an injection point (see the output)'];
  return found;
}

/** Runs one bounded, non-interactive sqlmap scan and reads its verdict from what it printed. */
export function runSqlmap(executable: string, scan: SqlmapScan): Promise<SqlmapOutcome> {
  const traffic = join(scan.workDir, 'traffic.txt');
  const args = [
    '-u',
    scan.url,
    '-p',
    scan.parameters.join(','),
    '--cookie',
    scan.cookie,
    '--batch',
    '--answers=keep testing=Y,follow=N,reduce=N',
    '--dbms=PostgreSQL',
    `--level=${scan.level}`,
    `--risk=${scan.risk}`,
    `--technique=${scan.techniques}`,
    '--time-sec=2',
    '--threads=4',
    '--timeout=10',
    '--retries=1',
    '--skip-waf',
    '--flush-session',
    '--disable-coloring',
    `--output-dir=${join(scan.workDir, 'output')}`,
    '-t',
    traffic,
    ...(scan.tamper ? [`--tamper=${scan.tamper.script}`] : []),
  ];
  const started = Date.now();
  const child = spawn(executable, args, {
    env: { PATH: process.env.PATH, HOME: scan.workDir, LANG: 'C.UTF-8', ...scan.tamper?.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode) => {
      const lines = output.split('\n');
      const named = (pattern: RegExp) => [
        ...new Set(
          lines.filter((line) => pattern.test(line)).map((line) => PARAMETER.exec(line)?.[1] ?? line.trim()),
        ),
      ];
      const trafficLog = existsSync(traffic) ? readFileSync(traffic, 'utf8') : '';
      resolve({
        exitCode,
        output,
        requests: (trafficLog.match(/^HTTP request \[#\d+\]:$/gm) ?? []).length,
        notInjectable: named(/parameter '[^']+' does not seem to be injectable/),
        findings: findingsIn(output, named(/parameter '[^']+' is vulnerable/)),
        rejectedCandidates: (output.match(/false positive or unexploitable injection point detected/g) ?? [])
          .length,
        nothingInjectable: /all tested parameters do not appear to be injectable/.test(output),
        seconds: Math.round((Date.now() - started) / 100) / 10,
      });
    });
  });
}

import 'reflect-metadata';
import { resolve } from 'node:path';
import { REPO_ROOT } from './core/paths';
import { DoctorOptions, renderText, runDoctor } from './readiness';

export const READINESS_REPORT_PATH = resolve(REPO_ROOT, 'docs/07-quality/readiness-report.md');

const USAGE = `Usage: npm run doctor -- [options]

  --url <base>        running deployment to check (default http://127.0.0.1:3000)
  --config-only       check the local configuration and database only
  --production        judge the deployment as production even without an HSTS header
  --sign-in <email>   sign in (password read from standard input) to inspect the session cookie
  --out <path>        where to write the Markdown report (default docs/07-quality/readiness-report.md)
  --no-report         write no report

The configuration is read from this process's environment, as the server reads it.
Exits 1 when any check fails.`;

export function parseDoctorArguments(
  argv: string[],
): (Omit<DoctorOptions, 'signIn'> & { signInEmail?: string }) | null {
  const options: Omit<DoctorOptions, 'signIn'> & { signInEmail?: string } = {
    url: 'http://127.0.0.1:3000',
    reportPath: READINESS_REPORT_PATH,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--url') options.url = new URL(value()).toString().replace(/\/$/, '');
    else if (arg === '--config-only') options.url = null;
    else if (arg === '--production') options.production = true;
    else if (arg === '--sign-in') options.signInEmail = value();
    else if (arg === '--out') options.reportPath = resolve(value());
    else if (arg === '--no-report') options.reportPath = null;
    else if (arg === '--help' || arg === '-h') return null;
    else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

async function readStandardInput(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function main(): Promise<number> {
  const parsed = parseDoctorArguments(process.argv.slice(2));
  if (!parsed) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { signInEmail, ...options } = parsed;
  const signIn = signInEmail ? { email: signInEmail, password: await readStandardInput() } : undefined;
  const { report, exitCode } = await runDoctor({ ...options, signIn });
  process.stdout.write(renderText(report));
  if (options.reportPath) process.stdout.write(`wrote ${options.reportPath}\n`);
  return exitCode;
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
      process.exitCode = 2;
    },
  );
}

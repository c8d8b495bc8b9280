import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { loadConfig } from '../../src/core/config';
import { ADMIN_WEB_DIST, REPO_ROOT, STORYBOOK_DIST } from '../../src/core/paths';

const DOCKER_DIR = join(REPO_ROOT, 'docker');
const DOCKERFILE = join(DOCKER_DIR, 'Dockerfile');
const COMPOSE_FILES = {
  development: join(DOCKER_DIR, 'docker-compose.yml'),
  production: join(DOCKER_DIR, 'docker-compose.prod.yml'),
};
const MIGRATE_JOB = join(DOCKER_DIR, 'k8s', 'migrate-job.yaml');

// The same YAML library dclint validates with, resolved through dclint so the two cannot disagree.
const yaml = createRequire(require.resolve('dclint'))('yaml') as {
  parse(text: string, options: { merge: boolean }): unknown;
};

function readYaml<T>(file: string): T {
  return yaml.parse(readFileSync(file, 'utf8'), { merge: true }) as T;
}

interface Instruction {
  keyword: string;
  args: string;
}

interface Stage {
  image: string;
  name?: string;
  instructions: Instruction[];
}

/** Splits a Dockerfile into stages, joining continuation lines and resolving global ARG defaults in FROM. */
function parseDockerfile(text: string): Stage[] {
  const logicalLines = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const globalArgs = new Map<string, string>();
  const stages: Stage[] = [];
  for (const line of logicalLines) {
    const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(line) as RegExpExecArray;
    const upper = keyword.toUpperCase();
    if (upper === 'FROM') {
      const [image, as, name] = args
        .replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a: string, b: string) => globalArgs.get(a ?? b) ?? '')
        .split(/\s+/);
      stages.push({ image, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else if (stages.length === 0 && upper === 'ARG') {
      const [key, value = ''] = args.split('=');
      globalArgs.set(key, value);
    } else if (stages.length > 0) {
      stages[stages.length - 1].instructions.push({ keyword: upper, args });
    }
  }
  return stages;
}

function jsonArray(args: string): string[] {
  const parsed: unknown = JSON.parse(args);
  if (!Array.isArray(parsed)) throw new Error(`expected a JSON array, got ${args}`);
  return parsed as string[];
}

/** Replaces `${VAR:-default}` with its default and `${VAR:?error}` with a stand-in value, as compose would. */
function interpolate(value: string): string {
  return value.replace(/\$\{(\w+)(?::?([-?])([^}]*))?\}/g, (_, name: string, kind?: string, text?: string) =>
    kind === '-' ? (text ?? '') : `${name.toLowerCase()}-value`,
  );
}

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  depends_on?: Record<string, { condition: string }>;
  env_file?: { path: string; required: boolean }[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  profiles?: string[];
  restart?: string;
  volumes?: string[];
}

interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

// The Dockerfile and compose linters run in `npm run lint` (scripts/lint-docker.mjs); these tests check what
// the files say: the image, the services and the settings the server needs.
describe('Docker image and compose files', () => {
  describe('Dockerfile', () => {
    const stages = parseDockerfile(readFileSync(DOCKERFILE, 'utf8'));
    const runtime = stages[stages.length - 1];
    const stageNamed = (name: string): Stage => {
      const stage = stages.find((s) => s.name === name);
      if (!stage) throw new Error(`no stage named ${name}`);
      return stage;
    };
    const of = (stage: Stage, keyword: string): string[] =>
      stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);
    const copiesFrom = (stage: Stage): { from: string; source: string; target: string }[] =>
      of(stage, 'COPY')
        .map((args) => /^--from=(\S+)\s+(\S+)\s+(\S+)$/.exec(args))
        .filter((match): match is RegExpExecArray => match !== null)
        .map(([, from, source, target]) => ({ from, source, target }));
    const workdir = (): string => of(runtime, 'WORKDIR').at(-1) ?? '/';
    const inImage = (target: string): string => posix.resolve(workdir(), target);

    it('is multi-stage: the build happens in one stage, the runtime is a later, separate one', () => {
      expect(stages.length).toBeGreaterThanOrEqual(2);
      const builders = stages.filter((s) => of(s, 'RUN').some((run) => /\bnpm run build\b/.test(run)));
      expect(builders.length).toBeGreaterThan(0);
      expect(builders).not.toContain(runtime);
      expect(copiesFrom(runtime).some((c) => builders.some((b) => b.name === c.from))).toBe(true);
    });

    it('runs on a Node LTS image pinned to an exact version', () => {
      const nodeImages = stages.map((s) => s.image).filter((image) => image.startsWith('node:'));
      expect(nodeImages).toContain(runtime.image);
      const [, major] = /^node:(\d+)\.\d+\.\d+-[a-z-]+$/.exec(runtime.image) ?? [];
      expect(Number(major) % 2).toBe(0);
      expect(Number(major)).toBeGreaterThanOrEqual(20);
      expect(new Set(nodeImages)).toEqual(new Set([runtime.image]));
    });

    it('runs as a non-root user', () => {
      const user = of(runtime, 'USER').at(-1);
      expect(user).toBeDefined();
      expect(user).not.toMatch(/^(root|0)(:|$)/);
      const keywords = runtime.instructions.map((i) => i.keyword);
      expect(keywords.lastIndexOf('USER')).toBeLessThan(keywords.lastIndexOf('CMD'));
    });

    it('ships only production dependencies', () => {
      const modules = copiesFrom(runtime).filter((c) => /(^|\/)node_modules\/?$/.test(c.source));
      expect(modules).toHaveLength(1);
      const installs = of(stageNamed(modules[0].from), 'RUN').filter((run) =>
        /\bnpm (ci|install)\b/.test(run),
      );
      expect(installs).toHaveLength(1);
      expect(installs[0]).toMatch(/\bnpm ci\b[^&|;]*--omit=dev/);
      expect(of(runtime, 'RUN').join('\n')).not.toMatch(/\bnpm (ci|install)\b/);
    });

    it('checks its health on /ready', () => {
      const healthchecks = of(runtime, 'HEALTHCHECK');
      expect(healthchecks).toHaveLength(1);
      expect(healthchecks[0]).toMatch(/\bCMD\b.*\/ready\b/);
    });

    it('runs node under tini, which forwards signals and reaps children', () => {
      expect(of(runtime, 'RUN').join('\n')).toMatch(/apt-get install\b[^&]*\btini\b/);
      const [init, ...initArgs] = jsonArray(of(runtime, 'ENTRYPOINT').at(-1) ?? 'null');
      expect(posix.basename(init)).toBe('tini');
      expect(initArgs).toEqual(['--']);
      expect(jsonArray(of(runtime, 'CMD').at(-1) ?? 'null')).toEqual(['node', 'server/dist/main.js']);
    });

    it('holds the built server, admin web client and Storybook where the server looks for them', () => {
      const targets = copiesFrom(runtime).map((c) => inImage(c.target).replace(/\/$/, ''));
      const imageRoot = workdir();
      for (const dir of [ADMIN_WEB_DIST, STORYBOOK_DIST, join(REPO_ROOT, 'server', 'dist')]) {
        expect(targets).toContain(posix.join(imageRoot, relative(REPO_ROOT, dir)));
      }
    });

    it('sets the production settings the server requires inside a container', () => {
      const env = of(runtime, 'ENV').join(' ');
      expect(env).toMatch(/\bNODE_ENV=production\b/);
      expect(env).toMatch(/\bHOST=0\.0\.0\.0\b/);
      expect(env).toMatch(/\bLOG_FORMAT=json\b/);
    });
  });

  describe.each(Object.entries(COMPOSE_FILES))('%s compose file', (environment, file) => {
    const compose = readYaml<ComposeFile>(file);
    const { services } = compose;

    it('runs PostgreSQL with a health check and its data in a named volume', () => {
      const postgres = services.postgres;
      expect(postgres.image).toMatch(/^postgres:\d+\.\d+/);
      expect(postgres.healthcheck?.test.join(' ')).toContain('pg_isready');
      const [source] = (postgres.volumes ?? [''])[0].split(':');
      expect(Object.keys(compose.volumes ?? {})).toContain(source);
    });

    it('starts Redis only when its profile is asked for', () => {
      expect(services.redis.profiles?.length).toBeGreaterThan(0);
      const alwaysOn = Object.entries(services)
        .filter(([, service]) => !service.profiles?.length)
        .map(([name]) => name);
      expect(alwaysOn.sort()).toEqual(['app', 'migrate', 'postgres']);
    });

    it('migrates in a one-shot service that the app waits for', () => {
      const { migrate, app } = services;
      expect(migrate.command).toEqual(['node', 'server/dist/cli.js', 'migrate']);
      expect(migrate.restart).toBe('no');
      expect(migrate.depends_on?.postgres.condition).toBe('service_healthy');
      expect(app.depends_on?.migrate.condition).toBe('service_completed_successfully');
      expect(app.image ?? app.build?.dockerfile).toBe(migrate.image ?? migrate.build?.dockerfile);
    });

    it('checks the app on /ready', () => {
      expect(services.app.healthcheck?.test[0]).toMatch(/^CMD/);
      expect(services.app.healthcheck?.test.join(' ')).toContain('/ready');
    });

    it("reads the repository's .env", () => {
      for (const name of ['app', 'migrate']) {
        const envFiles = services[name].env_file ?? [];
        expect(envFiles.map((e) => resolve(dirname(file), e.path))).toContain(join(REPO_ROOT, '.env'));
      }
    });

    it('gives the app and the migrate job an environment the server accepts', () => {
      for (const name of ['app', 'migrate']) {
        const env = Object.fromEntries(
          Object.entries(services[name].environment ?? {}).map(([key, value]) => [
            key,
            interpolate(String(value)),
          ]),
        );
        const config = loadConfig(env);
        expect(config.database.url).toMatch(/@postgres:5432\//);
        expect(config.app.host).toBe('0.0.0.0');
        expect(config.log.format).toBe('json');
        expect(config.database.migrateOnStart).toBe(false);
        expect(config.app.isProduction).toBe(environment === 'production');
      }
    });
  });

  it('builds the development services from the Dockerfile in this repository', () => {
    const { services } = readYaml<ComposeFile>(COMPOSE_FILES.development);
    for (const name of ['app', 'migrate']) {
      const build = services[name].build;
      expect(build && resolve(DOCKER_DIR, build.context, build.dockerfile)).toBe(DOCKERFILE);
    }
  });

  it('drains behind a proxy and never migrates from the app in the production compose file', () => {
    const { app } = readYaml<ComposeFile>(COMPOSE_FILES.production).services;
    expect(Number(app.environment?.SHUTDOWN_DRAIN_DELAY_MS)).toBeGreaterThanOrEqual(5000);
    expect(app.environment?.DATABASE_MIGRATE_ON_START).toBe('false');
    expect(app.environment?.SEED_ON_START).toBe('false');
  });

  it('ships a Kubernetes Job that runs the same migrate command once, as a non-root user', () => {
    interface Job {
      kind: string;
      spec: {
        backoffLimit: number;
        template: {
          spec: {
            restartPolicy: string;
            securityContext?: { runAsNonRoot?: boolean };
            containers: { command?: string[]; args?: string[]; env?: { name: string }[] }[];
          };
        };
      };
    }
    const job = readYaml<Job>(MIGRATE_JOB);
    expect(job.kind).toBe('Job');
    const pod = job.spec.template.spec;
    expect(pod.restartPolicy).toBe('Never');
    expect(pod.securityContext?.runAsNonRoot).toBe(true);
    expect(pod.containers).toHaveLength(1);
    const [container] = pod.containers;
    expect([...(container.command ?? []), ...(container.args ?? [])]).toEqual([
      'node',
      'server/dist/cli.js',
      'migrate',
    ]);
    expect(JSON.stringify(container)).toContain('DATABASE_URL');
  });
});

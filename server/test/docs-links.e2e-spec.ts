import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { REPO_ROOT } from '../src/core/paths';

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return path.endsWith('.md') ? [path] : [];
  });
}

const FILES = [
  ...markdownFiles(resolve(REPO_ROOT, 'docs')),
  resolve(REPO_ROOT, 'README.md'),
  resolve(REPO_ROOT, 'design-system/README.md'),
  resolve(REPO_ROOT, 'docker/README.md'),
];

/** Relative links in [text](target) form; external, mail and in-page anchors are not files. */
function relativeLinks(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`]*`/g, '');
  return [...withoutCode.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)]
    .map((match) => match[1])
    .filter((target) => !/^(https?:|mailto:|#)/.test(target))
    .map((target) => decodeURI(target.split('#')[0]));
}

describe('Documentation links', () => {
  it('reads every track', () => {
    const tracks = readdirSync(resolve(REPO_ROOT, 'docs')).filter(
      (d) => /^\d\d-/.test(d) && !d.endsWith('.md'),
    );
    expect(tracks).toEqual([
      '01-audit',
      '02-environments',
      '03-hosting',
      '04-design-system',
      '05-dashboard',
      '06-security',
      '07-quality',
      '08-implementation',
    ]);
    const index = readFileSync(resolve(REPO_ROOT, 'docs/00-index.md'), 'utf8');
    for (const track of tracks) expect(index).toContain(`](${track}/`);
  });

  it.each(FILES.map((file) => [relative(REPO_ROOT, file), file]))(
    '%s has no broken relative link',
    (_name, file) => {
      const broken = relativeLinks(readFileSync(file, 'utf8')).filter(
        (target) => !existsSync(resolve(dirname(file), target)),
      );
      expect(broken).toEqual([]);
    },
  );
});

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../paths';
import { documentedVariables, renderEnvExample, renderEnvReference } from './env-reference';

describe('environment reference', () => {
  it('documents every variable with a description and a rule', () => {
    const variables = documentedVariables();
    expect(variables.length).toBeGreaterThan(15);
    for (const v of variables) {
      expect(v.description.length).toBeGreaterThan(10);
      expect(v.rule.length).toBeGreaterThan(0);
    }
  });

  it.each([
    ['docs/02-environments/env-reference.md', renderEnvReference],
    ['.env.example', renderEnvExample],
  ])('%s is up to date (regenerate with `npm run env:docs`)', (path, render) => {
    expect(readFileSync(resolve(REPO_ROOT, path), 'utf8')).toBe(render());
  });
});

import { describe, expect, it } from 'vitest';
import { passwordLength, passwordRules } from './password-rules';

const policy = { minLength: 12, maxLength: 1024 };
const unmet = (rules: ReturnType<typeof passwordRules>) =>
  rules.filter((rule) => !rule.met).map((rule) => rule.id);

describe('passwordRules', () => {
  it('reports every unmet rule while typing', () => {
    expect(unmet(passwordRules(policy, 'short', { email: 'ada@example.com', confirmation: '' }))).toEqual([
      'min',
      'confirm',
    ]);
  });

  it('is satisfied by a long, matching password without the email name', () => {
    const password = 'correct horse battery';
    expect(
      unmet(passwordRules(policy, password, { email: 'ada@example.com', confirmation: password })),
    ).toEqual([]);
  });

  it('refuses the email name, as the server does', () => {
    expect(unmet(passwordRules(policy, 'my name is ADA lovelace', { email: 'ada@example.com' }))).toEqual([
      'email',
    ]);
  });

  it('counts characters the way the server does', () => {
    expect(passwordLength('ﬁ')).toBe(2);
    expect(passwordLength('🙂🙂')).toBe(2);
  });
});

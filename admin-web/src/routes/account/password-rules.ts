import type { PasswordPolicy } from '../../api/types';

export interface PasswordRule {
  id: string;
  label: string;
  met: boolean;
}

/** Characters as the server counts them: code points after NFKC normalisation. */
export function passwordLength(password: string): number {
  return [...password.normalize('NFKC')].length;
}

/**
 * The rules the server enforces that can be checked while typing. Breach-list membership is checked by
 * the server only; its answer appears under the field.
 */
export function passwordRules(
  policy: PasswordPolicy,
  password: string,
  { email, confirmation }: { email?: string; confirmation?: string } = {},
): PasswordRule[] {
  const length = passwordLength(password);
  const rules: PasswordRule[] = [
    {
      id: 'min',
      label: `At least ${policy.minLength} characters (${length} so far)`,
      met: length >= policy.minLength,
    },
    { id: 'max', label: `At most ${policy.maxLength} characters`, met: length <= policy.maxLength },
  ];
  const localPart = email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 3) {
    rules.push({
      id: 'email',
      label: 'Does not contain your email name',
      met: !password.normalize('NFKC').toLowerCase().includes(localPart),
    });
  }
  if (confirmation !== undefined) {
    rules.push({
      id: 'confirm',
      label: 'Both entries match',
      met: password.length > 0 && password === confirmation,
    });
  }
  return rules;
}

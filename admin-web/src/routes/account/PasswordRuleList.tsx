import { Badge, Stack } from '@bastion/design-system';
import { Check, X } from 'lucide-react';
import type { PasswordRule } from './password-rules';

/** The password rules with their state, updated as the person types. */
export function PasswordRuleList({ rules }: { rules: PasswordRule[] }) {
  return (
    <Stack as="ul" gap="1" aria-label="Password rules" style={{ listStyle: 'none' }}>
      {rules.map((rule) => (
        <li key={rule.id}>
          <Badge tone={rule.met ? 'success' : 'neutral'} icon={rule.met ? <Check /> : <X />}>
            {rule.met ? 'Met' : 'Not yet'}
          </Badge>{' '}
          {rule.label}
        </li>
      ))}
    </Stack>
  );
}

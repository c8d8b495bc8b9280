import {
  Alert,
  Button,
  Card,
  DescriptionList,
  FormField,
  Inline,
  PageHeader,
  PasswordField,
  Stack,
  TextField,
  useToast,
} from '@bastion/design-system';
import { useQuery } from '@tanstack/react-query';
import { Form } from '../../app/Form';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { SessionUser } from '../../api/types';
import { queryClient } from '../../app/query-client';
import { useDocumentTitle } from '../../app/use-document-title';
import { useFormSubmit } from '../../app/use-form-submit';
import { passwordPolicyQuery, sessionQuery, useSession } from '../../session/session';
import { passwordRules } from './password-rules';
import { PasswordRuleList } from './PasswordRuleList';

export function AccountPage() {
  useDocumentTitle('Account');
  const session = useSession();
  return (
    <Stack gap="6">
      <PageHeader title="Account" description="Your profile and password." />
      <Profile user={session.user} />
      <ChangePassword email={session.user.email} />
    </Stack>
  );
}

function Profile({ user }: { user: SessionUser }) {
  const { toast } = useToast();
  const [displayName, setDisplayName] = useState(user.displayName);
  const form = useFormSubmit(
    () => unwrap(api.PATCH('/api/me', { body: { displayName: displayName.trim() } })),
    async () => {
      await queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey });
      toast({ tone: 'success', title: 'Profile saved' });
    },
    () => (displayName.trim() ? {} : { displayName: 'Enter the name others should see.' }),
  );
  return (
    <Card title="Profile">
      <Form gap="4" onSubmit={form.submit} aria-label="Profile">
        {form.error && (
          <Alert tone="danger" announce>
            {form.error}
          </Alert>
        )}
        <DescriptionList items={[{ term: 'Email', description: user.email }]} />
        <FormField label="Display name" required error={form.fieldErrors.displayName}>
          <TextField
            value={displayName}
            onChange={(event) => setDisplayName(event.target.value)}
            autoComplete="name"
            maxLength={100}
          />
        </FormField>
        <Inline>
          <Button type="submit" variant="primary" loading={form.pending}>
            Save profile
          </Button>
        </Inline>
      </Form>
    </Card>
  );
}

function ChangePassword({ email }: { email: string }) {
  const { toast } = useToast();
  const policy = useQuery(passwordPolicyQuery);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const rules = policy.data ? passwordRules(policy.data, next, { email, confirmation }) : [];

  const form = useFormSubmit(
    () => unwrap(api.POST('/api/me/password', { body: { currentPassword: current, newPassword: next } })),
    () => {
      setCurrent('');
      setNext('');
      setConfirmation('');
      toast({
        tone: 'success',
        title: 'Password changed',
        description: 'Your other sessions were signed out.',
      });
      void queryClient.invalidateQueries({ queryKey: ['my-sessions'] });
    },
    () => {
      const errors: Record<string, string> = {};
      if (!current) errors.currentPassword = 'Enter your current password.';
      const broken = rules.find((rule) => !rule.met);
      if (broken)
        errors[broken.id === 'confirm' ? 'confirmation' : 'newPassword'] =
          `Not yet: ${broken.label.toLowerCase()}.`;
      return errors;
    },
  );

  return (
    <Card title="Change password" description="Changing it signs you out everywhere else.">
      <Form gap="4" onSubmit={form.submit} aria-label="Change password">
        {form.error && (
          <Alert tone="danger" announce>
            {form.error}
          </Alert>
        )}
        <FormField label="Current password" required error={form.fieldErrors.currentPassword}>
          <PasswordField value={current} onChange={(event) => setCurrent(event.target.value)} />
        </FormField>
        <FormField label="New password" required error={form.fieldErrors.newPassword}>
          <PasswordField
            autoComplete="new-password"
            value={next}
            onChange={(event) => setNext(event.target.value)}
          />
        </FormField>
        <FormField label="Repeat the new password" required error={form.fieldErrors.confirmation}>
          <PasswordField
            autoComplete="new-password"
            value={confirmation}
            onChange={(event) => setConfirmation(event.target.value)}
          />
        </FormField>
        {rules.length > 0 && <PasswordRuleList rules={rules} />}
        <Inline>
          <Button type="submit" variant="primary" loading={form.pending}>
            Change password
          </Button>
        </Inline>
      </Form>
    </Card>
  );
}

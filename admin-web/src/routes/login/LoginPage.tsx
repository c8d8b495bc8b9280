import { Alert, Button, Card, FormField, PageHeader, PasswordField, TextField } from '@bastion/design-system';
import { Form } from '../../app/Form';
import { useState, type FormEvent } from 'react';
import { redirect, useNavigate, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { describeError, isProblem } from '../../api/problem';
import { AuthLayout } from '../../app/auth-layout';
import { queryClient } from '../../app/query-client';
import { useDocumentTitle } from '../../app/use-document-title';
import { sessionQuery, signIn } from '../../session/session';

/** Only paths inside this app, so a crafted link cannot send someone elsewhere after signing in. */
export function safeNextPath(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export async function loginLoader({ request }: LoaderFunctionArgs) {
  const session = await queryClient.ensureQueryData(sessionQuery);
  if (session) throw redirect(safeNextPath(new URL(request.url).searchParams.get('next')));
  return null;
}

export function LoginPage() {
  useDocumentTitle('Sign in');
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    setFieldErrors({});
    try {
      await signIn(email.trim(), password);
      navigate(safeNextPath(searchParams.get('next')), { replace: true });
    } catch (failure) {
      setPending(false);
      if (isProblem(failure, 'validation-failed')) setFieldErrors(failure.fieldMessages());
      else setError(describeError(failure));
    }
  };

  return (
    <AuthLayout>
      <PageHeader
        title="Sign in to Bastion"
        description="Use the email address and password of your account."
      />
      <Card>
        <Form gap="4" onSubmit={submit} aria-label="Sign in">
          {error && (
            <Alert tone="danger" announce>
              {error}
            </Alert>
          )}
          <FormField label="Email" required error={fieldErrors.email}>
            <TextField
              type="email"
              name="email"
              autoComplete="username"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              required
            />
          </FormField>
          <FormField label="Password" required error={fieldErrors.password}>
            <PasswordField
              name="password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              required
            />
          </FormField>
          <Button type="submit" variant="primary" loading={pending} fullWidth>
            Sign in
          </Button>
        </Form>
      </Card>
    </AuthLayout>
  );
}

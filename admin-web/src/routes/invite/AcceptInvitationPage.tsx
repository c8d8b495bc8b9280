import {
  Alert,
  Button,
  Card,
  DescriptionList,
  EmptyState,
  FormField,
  PageHeader,
  PasswordField,
  Skeleton,
  Stack,
  TextField,
} from '@bastion/design-system';
import { useQuery } from '@tanstack/react-query';
import { MailX } from 'lucide-react';
import { Form } from '../../app/Form';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { isProblem } from '../../api/problem';
import type { AcceptedInvitation, PublicInvitation, SessionInfo } from '../../api/types';
import { AuthLayout } from '../../app/auth-layout';
import { formatDate } from '../../app/format';
import { LinkButton } from '../../app/link-button';
import { ErrorState } from '../../app/page-states';
import { queryClient } from '../../app/query-client';
import { useDocumentTitle } from '../../app/use-document-title';
import { useFormSubmit } from '../../app/use-form-submit';
import { PasswordRuleList } from '../account/PasswordRuleList';
import { passwordRules } from '../account/password-rules';
import { forgetSession, passwordPolicyQuery, sessionQuery, signOut } from '../../session/session';
import { signInPath } from '../../session/sign-in-path';

export function AcceptInvitationPage() {
  useDocumentTitle('Invitation');
  const { token = '' } = useParams();
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => unwrap(api.GET('/api/invitations/{token}', { params: { path: { token } } })),
  });
  const session = useQuery(sessionQuery);

  let body;
  if (invitation.isPending || session.isPending) {
    body = (
      <Card aria-busy>
        <Stack gap="2">
          <Skeleton width="70%" />
          <Skeleton width="50%" />
        </Stack>
      </Card>
    );
  } else if (invitation.isError) {
    body =
      isProblem(invitation.error, 'invitation-invalid') ||
      isProblem(invitation.error, 'validation-failed') ? (
        <EmptyState
          icon={<MailX />}
          title="This invitation can’t be used"
          description="It was already used, revoked, or has expired. Ask whoever invited you for a new link."
          action={<LinkButton to="/">Go to Bastion</LinkButton>}
        />
      ) : (
        <ErrorState
          title="The invitation could not be loaded"
          error={invitation.error}
          onRetry={() => void invitation.refetch()}
        />
      );
  } else if (session.isError) {
    body = (
      <ErrorState
        title="Could not check whether you are signed in"
        error={session.error}
        onRetry={() => void session.refetch()}
      />
    );
  } else {
    body = <InvitationDetails token={token} invitation={invitation.data} session={session.data} />;
  }

  return (
    <AuthLayout>
      <PageHeader
        title={invitation.data ? `Join ${invitation.data.workspace.name}` : 'Workspace invitation'}
        description={invitation.data ? `You were invited as ${invitation.data.role.name}.` : undefined}
      />
      {body}
    </AuthLayout>
  );
}

function InvitationDetails({
  token,
  invitation,
  session,
}: {
  token: string;
  invitation: PublicInvitation;
  session: SessionInfo | null;
}) {
  const navigate = useNavigate();
  const land = async (accepted: AcceptedInvitation) => {
    await queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey });
    await queryClient.fetchQuery(sessionQuery);
    navigate(`/w/${accepted.slug}`, { replace: true });
  };

  return (
    <Stack gap="6">
      <Card>
        <DescriptionList
          items={[
            { term: 'Workspace', description: invitation.workspace.name },
            { term: 'Role', description: invitation.role.name },
            { term: 'For', description: invitation.email },
            ...(invitation.invitedBy ? [{ term: 'Invited by', description: invitation.invitedBy }] : []),
            { term: 'Valid until', description: formatDate(invitation.expiresAt) },
          ]}
        />
      </Card>
      {session ? (
        <SignedInAccept token={token} invitation={invitation} session={session} onAccepted={land} />
      ) : (
        <SignUpAndAccept token={token} invitation={invitation} onAccepted={land} />
      )}
    </Stack>
  );
}

function SignedInAccept({
  token,
  invitation,
  session,
  onAccepted,
}: {
  token: string;
  invitation: PublicInvitation;
  session: SessionInfo;
  onAccepted: (accepted: AcceptedInvitation) => Promise<void>;
}) {
  const navigate = useNavigate();
  const matches = session.user.email.toLowerCase() === invitation.email.toLowerCase();
  const form = useFormSubmit(
    () => unwrap(api.POST('/api/invitations/accept', { body: { token } })),
    (accepted) => void onAccepted(accepted),
  );

  if (!matches) {
    return (
      <Alert
        tone="warning"
        title={`You are signed in as ${session.user.email}`}
        actions={
          <Button
            size="sm"
            onClick={async () => {
              await signOut();
              navigate(signInPath(`/invite/${token}`));
            }}
          >
            Sign out and continue
          </Button>
        }
      >
        This invitation is for {invitation.email}. Sign in as that person to accept it.
      </Alert>
    );
  }
  return (
    <Form gap="4" onSubmit={form.submit} aria-label="Accept invitation">
      {form.error && (
        <Alert tone="danger" announce>
          {form.error}
        </Alert>
      )}
      <Button type="submit" variant="primary" loading={form.pending} fullWidth>
        Accept and join {invitation.workspace.name}
      </Button>
    </Form>
  );
}

function SignUpAndAccept({
  token,
  invitation,
  onAccepted,
}: {
  token: string;
  invitation: PublicInvitation;
  onAccepted: (accepted: AcceptedInvitation) => Promise<void>;
}) {
  const policy = useQuery(passwordPolicyQuery);
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const rules = policy.data ? passwordRules(policy.data, password, { email: invitation.email }) : [];
  const signInHere = signInPath(`/invite/${token}`);

  const form = useFormSubmit(
    () =>
      unwrap(
        api.POST('/api/invitations/accept', {
          body: {
            token,
            displayName: displayName.trim(),
            password,
          },
        }),
      ),
    (accepted) => {
      forgetSession();
      void onAccepted(accepted);
    },
    () => {
      const errors: Record<string, string> = {};
      if (!displayName.trim()) errors.displayName = 'Enter the name others will see.';
      const broken = rules.find((rule) => !rule.met);
      if (broken) errors.password = `Not yet: ${broken.label.toLowerCase()}.`;
      return errors;
    },
  );
  const accountExists = form.errorCode === 'account-exists';

  return (
    <Card title="Create your account" description={`You will sign in as ${invitation.email}.`}>
      <Form gap="4" onSubmit={form.submit} aria-label="Create your account">
        {form.error && (
          <Alert
            tone="danger"
            announce
            actions={
              accountExists && (
                <LinkButton size="sm" to={signInHere}>
                  Sign in instead
                </LinkButton>
              )
            }
          >
            {form.error}
          </Alert>
        )}
        <FormField label="Your name" required error={form.fieldErrors.displayName}>
          <TextField
            value={displayName}
            onChange={(event) => setDisplayName(event.target.value)}
            autoComplete="name"
            maxLength={100}
          />
        </FormField>
        <FormField label="Choose a password" required error={form.fieldErrors.password}>
          <PasswordField
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </FormField>
        {rules.length > 0 && <PasswordRuleList rules={rules} />}
        <Button type="submit" variant="primary" loading={form.pending} fullWidth>
          Create account and join
        </Button>
        <LinkButton to={signInHere} variant="ghost" fullWidth>
          I already have an account: sign in
        </LinkButton>
      </Form>
    </Card>
  );
}

import { Badge, EmptyState, PageHeader, Stack } from '@bastion/design-system';
import { Compass, ShieldX, TriangleAlert } from 'lucide-react';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { describeError } from '../../api/problem';
import { LinkButton } from '../../app/link-button';
import { useDocumentTitle } from '../../app/use-document-title';

export function ForbiddenPage() {
  useDocumentTitle('Access denied');
  return (
    <Stack gap="6">
      <PageHeader title="Access denied" meta={<Badge>403</Badge>} />
      <EmptyState
        icon={<ShieldX />}
        title="You don’t have access to this page"
        description="Your role here does not include this screen. Ask a workspace owner or admin if you need it."
        action={<LinkButton to="/">Go to your workspace</LinkButton>}
      />
    </Stack>
  );
}

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <Stack gap="6">
      <PageHeader title="Page not found" meta={<Badge>404</Badge>} />
      <EmptyState
        icon={<Compass />}
        title="Nothing lives at this address"
        description="The link may be old, or it points to a workspace you are not a member of."
        action={<LinkButton to="/">Go to your workspace</LinkButton>}
      />
    </Stack>
  );
}

/** What a route shows when its loader or render fails. */
export function RouteErrorPage() {
  const error = useRouteError();
  useDocumentTitle('Something went wrong');
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  if (isRouteErrorResponse(error) && error.status === 403) return <ForbiddenPage />;
  return (
    <Stack gap="6">
      <PageHeader title="Something went wrong" />
      <EmptyState
        icon={<TriangleAlert />}
        title="This screen could not be shown"
        description={describeError(error)}
        action={<LinkButton to="/">Start again</LinkButton>}
      />
    </Stack>
  );
}

import { Alert, Button, Card, Skeleton, Stack } from '@bastion/design-system';
import { describeError, ProblemError } from '../api/problem';

/** A load that failed: the server's explanation, its request id for support, and a way to try again. */
export function ErrorState({
  title,
  error,
  onRetry,
}: {
  title: string;
  error: unknown;
  onRetry?: () => void;
}) {
  const requestId = error instanceof ProblemError ? error.requestId : undefined;
  return (
    <Alert
      tone="danger"
      title={title}
      actions={
        onRetry && (
          <Button size="sm" onClick={onRetry}>
            Try again
          </Button>
        )
      }
    >
      {describeError(error)}
      {requestId && ` (request ${requestId})`}
    </Alert>
  );
}

/** Placeholder for a card whose content is loading. */
export function CardSkeleton({ title, lines = 3 }: { title: string; lines?: number }) {
  return (
    <Card title={title} aria-busy>
      <Stack gap="2">
        {Array.from({ length: lines }, (_, index) => (
          <Skeleton key={index} width={index % 2 ? '60%' : '85%'} />
        ))}
      </Stack>
    </Card>
  );
}

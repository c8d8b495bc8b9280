import { Alert, Badge, Dialog, FormField, Select, Skeleton, Stack } from '@bastion/design-system';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { Member } from '../../api/types';
import { ErrorState } from '../../app/page-states';
import { permissionCatalogueQuery } from '../workspace/workspace-queries';
import { explanationVerdict, STEP_LABELS } from './explain';

/**
 * Answers "may this member do that, and why?" from the server's own permission check: the
 * membership, the role it gives, and whether that role includes the permission.
 */
export function ExplainAccessDialog({
  workspaceId,
  member,
  onClose,
}: {
  workspaceId: string;
  member: Member | null;
  onClose: () => void;
}) {
  const [permission, setPermission] = useState('');
  // Asked for when the dialog opens, not with the members list it sits under.
  const catalogue = useQuery({ ...permissionCatalogueQuery, enabled: member !== null });
  const explanation = useQuery({
    queryKey: ['explain', workspaceId, member?.userId, permission],
    queryFn: () =>
      unwrap(
        api.GET('/api/workspaces/{workspaceId}/permissions/explain', {
          params: { path: { workspaceId }, query: { userId: member?.userId ?? '', permission } },
        }),
      ),
    enabled: Boolean(member && permission),
  });
  const labelOf = (key: string) =>
    catalogue.data?.permissions.find((candidate) => candidate.key === key)?.label ?? key;

  return (
    <Dialog
      open={member !== null}
      onOpenChange={(open) => {
        if (!open) {
          setPermission('');
          onClose();
        }
      }}
      title={`Explain ${member?.displayName ?? 'member'}’s access`}
      description="Pick a permission to see whether they hold it in this workspace, and through which role."
    >
      <Stack gap="4">
        {catalogue.isError ? (
          <ErrorState
            title="Permissions could not be loaded"
            error={catalogue.error}
            onRetry={() => void catalogue.refetch()}
          />
        ) : (
          <FormField label="Permission">
            <Select
              value={permission || undefined}
              placeholder={catalogue.isPending ? 'Loading permissions…' : 'Choose a permission'}
              disabled={catalogue.isPending}
              options={(catalogue.data?.permissions ?? []).map((candidate) => ({
                value: candidate.key,
                label: `${candidate.label} (${candidate.key})`,
              }))}
              onValueChange={setPermission}
            />
          </FormField>
        )}
        {permission && (
          <section aria-label="Answer" aria-live="polite" aria-busy={explanation.isPending || undefined}>
            {explanation.isError ? (
              <ErrorState
                title="The answer could not be loaded"
                error={explanation.error}
                onRetry={() => void explanation.refetch()}
              />
            ) : explanation.data ? (
              <Stack gap="3">
                <Alert
                  tone={explanation.data.allowed ? 'success' : 'warning'}
                  title={explanation.data.allowed ? 'Allowed' : 'Not allowed'}
                >
                  {explanationVerdict(explanation.data, member?.displayName ?? 'They', labelOf(permission))}
                </Alert>
                <ol aria-label="How the answer was reached">
                  {explanation.data.chain.map((step) => (
                    <li key={step.step}>
                      <Stack gap="1">
                        <span>
                          {STEP_LABELS[step.step]}{' '}
                          {step.passed ? (
                            <Badge tone="success">Passed</Badge>
                          ) : (
                            <Badge tone="danger">Failed</Badge>
                          )}
                        </span>
                        <span>{step.detail}</span>
                      </Stack>
                    </li>
                  ))}
                </ol>
              </Stack>
            ) : (
              <Stack gap="2">
                <Skeleton width="70%" />
                <Skeleton width="50%" />
              </Stack>
            )}
          </section>
        )}
      </Stack>
    </Dialog>
  );
}

import { Alert, Button, Dialog, DialogClose, FormField, TextField, useToast } from '@bastion/design-system';
import { Form } from '../../app/Form';
import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { queryClient } from '../../app/query-client';
import { useFormSubmit } from '../../app/use-form-submit';
import { sessionQuery } from '../../session/session';
import { slugFrom, slugProblem } from './slug';

export function CreateWorkspaceDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const formId = useId();
  const navigate = useNavigate();
  const { toast } = useToast();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const effectiveSlug = slugEdited ? slug : slugFrom(name);

  const form = useFormSubmit(
    () => unwrap(api.POST('/api/workspaces', { body: { name: name.trim(), slug: effectiveSlug } })),
    async (workspace) => {
      await queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey });
      onOpenChange(false);
      setName('');
      setSlug('');
      setSlugEdited(false);
      toast({ tone: 'success', title: `Workspace ${workspace.name} created` });
      navigate(`/w/${workspace.slug}`);
    },
    () => {
      const errors: Record<string, string> = {};
      if (!name.trim()) errors.name = 'Give the workspace a name.';
      const slugError = slugProblem(effectiveSlug);
      if (slugError) errors.slug = slugError;
      return errors;
    },
  );

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) form.reset();
        onOpenChange(next);
      }}
      title="Create workspace"
      description="You become its owner and can invite others."
      footer={
        <>
          <DialogClose asChild>
            <Button>Cancel</Button>
          </DialogClose>
          <Button type="submit" form={formId} variant="primary" loading={form.pending}>
            Create workspace
          </Button>
        </>
      }
    >
      <Form id={formId} gap="4" onSubmit={form.submit}>
        {form.error && (
          <Alert tone="danger" announce>
            {form.error}
          </Alert>
        )}
        <FormField label="Name" required error={form.fieldErrors.name}>
          <TextField value={name} onChange={(event) => setName(event.target.value)} maxLength={100} />
        </FormField>
        <FormField
          label="Address"
          required
          hint={`Lowercase letters, digits and hyphens: /w/${effectiveSlug || 'your-team'}`}
          error={form.fieldErrors.slug}
        >
          <TextField
            value={effectiveSlug}
            onChange={(event) => {
              setSlugEdited(true);
              setSlug(event.target.value);
            }}
            maxLength={63}
          />
        </FormField>
      </Form>
    </Dialog>
  );
}

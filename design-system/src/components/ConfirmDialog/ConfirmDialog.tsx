import { clsx } from 'clsx';
import { AlertDialog } from 'radix-ui';
import { forwardRef, useId, useState, type FormEvent, type ReactElement, type ReactNode } from 'react';
import dialogStyles from '../Dialog/Dialog.module.css';
import { Button } from '../Button';
import { FormField } from '../FormField';
import { TextField } from '../TextField';
import styles from './ConfirmDialog.module.css';

export interface ConfirmDialogProps {
  /** The question, naming the object: "Delete workspace Acme?". */
  title: string;
  /** What happens and whether it can be undone. */
  description: ReactNode;
  /** Label of the confirming button; say the action, not "OK". */
  confirmLabel: string;
  /**
   * Called on confirm; while a returned promise is pending the button shows it is busy. The dialog
   * closes when it resolves and stays open if it rejects.
   */
  onConfirm: () => void | Promise<void>;
  /** @default 'Cancel' */
  cancelLabel?: string;
  /**
   * `danger` for destructive actions.
   * @default 'danger'
   */
  tone?: 'danger' | 'primary';
  /**
   * When set, the user must type this exact phrase before confirming.
   * @default undefined
   */
  confirmationPhrase?: string;
  /**
   * Element that opens the dialog.
   * @default undefined
   */
  trigger?: ReactElement;
  /**
   * Controlled open state.
   * @default undefined
   */
  open?: boolean;
  /** @default undefined */
  onOpenChange?: (open: boolean) => void;
  /** @default undefined */
  className?: string;
}

/**
 * Asks for confirmation before an action; focus starts on Cancel so Enter does not destroy anything.
 * With `confirmationPhrase` the user must type the phrase first.
 */
export const ConfirmDialog = forwardRef<HTMLDivElement, ConfirmDialogProps>(function ConfirmDialog(
  {
    title,
    description,
    confirmLabel,
    onConfirm,
    cancelLabel = 'Cancel',
    tone = 'danger',
    confirmationPhrase,
    trigger,
    open: controlledOpen,
    onOpenChange,
    className,
  },
  ref,
) {
  const formId = useId();
  const [uncontrolledOpen, setUncontrolledOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [pending, setPending] = useState(false);
  const open = controlledOpen ?? uncontrolledOpen;
  const phraseMatches = !confirmationPhrase || typed === confirmationPhrase;

  const setOpen = (next: boolean) => {
    if (!next) setTyped('');
    setUncontrolledOpen(next);
    onOpenChange?.(next);
  };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!phraseMatches || pending) return;
    setPending(true);
    try {
      await onConfirm();
      setOpen(false);
    } catch {
      // The caller reports the failure; staying open lets the user retry or cancel.
    } finally {
      setPending(false);
    }
  };

  return (
    <AlertDialog.Root open={open} onOpenChange={setOpen}>
      {trigger && <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>}
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={dialogStyles.overlay} />
        <AlertDialog.Content ref={ref} className={clsx(dialogStyles.content, className)} data-size="sm">
          <AlertDialog.Title className={dialogStyles.title}>{title}</AlertDialog.Title>
          <AlertDialog.Description className={dialogStyles.description}>
            {description}
          </AlertDialog.Description>
          <form id={formId} className={styles.form} onSubmit={handleSubmit}>
            {confirmationPhrase && (
              <FormField
                label={
                  <>
                    Type <strong className={styles.phrase}>{confirmationPhrase}</strong> to confirm
                  </>
                }
              >
                <TextField
                  autoComplete="off"
                  spellCheck={false}
                  value={typed}
                  onChange={(event) => setTyped(event.target.value)}
                />
              </FormField>
            )}
            <div className={dialogStyles.footer}>
              <AlertDialog.Cancel asChild>
                <Button>{cancelLabel}</Button>
              </AlertDialog.Cancel>
              <Button type="submit" variant={tone} loading={pending} disabled={!phraseMatches}>
                {confirmLabel}
              </Button>
            </div>
          </form>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
});

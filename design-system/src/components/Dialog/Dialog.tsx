import { clsx } from 'clsx';
import { X } from 'lucide-react';
import { Dialog as DialogPrimitive } from 'radix-ui';
import { forwardRef, type ReactElement, type ReactNode } from 'react';
import { warnInDevelopment } from '../../utils/dev-warning';
import { IconButton } from '../IconButton';
import styles from './Dialog.module.css';

export interface DialogProps {
  /** Heading and accessible name; required because a dialog without a name is announced as just "dialog". */
  title: string;
  /**
   * Sentence under the title, read when the dialog opens.
   * @default undefined
   */
  description?: ReactNode;
  /**
   * Element that opens the dialog; focus returns to it on close. Omit when controlling `open`.
   * @default undefined
   */
  trigger?: ReactElement;
  /** Body content. */
  children?: ReactNode;
  /**
   * Buttons at the bottom, primary action last.
   * @default undefined
   */
  footer?: ReactNode;
  /**
   * Controlled open state.
   * @default undefined
   */
  open?: boolean;
  /** @default undefined */
  onOpenChange?: (open: boolean) => void;
  /** @default 'md' */
  size?: 'sm' | 'md' | 'lg';
  /** @default undefined */
  className?: string;
}

/** A modal window: focus moves in and stays inside until it closes with Escape, the close button or an action. */
export const Dialog = forwardRef<HTMLDivElement, DialogProps>(function Dialog(
  { title, description, trigger, children, footer, open, onOpenChange, size = 'md', className },
  ref,
) {
  if (!title?.trim()) {
    warnInDevelopment('Dialog needs a non-empty `title`: it is the accessible name screen readers announce.');
  }
  return (
    <DialogPrimitive.Root {...(open !== undefined && { open })} {...(onOpenChange && { onOpenChange })}>
      {trigger && <DialogPrimitive.Trigger asChild>{trigger}</DialogPrimitive.Trigger>}
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className={styles.overlay} />
        <DialogPrimitive.Content
          ref={ref}
          className={clsx(styles.content, className)}
          data-size={size}
          {...(!description && { 'aria-describedby': undefined })}
        >
          <header className={styles.header}>
            <DialogPrimitive.Title className={styles.title}>{title}</DialogPrimitive.Title>
            <DialogPrimitive.Close asChild>
              <IconButton size="sm" icon={<X />} label="Close" />
            </DialogPrimitive.Close>
          </header>
          {description && (
            <DialogPrimitive.Description className={styles.description}>
              {description}
            </DialogPrimitive.Description>
          )}
          {children && <div className={styles.body}>{children}</div>}
          {footer && <footer className={styles.footer}>{footer}</footer>}
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
});

/** Closes the surrounding Dialog when its child is activated, for Cancel buttons. */
export const DialogClose = DialogPrimitive.Close;

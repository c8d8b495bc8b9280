import { clsx } from 'clsx';
import { forwardRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { warnInDevelopment } from '../../utils/dev-warning';
import type { ButtonSize, ButtonVariant } from '../Button';
import { Spinner } from '../Spinner';
import styles from './IconButton.module.css';

export interface IconButtonProps extends Omit<ComponentPropsWithoutRef<'button'>, 'children' | 'aria-label'> {
  /** The icon to show; it is hidden from assistive technology, which reads `label` instead. */
  icon: ReactNode;
  /**
   * Accessible name, required because the button has no visible text. It is also the native tooltip.
   */
  label: string;
  /** @default 'ghost' */
  variant?: ButtonVariant;
  /** @default 'md' */
  size?: ButtonSize;
  /** @default false */
  loading?: boolean;
  /** @default 'button' */
  type?: 'button' | 'submit' | 'reset';
}

/** A square button showing only an icon; `label` names it for screen readers and pointer users. */
export const IconButton = forwardRef<HTMLButtonElement, IconButtonProps>(function IconButton(
  {
    icon,
    label,
    variant = 'ghost',
    size = 'md',
    loading = false,
    type = 'button',
    className,
    onClick,
    ...rest
  },
  ref,
) {
  if (!label?.trim()) {
    warnInDevelopment(
      'IconButton needs a non-empty `label`: without it screen readers announce only "button".',
    );
  }
  return (
    <button
      ref={ref}
      type={type}
      aria-label={label}
      title={label}
      className={clsx(styles.root, className)}
      data-variant={variant}
      data-size={size}
      data-loading={loading || undefined}
      aria-busy={loading || undefined}
      aria-disabled={loading || undefined}
      onClick={(event) => {
        if (loading) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
      {...rest}
    >
      {loading ? <Spinner label={null} size="sm" /> : <span aria-hidden>{icon}</span>}
    </button>
  );
});

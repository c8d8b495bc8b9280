import { clsx } from 'clsx';
import { forwardRef, type ComponentPropsWithoutRef, type MouseEvent, type ReactNode } from 'react';
import { Spinner } from '../Spinner';
import styles from './Button.module.css';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';
export type ButtonSize = 'sm' | 'md' | 'lg';

export interface ButtonProps extends ComponentPropsWithoutRef<'button'> {
  /**
   * Visual weight: one `primary` action per view, `danger` for destructive actions.
   * @default 'secondary'
   */
  variant?: ButtonVariant;
  /** @default 'md' */
  size?: ButtonSize;
  /**
   * Shows a spinner and ignores clicks. The button stays focusable (it is `aria-disabled`, not
   * `disabled`) so keyboard users do not lose their place while an action runs.
   * @default false
   */
  loading?: boolean;
  /**
   * Icon shown before the label; decorative, the label names the button.
   * @default undefined
   */
  icon?: ReactNode;
  /**
   * Icon shown after the label.
   * @default undefined
   */
  iconEnd?: ReactNode;
  /** @default false */
  fullWidth?: boolean;
  /** @default 'button' */
  type?: 'button' | 'submit' | 'reset';
}

/** Triggers an action. Use a link, not a button, to navigate. */
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  {
    variant = 'secondary',
    size = 'md',
    loading = false,
    icon,
    iconEnd,
    fullWidth = false,
    type = 'button',
    className,
    children,
    onClick,
    ...rest
  },
  ref,
) {
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (loading) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  return (
    <button
      ref={ref}
      type={type}
      className={clsx(styles.root, className)}
      data-variant={variant}
      data-size={size}
      data-loading={loading || undefined}
      data-full-width={fullWidth || undefined}
      aria-busy={loading || undefined}
      aria-disabled={loading || undefined}
      onClick={handleClick}
      {...rest}
    >
      {loading ? (
        <Spinner label={null} size="sm" className={styles.icon} />
      ) : (
        icon && (
          <span className={styles.icon} aria-hidden>
            {icon}
          </span>
        )
      )}
      <span className={styles.label}>{children}</span>
      {iconEnd && (
        <span className={styles.icon} aria-hidden>
          {iconEnd}
        </span>
      )}
    </button>
  );
});

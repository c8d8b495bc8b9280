import { clsx } from 'clsx';
import { forwardRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import styles from './Badge.module.css';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export interface BadgeProps extends ComponentPropsWithoutRef<'span'> {
  /**
   * Colour by meaning; the text must still carry the meaning on its own.
   * @default 'neutral'
   */
  tone?: BadgeTone;
  /**
   * Decorative icon before the text.
   * @default undefined
   */
  icon?: ReactNode;
}

/** A short status or count label, such as a role or "Suspended". */
export const Badge = forwardRef<HTMLSpanElement, BadgeProps>(function Badge(
  { tone = 'neutral', icon, className, children, ...rest },
  ref,
) {
  return (
    <span ref={ref} className={clsx(styles.root, className)} data-tone={tone} {...rest}>
      {icon && (
        <span className={styles.icon} aria-hidden>
          {icon}
        </span>
      )}
      {children}
    </span>
  );
});

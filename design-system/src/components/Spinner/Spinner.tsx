import { clsx } from 'clsx';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import styles from './Spinner.module.css';

export type SpinnerSize = 'sm' | 'md' | 'lg';

export interface SpinnerProps extends Omit<ComponentPropsWithoutRef<'span'>, 'children'> {
  /**
   * Announced to assistive technology. Pass `null` when a surrounding element already says what is
   * loading (for example a busy button), which hides the spinner from the accessibility tree.
   * @default 'Loading'
   */
  label?: string | null;
  /** @default 'md' */
  size?: SpinnerSize;
}

/** An indeterminate progress indicator; it stops spinning for users who prefer reduced motion. */
export const Spinner = forwardRef<HTMLSpanElement, SpinnerProps>(function Spinner(
  { label = 'Loading', size = 'md', className, ...rest },
  ref,
) {
  const a11y = label === null ? { 'aria-hidden': true } : { role: 'status', 'aria-label': label };
  return (
    <span ref={ref} className={clsx(styles.root, className)} data-size={size} {...a11y} {...rest}>
      <span className={styles.ring} />
    </span>
  );
});

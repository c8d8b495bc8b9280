import { clsx } from 'clsx';
import { forwardRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import styles from './EmptyState.module.css';

export interface EmptyStateProps extends Omit<ComponentPropsWithoutRef<'div'>, 'title'> {
  /** What is empty, as a short sentence: "No members yet". */
  title: ReactNode;
  /**
   * Why it is empty or what to do next.
   * @default undefined
   */
  description?: ReactNode;
  /**
   * Decorative icon above the title.
   * @default undefined
   */
  icon?: ReactNode;
  /**
   * The next step, usually one Button.
   * @default undefined
   */
  action?: ReactNode;
  /**
   * Heading level, to fit the page outline.
   * @default 2
   */
  headingLevel?: 2 | 3 | 4;
}

/** Replaces a list or table that has nothing to show, and offers the next step. */
export const EmptyState = forwardRef<HTMLDivElement, EmptyStateProps>(function EmptyState(
  { title, description, icon, action, headingLevel = 2, className, ...rest },
  ref,
) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div ref={ref} className={clsx(styles.root, className)} {...rest}>
      {icon && (
        <span className={styles.icon} aria-hidden>
          {icon}
        </span>
      )}
      <Heading className={styles.title}>{title}</Heading>
      {description && <p className={styles.description}>{description}</p>}
      {action && <div className={styles.action}>{action}</div>}
    </div>
  );
});

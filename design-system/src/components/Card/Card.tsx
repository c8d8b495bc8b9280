import { clsx } from 'clsx';
import { forwardRef, useId, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import styles from './Card.module.css';

export interface CardProps extends Omit<ComponentPropsWithoutRef<'section'>, 'title'> {
  /**
   * Heading for the card; also names the card as a region.
   * @default undefined
   */
  title?: ReactNode;
  /**
   * Text under the title.
   * @default undefined
   */
  description?: ReactNode;
  /**
   * Buttons or menus shown beside the title.
   * @default undefined
   */
  actions?: ReactNode;
  /**
   * Heading level, to fit the page outline.
   * @default 2
   */
  headingLevel?: 2 | 3 | 4;
  /**
   * Removes inner padding so a Table or list can reach the edges.
   * @default false
   */
  flush?: boolean;
}

/** Groups related content on a surface, optionally with a heading and actions. */
export const Card = forwardRef<HTMLElement, CardProps>(function Card(
  { title, description, actions, headingLevel = 2, flush = false, className, children, ...rest },
  ref,
) {
  const titleId = useId();
  const Heading = `h${headingLevel}` as const;
  return (
    <section
      ref={ref}
      className={clsx(styles.root, className)}
      data-flush={flush || undefined}
      aria-labelledby={title ? titleId : undefined}
      {...rest}
    >
      {(title || actions) && (
        <header className={styles.header}>
          <div className={styles.heading}>
            {title && (
              <Heading id={titleId} className={styles.title}>
                {title}
              </Heading>
            )}
            {description && <p className={styles.description}>{description}</p>}
          </div>
          {actions && <div className={styles.actions}>{actions}</div>}
        </header>
      )}
      <div className={styles.body}>{children}</div>
    </section>
  );
});

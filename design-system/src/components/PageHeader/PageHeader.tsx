import { clsx } from 'clsx';
import { forwardRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import styles from './PageHeader.module.css';

export interface PageHeaderProps extends Omit<ComponentPropsWithoutRef<'header'>, 'title'> {
  /** The page's only `h1`. */
  title: ReactNode;
  /**
   * One sentence on what the page is for.
   * @default undefined
   */
  description?: ReactNode;
  /**
   * Page-level buttons, primary last.
   * @default undefined
   */
  actions?: ReactNode;
  /**
   * Breadcrumbs above the title.
   * @default undefined
   */
  breadcrumbs?: ReactNode;
  /**
   * Status next to the title, such as a Badge.
   * @default undefined
   */
  meta?: ReactNode;
}

/** Title, description and primary actions at the top of a page. */
export const PageHeader = forwardRef<HTMLElement, PageHeaderProps>(function PageHeader(
  { title, description, actions, breadcrumbs, meta, className, ...rest },
  ref,
) {
  return (
    <header ref={ref} className={clsx(styles.root, className)} {...rest}>
      {breadcrumbs}
      <div className={styles.row}>
        <div className={styles.text}>
          <div className={styles.titleRow}>
            <h1 className={styles.title}>{title}</h1>
            {meta}
          </div>
          {description && <p className={styles.description}>{description}</p>}
        </div>
        {actions && <div className={styles.actions}>{actions}</div>}
      </div>
    </header>
  );
});

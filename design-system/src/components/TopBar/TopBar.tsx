import { clsx } from 'clsx';
import { forwardRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import styles from './TopBar.module.css';

export interface TopBarProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /**
   * Left side: workspace switcher or product name.
   * @default undefined
   */
  start?: ReactNode;
  /**
   * Middle: usually a search field; hidden first on narrow screens.
   * @default undefined
   */
  center?: ReactNode;
  /**
   * Right side: help, notifications, the user menu.
   * @default undefined
   */
  end?: ReactNode;
}

/** The bar along the top of the app. Inside an AppShell it sits in the page's banner landmark. */
export const TopBar = forwardRef<HTMLDivElement, TopBarProps>(function TopBar(
  { start, center, end, className, ...rest },
  ref,
) {
  return (
    <div ref={ref} className={clsx(styles.root, className)} {...rest}>
      <div className={styles.start}>{start}</div>
      {center && <div className={styles.center}>{center}</div>}
      <div className={styles.end}>{end}</div>
    </div>
  );
});

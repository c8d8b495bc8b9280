import { clsx } from 'clsx';
import { ChevronRight } from 'lucide-react';
import { forwardRef, type ComponentPropsWithoutRef, type ElementType } from 'react';
import styles from './Breadcrumbs.module.css';

export interface BreadcrumbItem {
  label: string;
  /** Omit on the last item, the current page. */
  href?: string;
}

export interface BreadcrumbsProps extends Omit<ComponentPropsWithoutRef<'nav'>, 'children'> {
  /** From the top level down to the current page, which comes last. */
  items: BreadcrumbItem[];
  /**
   * Element or router link component that renders links; it receives `href`.
   * @default 'a'
   */
  linkAs?: ElementType;
  /** @default 'Breadcrumb' */
  'aria-label'?: string;
}

/** Where the current page sits in the hierarchy; the last item is the current page. */
export const Breadcrumbs = forwardRef<HTMLElement, BreadcrumbsProps>(function Breadcrumbs(
  { items, linkAs: Link = 'a', className, 'aria-label': label = 'Breadcrumb', ...rest },
  ref,
) {
  return (
    <nav ref={ref} aria-label={label} className={clsx(styles.root, className)} {...rest}>
      <ol className={styles.list}>
        {items.map((item, index) => {
          const current = index === items.length - 1;
          return (
            <li key={`${item.label}-${index}`} className={styles.item}>
              {current || !item.href ? (
                <span
                  className={styles.current}
                  aria-current={current ? 'page' : undefined}
                  title={item.label}
                >
                  {item.label}
                </span>
              ) : (
                <Link href={item.href} className={styles.link} title={item.label}>
                  {item.label}
                </Link>
              )}
              {!current && <ChevronRight aria-hidden className={styles.separator} />}
            </li>
          );
        })}
      </ol>
    </nav>
  );
});

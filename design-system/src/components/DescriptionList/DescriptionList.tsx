import { clsx } from 'clsx';
import { forwardRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import styles from './DescriptionList.module.css';

export interface DescriptionItem {
  term: ReactNode;
  description: ReactNode;
}

export interface DescriptionListProps extends Omit<ComponentPropsWithoutRef<'dl'>, 'children'> {
  items: DescriptionItem[];
  /**
   * `columns` puts terms beside values on wide screens; `stacked` keeps them one above the other.
   * @default 'columns'
   */
  layout?: 'columns' | 'stacked';
}

/** Read-only key/value details, such as a member's profile or a token's metadata. */
export const DescriptionList = forwardRef<HTMLDListElement, DescriptionListProps>(function DescriptionList(
  { items, layout = 'columns', className, ...rest },
  ref,
) {
  return (
    <dl ref={ref} className={clsx(styles.root, className)} data-layout={layout} {...rest}>
      {items.map((item, index) => (
        <div key={index} className={styles.row}>
          <dt className={styles.term}>{item.term}</dt>
          <dd className={styles.description}>{item.description}</dd>
        </div>
      ))}
    </dl>
  );
});

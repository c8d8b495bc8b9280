import { clsx } from 'clsx';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import { forwardRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { Button } from '../Button';
import styles from './Pagination.module.css';

export interface PaginationProps extends Omit<ComponentPropsWithoutRef<'nav'>, 'children'> {
  /** Whether a previous page exists (the API returned a previous cursor). */
  hasPrevious: boolean;
  /** Whether a next page exists (the API returned a next cursor). */
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  /**
   * Text such as "Showing 21–40"; cursor APIs rarely know a total, so none is required.
   * @default undefined
   */
  summary?: ReactNode;
  /**
   * Disables both buttons while a page loads.
   * @default false
   */
  loading?: boolean;
  /** @default 'Pagination' */
  'aria-label'?: string;
}

/** Previous/next navigation for cursor-paginated lists. */
export const Pagination = forwardRef<HTMLElement, PaginationProps>(function Pagination(
  {
    hasPrevious,
    hasNext,
    onPrevious,
    onNext,
    summary,
    loading = false,
    className,
    'aria-label': label = 'Pagination',
    ...rest
  },
  ref,
) {
  return (
    <nav
      ref={ref}
      aria-label={label}
      className={clsx(styles.root, className)}
      data-loading={loading || undefined}
      {...rest}
    >
      <p className={styles.summary} aria-live="polite">
        {summary}
      </p>
      <div className={styles.buttons}>
        <Button size="sm" icon={<ChevronLeft />} disabled={!hasPrevious || loading} onClick={onPrevious}>
          Previous
        </Button>
        <Button size="sm" iconEnd={<ChevronRight />} disabled={!hasNext || loading} onClick={onNext}>
          Next
        </Button>
      </div>
    </nav>
  );
});

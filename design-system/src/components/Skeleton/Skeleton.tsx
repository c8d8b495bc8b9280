import { clsx } from 'clsx';
import { forwardRef, type ComponentPropsWithoutRef, type CSSProperties } from 'react';
import styles from './Skeleton.module.css';

export interface SkeletonProps extends Omit<ComponentPropsWithoutRef<'span'>, 'children'> {
  /**
   * Any CSS length; a placeholder should be about as wide as what it stands for.
   * @default '100%'
   */
  width?: string;
  /**
   * Any CSS length.
   * @default '1em'
   */
  height?: string;
  /** @default 'text' */
  shape?: 'text' | 'circle' | 'block';
}

/**
 * A placeholder for content that is loading. It is hidden from assistive technology: the region that
 * loads announces itself busy (for example with `aria-busy`).
 */
export const Skeleton = forwardRef<HTMLSpanElement, SkeletonProps>(function Skeleton(
  { width = '100%', height = '1em', shape = 'text', className, style, ...rest },
  ref,
) {
  return (
    <span
      ref={ref}
      aria-hidden
      className={clsx(styles.root, className)}
      data-shape={shape}
      style={{ '--ds-skeleton-width': width, '--ds-skeleton-height': height, ...style } as CSSProperties}
      {...rest}
    />
  );
});

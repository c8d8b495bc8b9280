import { clsx } from 'clsx';
import { forwardRef, type ComponentPropsWithoutRef, type CSSProperties, type ElementType } from 'react';
import type { SpaceToken } from '../../tokens';
import styles from './Stack.module.css';

type Align = 'start' | 'center' | 'end' | 'stretch' | 'baseline';
type Justify = 'start' | 'center' | 'end' | 'between';

interface LayoutProps extends ComponentPropsWithoutRef<'div'> {
  /**
   * Space between children, from the spacing scale.
   * @default '4'
   */
  gap?: SpaceToken;
  /** @default 'stretch' for Stack, 'center' for Inline */
  align?: Align;
  /** @default 'start' */
  justify?: Justify;
  /**
   * Element to render, for example `'ul'` or `'form'`.
   * @default 'div'
   */
  as?: ElementType;
}

export type StackProps = LayoutProps;

export interface InlineProps extends LayoutProps {
  /**
   * Lets children wrap onto new lines on narrow screens.
   * @default true
   */
  wrap?: boolean;
}

const gapStyle = (gap: SpaceToken, style: CSSProperties | undefined) =>
  ({ '--ds-layout-gap': `var(--ds-space-${gap})`, ...style }) as CSSProperties;

/** Lays children out in a column with even spacing: form fields, page sections. */
export const Stack = forwardRef<HTMLElement, StackProps>(function Stack(
  { gap = '4', align = 'stretch', justify = 'start', as: Component = 'div', className, style, ...rest },
  ref,
) {
  return (
    <Component
      ref={ref}
      className={clsx(styles.stack, className)}
      data-align={align}
      data-justify={justify}
      style={gapStyle(gap, style)}
      {...rest}
    />
  );
});

/** Lays children out in a row with even spacing: button groups, badges, toolbars. */
export const Inline = forwardRef<HTMLElement, InlineProps>(function Inline(
  {
    gap = '2',
    align = 'center',
    justify = 'start',
    wrap = true,
    as: Component = 'div',
    className,
    style,
    ...rest
  },
  ref,
) {
  return (
    <Component
      ref={ref}
      className={clsx(styles.inline, className)}
      data-align={align}
      data-justify={justify}
      data-wrap={wrap || undefined}
      style={gapStyle(gap, style)}
      {...rest}
    />
  );
});

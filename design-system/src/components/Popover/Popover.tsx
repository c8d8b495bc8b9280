import { clsx } from 'clsx';
import { X } from 'lucide-react';
import { Popover as PopoverPrimitive } from 'radix-ui';
import { forwardRef, type ReactElement, type ReactNode } from 'react';
import { IconButton } from '../IconButton';
import styles from './Popover.module.css';

export interface PopoverProps {
  /** The button that opens the popover. */
  trigger: ReactElement;
  /** Content; it may contain interactive elements, which Tab reaches in order. */
  children: ReactNode;
  /**
   * Heading at the top of the popover, which also names it.
   * @default undefined
   */
  title?: string;
  /**
   * Accessible name when there is no `title`.
   * @default undefined
   */
  'aria-label'?: string;
  /** @default 'bottom' */
  side?: 'top' | 'right' | 'bottom' | 'left';
  /** @default 'start' */
  align?: 'start' | 'center' | 'end';
  /**
   * Controlled open state.
   * @default undefined
   */
  open?: boolean;
  /** @default undefined */
  onOpenChange?: (open: boolean) => void;
  /** @default undefined */
  className?: string;
}

/** Non-modal floating content anchored to a trigger; Escape or a click outside closes it. */
export const Popover = forwardRef<HTMLDivElement, PopoverProps>(function Popover(
  { trigger, children, title, side = 'bottom', align = 'start', open, onOpenChange, className, ...rest },
  ref,
) {
  return (
    <PopoverPrimitive.Root {...(open !== undefined && { open })} {...(onOpenChange && { onOpenChange })}>
      <PopoverPrimitive.Trigger asChild>{trigger}</PopoverPrimitive.Trigger>
      <PopoverPrimitive.Portal>
        <PopoverPrimitive.Content
          ref={ref}
          side={side}
          align={align}
          sideOffset={6}
          collisionPadding={8}
          className={clsx(styles.content, className)}
          aria-label={rest['aria-label'] ?? title}
        >
          {title && (
            <div className={styles.header}>
              <p className={styles.title}>{title}</p>
              <PopoverPrimitive.Close asChild>
                <IconButton size="sm" icon={<X />} label="Close" />
              </PopoverPrimitive.Close>
            </div>
          )}
          {children}
        </PopoverPrimitive.Content>
      </PopoverPrimitive.Portal>
    </PopoverPrimitive.Root>
  );
});

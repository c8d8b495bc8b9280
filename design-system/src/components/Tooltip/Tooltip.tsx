import { clsx } from 'clsx';
import { Tooltip as TooltipPrimitive } from 'radix-ui';
import { forwardRef, type ReactElement, type ReactNode } from 'react';
import styles from './Tooltip.module.css';

export interface TooltipProps {
  /** Short supplementary text; never the only place important information lives. */
  content: ReactNode;
  /** One focusable element (a button or link) that shows the tooltip on hover and focus. */
  children: ReactElement;
  /** @default 'top' */
  side?: 'top' | 'right' | 'bottom' | 'left';
  /**
   * Milliseconds of hover before it shows; focus shows it at once.
   * @default 400
   */
  delayDuration?: number;
  /**
   * Controlled visibility.
   * @default undefined
   */
  open?: boolean;
  /** @default undefined */
  onOpenChange?: (open: boolean) => void;
  /** @default undefined */
  className?: string;
}

/** Describes the element it wraps on hover and keyboard focus; Escape hides it. */
export const Tooltip = forwardRef<HTMLDivElement, TooltipProps>(function Tooltip(
  { content, children, side = 'top', delayDuration = 400, open, onOpenChange, className },
  ref,
) {
  return (
    <TooltipPrimitive.Provider delayDuration={delayDuration}>
      <TooltipPrimitive.Root {...(open !== undefined && { open })} {...(onOpenChange && { onOpenChange })}>
        <TooltipPrimitive.Trigger asChild>{children}</TooltipPrimitive.Trigger>
        <TooltipPrimitive.Portal>
          <TooltipPrimitive.Content
            ref={ref}
            side={side}
            sideOffset={6}
            className={clsx(styles.content, className)}
          >
            {content}
            <TooltipPrimitive.Arrow className={styles.arrow} />
          </TooltipPrimitive.Content>
        </TooltipPrimitive.Portal>
      </TooltipPrimitive.Root>
    </TooltipPrimitive.Provider>
  );
});

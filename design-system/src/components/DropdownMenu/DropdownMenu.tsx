import { clsx } from 'clsx';
import { DropdownMenu as MenuPrimitive } from 'radix-ui';
import { forwardRef, type ReactElement, type ReactNode } from 'react';
import styles from './DropdownMenu.module.css';

export type MenuEntry =
  | {
      type?: 'item';
      label: string;
      icon?: ReactNode;
      onSelect: () => void;
      tone?: 'default' | 'danger';
      disabled?: boolean;
      /** Keyboard shortcut hint shown at the end of the item. */
      shortcut?: string;
    }
  | { type: 'separator' }
  | { type: 'label'; label: ReactNode };

export interface DropdownMenuProps {
  /** The button that opens the menu. */
  trigger: ReactElement;
  /** Items, separators and group labels, in order. */
  items: MenuEntry[];
  /**
   * Content above the items, such as the signed-in user's name.
   * @default undefined
   */
  header?: ReactNode;
  /** @default 'end' */
  align?: 'start' | 'center' | 'end';
  /** @default 'bottom' */
  side?: 'top' | 'right' | 'bottom' | 'left';
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

/** A menu of actions: arrow keys move, Enter selects, typing jumps to an item, Escape closes. */
export const DropdownMenu = forwardRef<HTMLDivElement, DropdownMenuProps>(function DropdownMenu(
  { trigger, items, header, align = 'end', side = 'bottom', open, onOpenChange, className },
  ref,
) {
  return (
    <MenuPrimitive.Root {...(open !== undefined && { open })} {...(onOpenChange && { onOpenChange })}>
      <MenuPrimitive.Trigger asChild>{trigger}</MenuPrimitive.Trigger>
      <MenuPrimitive.Portal>
        <MenuPrimitive.Content
          ref={ref}
          align={align}
          side={side}
          sideOffset={4}
          collisionPadding={8}
          className={clsx(styles.content, className)}
        >
          {header && <div className={styles.header}>{header}</div>}
          {items.map((entry, index) => {
            if (entry.type === 'separator') {
              return <MenuPrimitive.Separator key={index} className={styles.separator} />;
            }
            if (entry.type === 'label') {
              return (
                <MenuPrimitive.Label key={index} className={styles.label}>
                  {entry.label}
                </MenuPrimitive.Label>
              );
            }
            return (
              <MenuPrimitive.Item
                key={index}
                className={styles.item}
                data-tone={entry.tone ?? 'default'}
                disabled={entry.disabled ?? false}
                onSelect={entry.onSelect}
              >
                {entry.icon && (
                  <span className={styles.icon} aria-hidden>
                    {entry.icon}
                  </span>
                )}
                <span className={styles.itemLabel}>{entry.label}</span>
                {entry.shortcut && (
                  <kbd className={styles.shortcut} aria-hidden>
                    {entry.shortcut}
                  </kbd>
                )}
              </MenuPrimitive.Item>
            );
          })}
        </MenuPrimitive.Content>
      </MenuPrimitive.Portal>
    </MenuPrimitive.Root>
  );
});

import { clsx } from 'clsx';
import { Tabs as TabsPrimitive } from 'radix-ui';
import { forwardRef, type ReactNode } from 'react';
import styles from './Tabs.module.css';

export interface TabItem {
  value: string;
  label: ReactNode;
  content: ReactNode;
  disabled?: boolean;
}

export interface TabsProps {
  items: TabItem[];
  /** Names the tab list for screen readers. */
  'aria-label': string;
  /**
   * Initially selected tab when uncontrolled; the first enabled one when omitted.
   * @default undefined
   */
  defaultValue?: string;
  /**
   * Controlled selected tab.
   * @default undefined
   */
  value?: string;
  /** @default undefined */
  onValueChange?: (value: string) => void;
  /** @default undefined */
  className?: string;
}

/** Switches between views of the same object; arrow keys move between tabs. */
export const Tabs = forwardRef<HTMLDivElement, TabsProps>(function Tabs(
  { items, defaultValue, value, onValueChange, className, 'aria-label': ariaLabel },
  ref,
) {
  const firstEnabled = items.find((item) => !item.disabled)?.value;
  return (
    <TabsPrimitive.Root
      ref={ref}
      className={clsx(styles.root, className)}
      {...(value !== undefined ? { value } : { defaultValue: defaultValue ?? firstEnabled })}
      {...(onValueChange && { onValueChange })}
    >
      <TabsPrimitive.List className={styles.list} aria-label={ariaLabel}>
        {items.map((item) => (
          <TabsPrimitive.Trigger
            key={item.value}
            value={item.value}
            disabled={item.disabled ?? false}
            className={styles.trigger}
          >
            {item.label}
          </TabsPrimitive.Trigger>
        ))}
      </TabsPrimitive.List>
      {items.map((item) => (
        <TabsPrimitive.Content key={item.value} value={item.value} className={styles.panel}>
          {item.content}
        </TabsPrimitive.Content>
      ))}
    </TabsPrimitive.Root>
  );
});

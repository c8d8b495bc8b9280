import { clsx } from 'clsx';
import { Switch as SwitchPrimitive } from 'radix-ui';
import { forwardRef, useId, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import styles from './Switch.module.css';

export interface SwitchProps extends Omit<
  ComponentPropsWithoutRef<typeof SwitchPrimitive.Root>,
  'children' | 'asChild'
> {
  /** Visible label; the setting the switch turns on or off. */
  label: ReactNode;
  /**
   * Extra explanation under the label.
   * @default undefined
   */
  description?: ReactNode;
}

/** Turns a setting on or off immediately, without a save step. */
export const Switch = forwardRef<HTMLButtonElement, SwitchProps>(function Switch(
  { label, description, className, id, ...rest },
  ref,
) {
  const generatedId = useId();
  const controlId = id ?? generatedId;
  const descriptionId = description ? `${controlId}-description` : undefined;
  return (
    <div className={clsx(styles.root, className)}>
      <SwitchPrimitive.Root
        ref={ref}
        id={controlId}
        className={styles.track}
        aria-describedby={descriptionId}
        {...rest}
      >
        <SwitchPrimitive.Thumb className={styles.thumb} />
      </SwitchPrimitive.Root>
      <div className={styles.text}>
        <label htmlFor={controlId} className={styles.label}>
          {label}
        </label>
        {description && (
          <p id={descriptionId} className={styles.description}>
            {description}
          </p>
        )}
      </div>
    </div>
  );
});

import { clsx } from 'clsx';
import { Check, Minus } from 'lucide-react';
import { Checkbox as CheckboxPrimitive } from 'radix-ui';
import { forwardRef, useId, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import styles from './Checkbox.module.css';

export type CheckedState = boolean | 'indeterminate';

export interface CheckboxProps extends Omit<
  ComponentPropsWithoutRef<typeof CheckboxPrimitive.Root>,
  'children' | 'asChild'
> {
  /**
   * Visible label. Omit only when `aria-label` names the checkbox, as in a table row.
   * @default undefined
   */
  label?: ReactNode;
  /**
   * Extra explanation under the label.
   * @default undefined
   */
  description?: ReactNode;
  /**
   * Controlled state; `'indeterminate'` shows that some, not all, nested items are checked.
   * @default undefined
   */
  checked?: CheckedState;
}

/** A two-state (or mixed) choice. */
export const Checkbox = forwardRef<HTMLButtonElement, CheckboxProps>(function Checkbox(
  { label, description, className, id, ...rest },
  ref,
) {
  const generatedId = useId();
  const controlId = id ?? generatedId;
  const descriptionId = description ? `${controlId}-description` : undefined;
  return (
    <div className={clsx(styles.root, className)}>
      <CheckboxPrimitive.Root
        ref={ref}
        id={controlId}
        className={styles.box}
        aria-describedby={descriptionId}
        {...rest}
      >
        <CheckboxPrimitive.Indicator className={styles.indicator}>
          {rest.checked === 'indeterminate' ? <Minus aria-hidden /> : <Check aria-hidden />}
        </CheckboxPrimitive.Indicator>
      </CheckboxPrimitive.Root>
      {(label || description) && (
        <div className={styles.text}>
          {label && (
            <label htmlFor={controlId} className={styles.label}>
              {label}
            </label>
          )}
          {description && (
            <p id={descriptionId} className={styles.description}>
              {description}
            </p>
          )}
        </div>
      )}
    </div>
  );
});

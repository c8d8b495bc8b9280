import { clsx } from 'clsx';
import { RadioGroup as RadioGroupPrimitive } from 'radix-ui';
import { forwardRef, useId, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { useFieldControl } from '../FormField/field-context';
import styles from './RadioGroup.module.css';

export interface RadioOption {
  value: string;
  label: ReactNode;
  description?: ReactNode;
  disabled?: boolean;
}

export interface RadioGroupProps extends Omit<
  ComponentPropsWithoutRef<typeof RadioGroupPrimitive.Root>,
  'children' | 'asChild'
> {
  options: RadioOption[];
  /** @default 'vertical' */
  orientation?: 'horizontal' | 'vertical';
}

/**
 * One choice among a few visible options. Name it with a surrounding FormField or `aria-label`;
 * arrow keys move between options.
 */
export const RadioGroup = forwardRef<HTMLDivElement, RadioGroupProps>(function RadioGroup(
  { options, orientation = 'vertical', className, ...props },
  ref,
) {
  const baseId = useId();
  const { labelId, id: _id, ...control } = useFieldControl(props);
  return (
    <RadioGroupPrimitive.Root
      ref={ref}
      orientation={orientation}
      className={clsx(styles.root, className)}
      data-orientation={orientation}
      aria-labelledby={control['aria-labelledby'] ?? labelId}
      {...control}
    >
      {options.map((option) => {
        const id = `${baseId}-${option.value}`;
        const descriptionId = option.description ? `${id}-description` : undefined;
        return (
          <div key={option.value} className={styles.option}>
            <RadioGroupPrimitive.Item
              id={id}
              value={option.value}
              disabled={option.disabled ?? false}
              className={styles.radio}
              aria-describedby={descriptionId}
            >
              <RadioGroupPrimitive.Indicator className={styles.dot} />
            </RadioGroupPrimitive.Item>
            <div className={styles.text}>
              <label htmlFor={id} className={styles.label}>
                {option.label}
              </label>
              {option.description && (
                <p id={descriptionId} className={styles.description}>
                  {option.description}
                </p>
              )}
            </div>
          </div>
        );
      })}
    </RadioGroupPrimitive.Root>
  );
});

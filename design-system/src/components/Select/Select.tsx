import { clsx } from 'clsx';
import { Check, ChevronDown } from 'lucide-react';
import { Select as SelectPrimitive } from 'radix-ui';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { useFieldControl } from '../FormField/field-context';
import styles from './Select.module.css';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface SelectProps extends Omit<
  ComponentPropsWithoutRef<'button'>,
  'value' | 'defaultValue' | 'onChange' | 'dir'
> {
  options: SelectOption[];
  /**
   * Controlled value.
   * @default undefined
   */
  value?: string;
  /**
   * Initial value when uncontrolled.
   * @default undefined
   */
  defaultValue?: string;
  /**
   * Called with the value the user picked.
   * @default undefined
   */
  onValueChange?: (value: string) => void;
  /** @default 'Select…' */
  placeholder?: string;
  /**
   * Field name when the select is inside a native form.
   * @default undefined
   */
  name?: string;
  /** @default 'md' */
  size?: 'sm' | 'md';
}

/** Picks one value from a short list. For long or searchable lists use Combobox. */
export const Select = forwardRef<HTMLButtonElement, SelectProps>(function Select(
  {
    options,
    value,
    defaultValue,
    onValueChange,
    placeholder = 'Select…',
    name,
    size = 'md',
    disabled,
    className,
    ...props
  },
  ref,
) {
  const { labelId: _labelId, required, ...control } = useFieldControl(props);
  return (
    <SelectPrimitive.Root
      {...(value !== undefined && { value })}
      {...(defaultValue !== undefined && { defaultValue })}
      {...(onValueChange && { onValueChange })}
      {...(name && { name })}
      {...(disabled !== undefined && { disabled })}
      {...(required !== undefined && { required })}
    >
      <SelectPrimitive.Trigger
        ref={ref}
        className={clsx(styles.trigger, className)}
        data-size={size}
        data-invalid={control['aria-invalid'] ? true : undefined}
        {...control}
      >
        <SelectPrimitive.Value placeholder={placeholder} />
        <SelectPrimitive.Icon className={styles.chevron}>
          <ChevronDown aria-hidden />
        </SelectPrimitive.Icon>
      </SelectPrimitive.Trigger>
      <SelectPrimitive.Portal>
        <SelectPrimitive.Content className={styles.content} position="popper" sideOffset={4}>
          <SelectPrimitive.Viewport className={styles.viewport}>
            {options.map((option) => (
              <SelectPrimitive.Item
                key={option.value}
                value={option.value}
                disabled={option.disabled ?? false}
                className={styles.item}
              >
                <SelectPrimitive.ItemText>{option.label}</SelectPrimitive.ItemText>
                <SelectPrimitive.ItemIndicator className={styles.indicator}>
                  <Check aria-hidden />
                </SelectPrimitive.ItemIndicator>
              </SelectPrimitive.Item>
            ))}
          </SelectPrimitive.Viewport>
        </SelectPrimitive.Content>
      </SelectPrimitive.Portal>
    </SelectPrimitive.Root>
  );
});

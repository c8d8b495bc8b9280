import { clsx } from 'clsx';
import { ChevronDown } from 'lucide-react';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { useFieldControl } from '../FormField/field-context';
import type { SelectOption } from './Select';
import styles from './Select.module.css';

export interface NativeSelectProps extends Omit<
  ComponentPropsWithoutRef<'select'>,
  'children' | 'size' | 'value' | 'defaultValue' | 'onChange' | 'multiple'
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
  /** @default 'md' */
  size?: 'sm' | 'md';
}

/**
 * Select drawn by the browser: it looks like Select, but its list is the browser's own, so there is
 * nothing to render until it opens. Use it where many selects share a screen, such as one in each
 * table row; use Select elsewhere.
 */
export const NativeSelect = forwardRef<HTMLSelectElement, NativeSelectProps>(function NativeSelect(
  { options, onValueChange, size = 'md', className, ...props },
  ref,
) {
  const { labelId: _labelId, ...control } = useFieldControl(props);
  return (
    <span className={clsx(styles.native, className)} data-size={size}>
      <select
        ref={ref}
        className={styles.trigger}
        data-size={size}
        data-invalid={control['aria-invalid'] ? true : undefined}
        {...control}
        onChange={(event) => onValueChange?.(event.target.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled ?? false}>
            {option.label}
          </option>
        ))}
      </select>
      <ChevronDown aria-hidden className={styles.nativeChevron} />
    </span>
  );
});

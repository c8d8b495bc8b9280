import { clsx } from 'clsx';
import { Check, ChevronsUpDown } from 'lucide-react';
import { forwardRef } from 'react';
import {
  Button as AriaButton,
  ComboBox as AriaComboBox,
  Input,
  ListBox,
  ListBoxItem,
  Popover as AriaPopover,
  type Key,
} from 'react-aria-components';
import { useFieldControl } from '../FormField/field-context';
import styles from './Combobox.module.css';

export interface ComboboxOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface ComboboxProps {
  options: ComboboxOption[];
  /**
   * Controlled value; `null` for nothing chosen.
   * @default undefined
   */
  value?: string | null;
  /**
   * Initial value when uncontrolled.
   * @default null
   */
  defaultValue?: string | null;
  /** @default undefined */
  onValueChange?: (value: string | null) => void;
  /** @default 'Type to search…' */
  placeholder?: string;
  /** @default 'No results' */
  emptyText?: string;
  /** @default false */
  disabled?: boolean;
  /**
   * Field name when the combobox is inside a native form; the chosen value is submitted.
   * @default undefined
   */
  name?: string;
  /**
   * Accessible name when the combobox is not inside a FormField.
   * @default undefined
   */
  'aria-label'?: string;
  /** @default undefined */
  'aria-describedby'?: string;
  /** @default undefined */
  id?: string;
  /** @default undefined */
  className?: string;
}

/**
 * A text input that filters a list of options as the user types: arrows move through the matches,
 * Enter picks one, Escape closes the list.
 */
export const Combobox = forwardRef<HTMLInputElement, ComboboxProps>(function Combobox(
  {
    options,
    value,
    defaultValue = null,
    onValueChange,
    placeholder = 'Type to search…',
    emptyText = 'No results',
    disabled = false,
    name,
    className,
    ...props
  },
  ref,
) {
  const { labelId, required, ...control } = useFieldControl(props);
  const invalid = Boolean(control['aria-invalid']);
  return (
    <AriaComboBox
      className={clsx(styles.root, className)}
      {...(value !== undefined && { value })}
      defaultValue={defaultValue}
      onChange={(key: Key | null) => onValueChange?.(key === null ? null : String(key))}
      disabledKeys={options.filter((option) => option.disabled).map((option) => option.value)}
      isDisabled={disabled}
      isInvalid={invalid}
      isRequired={Boolean(required)}
      allowsEmptyCollection
      {...(name && { name })}
      {...(control.id && { id: control.id })}
      {...(labelId
        ? { 'aria-labelledby': labelId }
        : control['aria-label'] && { 'aria-label': control['aria-label'] })}
      {...(control['aria-describedby'] && { 'aria-describedby': control['aria-describedby'] })}
    >
      <div className={styles.frame} data-invalid={invalid || undefined} data-disabled={disabled || undefined}>
        <Input ref={ref} className={styles.input} placeholder={placeholder} />
        <AriaButton className={styles.button}>
          <ChevronsUpDown aria-hidden className={styles.icon} />
        </AriaButton>
      </div>
      <AriaPopover className={styles.content} offset={4}>
        <ListBox
          className={styles.list}
          items={options}
          renderEmptyState={() => <p className={styles.empty}>{emptyText}</p>}
        >
          {(option) => (
            <ListBoxItem id={option.value} textValue={option.label} className={styles.item}>
              {({ isSelected }) => (
                <>
                  <span className={styles.itemLabel}>{option.label}</span>
                  {isSelected && <Check aria-hidden className={styles.check} />}
                </>
              )}
            </ListBoxItem>
          )}
        </ListBox>
      </AriaPopover>
    </AriaComboBox>
  );
});

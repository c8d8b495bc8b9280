import { clsx } from 'clsx';
import { forwardRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { useFieldControl } from '../FormField/field-context';
import styles from './TextField.module.css';

export type TextFieldSize = 'sm' | 'md';

export interface TextFieldProps extends Omit<ComponentPropsWithoutRef<'input'>, 'size' | 'type'> {
  /** @default 'text' */
  type?: 'text' | 'email' | 'url' | 'search' | 'tel' | 'number' | 'password';
  /** @default 'md' */
  size?: TextFieldSize;
  /**
   * Decorative icon inside the field, before the text.
   * @default undefined
   */
  leadingIcon?: ReactNode;
  /**
   * Content inside the field after the text, such as a button that acts on the value.
   * @default undefined
   */
  trailing?: ReactNode;
}

/** A single-line text input. Put it in a FormField to give it a label, hint and error. */
export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { type = 'text', size = 'md', leadingIcon, trailing, className, ...props },
  ref,
) {
  const { labelId: _labelId, ...control } = useFieldControl(props);
  return (
    <div
      className={clsx(styles.frame, className)}
      data-size={size}
      data-invalid={control['aria-invalid'] ? true : undefined}
      data-disabled={control.disabled || undefined}
    >
      {leadingIcon && (
        <span className={styles.adornment} aria-hidden>
          {leadingIcon}
        </span>
      )}
      <input ref={ref} type={type} className={styles.input} {...control} />
      {trailing && <span className={styles.trailing}>{trailing}</span>}
    </div>
  );
});

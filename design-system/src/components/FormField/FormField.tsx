import { clsx } from 'clsx';
import { CircleAlert } from 'lucide-react';
import { forwardRef, useId, useMemo, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { FieldContext } from './field-context';
import styles from './FormField.module.css';

export interface FormFieldProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** Visible label; it names the control inside. */
  label: ReactNode;
  /**
   * Help text under the control, read after the label by screen readers.
   * @default undefined
   */
  hint?: ReactNode;
  /**
   * Error message; when set the control is marked invalid and the message is read with it.
   * @default undefined
   */
  error?: ReactNode;
  /**
   * Marks the control required and shows an indicator beside the label.
   * @default false
   */
  required?: boolean;
  /**
   * Id given to the control; generated when omitted.
   * @default undefined
   */
  controlId?: string;
  /** A single TextField, PasswordField, Textarea, Select, Combobox or RadioGroup. */
  children: ReactNode;
}

/** Label, hint and error around one control, connected with `for`, `aria-describedby` and `aria-invalid`. */
export const FormField = forwardRef<HTMLDivElement, FormFieldProps>(function FormField(
  { label, hint, error, required = false, controlId, className, children, ...rest },
  ref,
) {
  const generatedId = useId();
  const id = controlId ?? `${generatedId}-control`;
  const hintId = `${generatedId}-hint`;
  const errorId = `${generatedId}-error`;
  const labelId = `${generatedId}-label`;
  const invalid = Boolean(error);
  const describedBy = [hint ? hintId : undefined, invalid ? errorId : undefined].filter(Boolean).join(' ');

  const context = useMemo(
    () => ({ controlId: id, labelId, describedBy: describedBy || undefined, invalid, required }),
    [id, labelId, describedBy, invalid, required],
  );

  return (
    <div ref={ref} className={clsx(styles.root, className)} data-invalid={invalid || undefined} {...rest}>
      <label className={styles.label} htmlFor={id} id={labelId}>
        {label}
        {required && (
          <span className={styles.required} aria-hidden>
            *
          </span>
        )}
      </label>
      <FieldContext.Provider value={context}>{children}</FieldContext.Provider>
      {hint && (
        <p className={styles.hint} id={hintId}>
          {hint}
        </p>
      )}
      {invalid && (
        <p className={styles.error} id={errorId}>
          <CircleAlert aria-hidden className={styles.errorIcon} />
          <span>{error}</span>
        </p>
      )}
    </div>
  );
});

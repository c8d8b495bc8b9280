import { clsx } from 'clsx';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { useFieldControl } from '../FormField/field-context';
import styles from './Textarea.module.css';

export interface TextareaProps extends ComponentPropsWithoutRef<'textarea'> {
  /** @default 4 */
  rows?: number;
  /**
   * Which way the user may drag to resize.
   * @default 'vertical'
   */
  resize?: 'none' | 'vertical';
}

/** A multi-line text input. Put it in a FormField to give it a label, hint and error. */
export const Textarea = forwardRef<HTMLTextAreaElement, TextareaProps>(function Textarea(
  { rows = 4, resize = 'vertical', className, ...props },
  ref,
) {
  const { labelId: _labelId, ...control } = useFieldControl(props);
  return (
    <textarea
      ref={ref}
      rows={rows}
      className={clsx(styles.root, className)}
      data-resize={resize}
      data-invalid={control['aria-invalid'] ? true : undefined}
      {...control}
    />
  );
});

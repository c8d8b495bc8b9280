import { Eye, EyeOff } from 'lucide-react';
import { forwardRef, useState } from 'react';
import { IconButton } from '../IconButton';
import { TextField, type TextFieldProps } from '../TextField';

export interface PasswordFieldProps extends Omit<TextFieldProps, 'type' | 'trailing'> {
  /**
   * Starts with the password visible.
   * @default false
   */
  defaultVisible?: boolean;
  /** @default 'current-password' */
  autoComplete?: 'current-password' | 'new-password' | 'off';
}

/** A password input with a toggle that shows or hides what was typed. */
export const PasswordField = forwardRef<HTMLInputElement, PasswordFieldProps>(function PasswordField(
  { defaultVisible = false, autoComplete = 'current-password', size = 'md', disabled, ...rest },
  ref,
) {
  const [visible, setVisible] = useState(defaultVisible);
  return (
    <TextField
      ref={ref}
      type={visible ? 'text' : 'password'}
      autoComplete={autoComplete}
      size={size}
      disabled={disabled}
      spellCheck={false}
      data-visible={visible || undefined}
      trailing={
        <IconButton
          size="sm"
          icon={visible ? <EyeOff /> : <Eye />}
          label="Show password"
          aria-pressed={visible}
          disabled={disabled}
          onClick={() => setVisible((current) => !current)}
        />
      }
      {...rest}
    />
  );
});

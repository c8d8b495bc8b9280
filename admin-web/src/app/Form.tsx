import { Stack, type StackProps } from '@bastion/design-system';
import type { ComponentPropsWithoutRef } from 'react';

type FormProps = Omit<ComponentPropsWithoutRef<'form'>, 'noValidate'> & { gap?: StackProps['gap'] };

/**
 * A form laid out as a Stack. Browser validation bubbles are turned off: each form checks the server's
 * rules itself and shows the messages under the fields, where screen readers find them.
 */
export function Form({ gap = '4', children, ...rest }: FormProps) {
  return (
    <form noValidate {...rest}>
      <Stack gap={gap}>{children}</Stack>
    </form>
  );
}

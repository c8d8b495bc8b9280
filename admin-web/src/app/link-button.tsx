import { Button, type ButtonProps } from '@bastion/design-system';
import { useNavigate } from 'react-router';

/**
 * A button that opens another screen. The design system has no text-link component yet, and a bare
 * anchor would miss its colours (and fail contrast in the dark theme).
 */
export function LinkButton({ to, ...rest }: Omit<ButtonProps, 'onClick'> & { to: string }) {
  const navigate = useNavigate();
  return <Button {...rest} onClick={() => navigate(to)} />;
}

import { clsx } from 'clsx';
import { CircleAlert, CircleCheck, Info, TriangleAlert, X } from 'lucide-react';
import { forwardRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { IconButton } from '../IconButton';
import styles from './Alert.module.css';

export type AlertTone = 'info' | 'success' | 'warning' | 'danger';

export interface AlertProps extends Omit<ComponentPropsWithoutRef<'div'>, 'title'> {
  /** @default 'info' */
  tone?: AlertTone;
  /**
   * Short summary in bold.
   * @default undefined
   */
  title?: ReactNode;
  /**
   * `banner` spans the page edge to edge without rounded corners, for notices about the whole app.
   * @default 'inline'
   */
  layout?: 'inline' | 'banner';
  /**
   * Buttons or links, shown after the message.
   * @default undefined
   */
  actions?: ReactNode;
  /**
   * Shows a close button that calls this.
   * @default undefined
   */
  onDismiss?: () => void;
  /**
   * Set when the message appears in response to something the user did and must be announced at
   * once; `danger` uses `role="alert"`, the other tones `role="status"`. Leave unset for messages
   * present when the page loads.
   * @default false
   */
  announce?: boolean;
}

const icons: Record<AlertTone, ReactNode> = {
  info: <Info />,
  success: <CircleCheck />,
  warning: <TriangleAlert />,
  danger: <CircleAlert />,
};

/** A message about the page or an action's outcome that stays until dismissed. */
export const Alert = forwardRef<HTMLDivElement, AlertProps>(function Alert(
  {
    tone = 'info',
    title,
    layout = 'inline',
    actions,
    onDismiss,
    announce = false,
    className,
    children,
    ...rest
  },
  ref,
) {
  const role = announce ? (tone === 'danger' ? 'alert' : 'status') : undefined;
  return (
    <div
      ref={ref}
      role={role}
      className={clsx(styles.root, className)}
      data-tone={tone}
      data-layout={layout}
      {...rest}
    >
      <span className={styles.icon} aria-hidden>
        {icons[tone]}
      </span>
      <div className={styles.content}>
        {title && <p className={styles.title}>{title}</p>}
        {children && <div className={styles.message}>{children}</div>}
        {actions && <div className={styles.actions}>{actions}</div>}
      </div>
      {onDismiss && (
        <IconButton size="sm" icon={<X />} label="Dismiss" onClick={onDismiss} className={styles.dismiss} />
      )}
    </div>
  );
});

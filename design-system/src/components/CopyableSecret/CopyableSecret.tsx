import { clsx } from 'clsx';
import { Check, Copy, Eye, EyeOff } from 'lucide-react';
import { forwardRef, useEffect, useId, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { IconButton } from '../IconButton';
import styles from './CopyableSecret.module.css';

type CopyStatus = 'idle' | 'copied' | 'failed';

export interface CopyableSecretProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** The secret, for example a new API token. */
  value: string;
  /** Visible label naming the secret. */
  label: ReactNode;
  /**
   * Warning under the value; the default tells the user it will not be shown again.
   * @default 'Copy it now: it will not be shown again.'
   */
  notice?: ReactNode;
  /**
   * Starts masked; the user can reveal it.
   * @default false
   */
  masked?: boolean;
  /**
   * How to copy; the default uses the asynchronous Clipboard API.
   * @default navigator.clipboard.writeText
   */
  copy?: (value: string) => Promise<void>;
  /** @default undefined */
  onCopied?: () => void;
}

const RESET_AFTER_MS = 2000;

/** Shows a secret once, with a copy button that reports success or failure to screen readers. */
export const CopyableSecret = forwardRef<HTMLDivElement, CopyableSecretProps>(function CopyableSecret(
  {
    value,
    label,
    notice = 'Copy it now: it will not be shown again.',
    masked = false,
    copy = (text) => navigator.clipboard.writeText(text),
    onCopied,
    className,
    ...rest
  },
  ref,
) {
  const labelId = useId();
  const [status, setStatus] = useState<CopyStatus>('idle');
  const [revealed, setRevealed] = useState(!masked);

  useEffect(() => {
    if (status === 'idle') return;
    const timer = window.setTimeout(() => setStatus('idle'), RESET_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [status]);

  const handleCopy = async () => {
    try {
      await copy(value);
      setStatus('copied');
      onCopied?.();
    } catch {
      setStatus('failed');
    }
  };

  return (
    <div ref={ref} className={clsx(styles.root, className)} data-status={status} {...rest}>
      <span id={labelId} className={styles.label}>
        {label}
      </span>
      <div className={styles.row} role="group" aria-labelledby={labelId}>
        <code className={styles.value} data-revealed={revealed || undefined}>
          {revealed ? value : '•'.repeat(Math.min(value.length, 32))}
        </code>
        {masked && (
          <IconButton
            size="sm"
            icon={revealed ? <EyeOff /> : <Eye />}
            label="Show secret"
            aria-pressed={revealed}
            onClick={() => setRevealed((current) => !current)}
          />
        )}
        <IconButton
          size="sm"
          variant="secondary"
          icon={status === 'copied' ? <Check /> : <Copy />}
          label="Copy to clipboard"
          onClick={handleCopy}
        />
      </div>
      <p className={styles.notice}>{notice}</p>
      <span role="status" className={styles.status}>
        {status === 'copied' && 'Copied to clipboard'}
        {status === 'failed' && 'Could not copy. Select the value and copy it by hand.'}
      </span>
    </div>
  );
});

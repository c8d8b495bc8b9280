import { CircleAlert, CircleCheck, Info, TriangleAlert, X } from 'lucide-react';
import { Toast as ToastPrimitive } from 'radix-ui';
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { IconButton } from '../IconButton';
import styles from './Toast.module.css';

export type ToastTone = 'info' | 'success' | 'warning' | 'danger';

export interface ToastOptions {
  title: string;
  description?: ReactNode;
  /** @default 'info' */
  tone?: ToastTone;
  /** Milliseconds before it hides itself; the provider's `duration` when omitted. */
  duration?: number;
  /** One follow-up action; `altText` tells screen reader users how to reach it another way. */
  action?: { label: string; altText: string; onClick: () => void };
}

interface QueuedToast extends ToastOptions {
  id: number;
}

interface ToastApi {
  /** Queues a toast and returns its id. */
  toast: (options: ToastOptions) => number;
  dismiss: (id: number) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

export interface ToastProviderProps {
  children: ReactNode;
  /**
   * Milliseconds a toast stays; the timer pauses while the pointer is over the toasts or focus is in them.
   * @default 5000
   */
  duration?: number;
  /**
   * Toasts shown at once; later ones wait in a queue.
   * @default 3
   */
  maxVisible?: number;
  /**
   * Names the notification region; screen reader users jump to it with F8.
   * @default 'Notifications'
   */
  label?: string;
}

const icons: Record<ToastTone, ReactNode> = {
  info: <Info />,
  success: <CircleCheck />,
  warning: <TriangleAlert />,
  danger: <CircleAlert />,
};

/** Holds the toast queue for everything inside it; call `useToast()` to show one. */
export function ToastProvider({
  children,
  duration = 5000,
  maxVisible = 3,
  label = 'Notifications',
}: ToastProviderProps) {
  const [queue, setQueue] = useState<QueuedToast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => {
    setQueue((current) => current.filter((item) => item.id !== id));
  }, []);

  const toast = useCallback((options: ToastOptions) => {
    const id = nextId.current++;
    setQueue((current) => [...current, { ...options, id }]);
    return id;
  }, []);

  const api = useMemo(() => ({ toast, dismiss }), [toast, dismiss]);

  return (
    <ToastContext.Provider value={api}>
      <ToastPrimitive.Provider duration={duration} label={label} swipeDirection="right">
        {children}
        {queue.slice(0, maxVisible).map((item) => {
          const tone = item.tone ?? 'info';
          return (
            <ToastPrimitive.Root
              key={item.id}
              className={styles.toast}
              data-tone={tone}
              type={tone === 'danger' ? 'foreground' : 'background'}
              {...(item.duration !== undefined && { duration: item.duration })}
              onOpenChange={(open) => {
                if (!open) dismiss(item.id);
              }}
            >
              <span className={styles.icon} aria-hidden>
                {icons[tone]}
              </span>
              <div className={styles.text}>
                <ToastPrimitive.Title className={styles.title}>{item.title}</ToastPrimitive.Title>
                {item.description && (
                  <ToastPrimitive.Description className={styles.description}>
                    {item.description}
                  </ToastPrimitive.Description>
                )}
              </div>
              {item.action && (
                <ToastPrimitive.Action altText={item.action.altText} asChild>
                  <button type="button" className={styles.action} onClick={item.action.onClick}>
                    {item.action.label}
                  </button>
                </ToastPrimitive.Action>
              )}
              <ToastPrimitive.Close asChild>
                <IconButton size="sm" icon={<X />} label="Dismiss notification" />
              </ToastPrimitive.Close>
            </ToastPrimitive.Root>
          );
        })}
        <ToastPrimitive.Viewport className={styles.viewport} />
      </ToastPrimitive.Provider>
    </ToastContext.Provider>
  );
}

/** Shows toasts from anywhere under a ToastProvider. */
export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) {
    throw new Error('useToast() must be called inside a <ToastProvider>.');
  }
  return api;
}

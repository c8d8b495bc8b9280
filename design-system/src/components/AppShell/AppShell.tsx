import { clsx } from 'clsx';
import { Menu, PanelLeftClose, PanelLeftOpen, X } from 'lucide-react';
import { Dialog as DialogPrimitive } from 'radix-ui';
import { forwardRef, useId, useMemo, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { IconButton } from '../IconButton';
import { AppShellContext } from './app-shell-context';
import styles from './AppShell.module.css';

export interface AppShellProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** Navigation for the sidebar, usually a SideNav. */
  sidebar: ReactNode;
  /**
   * Content at the top of the sidebar, such as the product mark or a WorkspaceSwitcher.
   * @default undefined
   */
  sidebarHeader?: ReactNode;
  /** The top bar's content, usually a TopBar. */
  topBar: ReactNode;
  /** The page. */
  children: ReactNode;
  /**
   * Controlled collapsed state of the sidebar on wide screens.
   * @default undefined
   */
  sidebarCollapsed?: boolean;
  /**
   * Initial collapsed state when uncontrolled.
   * @default false
   */
  defaultSidebarCollapsed?: boolean;
  /** @default undefined */
  onSidebarCollapsedChange?: (collapsed: boolean) => void;
  /**
   * Names the navigation drawer on narrow screens.
   * @default 'Navigation'
   */
  navigationLabel?: string;
}

/**
 * The application frame: a collapsible sidebar, a top bar and the page. Below 48rem the sidebar
 * becomes a drawer opened from the top bar, so the layout holds down to 360px.
 */
export const AppShell = forwardRef<HTMLDivElement, AppShellProps>(function AppShell(
  {
    sidebar,
    sidebarHeader,
    topBar,
    children,
    sidebarCollapsed,
    defaultSidebarCollapsed = false,
    onSidebarCollapsedChange,
    navigationLabel = 'Navigation',
    className,
    ...rest
  },
  ref,
) {
  const mainId = useId();
  const sidebarId = useId();
  const [uncontrolledCollapsed, setUncontrolledCollapsed] = useState(defaultSidebarCollapsed);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const collapsed = sidebarCollapsed ?? uncontrolledCollapsed;

  const toggleCollapsed = () => {
    setUncontrolledCollapsed(!collapsed);
    onSidebarCollapsedChange?.(!collapsed);
  };

  const desktopContext = useMemo(
    () => ({ sidebarCollapsed: collapsed, closeNavigation: () => undefined }),
    [collapsed],
  );
  const drawerContext = useMemo(
    () => ({ sidebarCollapsed: false, closeNavigation: () => setDrawerOpen(false) }),
    [],
  );

  return (
    <div ref={ref} className={clsx(styles.root, className)} data-collapsed={collapsed || undefined} {...rest}>
      <a className={styles.skipLink} href={`#${mainId}`}>
        Skip to content
      </a>
      <aside id={sidebarId} className={styles.sidebar} aria-label="Sidebar">
        <AppShellContext.Provider value={desktopContext}>
          {sidebarHeader && <div className={styles.sidebarHeader}>{sidebarHeader}</div>}
          <div className={styles.sidebarBody}>{sidebar}</div>
        </AppShellContext.Provider>
      </aside>
      <header className={styles.topBar}>
        <IconButton
          className={styles.collapseToggle}
          icon={collapsed ? <PanelLeftOpen /> : <PanelLeftClose />}
          label={collapsed ? 'Expand sidebar' : 'Collapse sidebar'}
          aria-controls={sidebarId}
          aria-expanded={!collapsed}
          onClick={toggleCollapsed}
        />
        <DialogPrimitive.Root open={drawerOpen} onOpenChange={setDrawerOpen}>
          <DialogPrimitive.Trigger asChild>
            <IconButton className={styles.drawerToggle} icon={<Menu />} label="Open navigation" />
          </DialogPrimitive.Trigger>
          <DialogPrimitive.Portal>
            <DialogPrimitive.Overlay className={styles.drawerOverlay} />
            <DialogPrimitive.Content className={styles.drawer} aria-describedby={undefined}>
              <div className={styles.drawerHeader}>
                <DialogPrimitive.Title className={styles.drawerTitle}>
                  {navigationLabel}
                </DialogPrimitive.Title>
                <DialogPrimitive.Close asChild>
                  <IconButton icon={<X />} label="Close navigation" />
                </DialogPrimitive.Close>
              </div>
              <AppShellContext.Provider value={drawerContext}>
                {sidebarHeader && <div className={styles.sidebarHeader}>{sidebarHeader}</div>}
                {sidebar}
              </AppShellContext.Provider>
            </DialogPrimitive.Content>
          </DialogPrimitive.Portal>
        </DialogPrimitive.Root>
        {topBar}
      </header>
      <main id={mainId} tabIndex={-1} className={styles.main}>
        {children}
      </main>
    </div>
  );
});

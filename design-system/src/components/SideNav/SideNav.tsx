import { clsx } from 'clsx';
import { VisuallyHidden } from 'radix-ui';
import {
  forwardRef,
  useId,
  type ComponentPropsWithoutRef,
  type ElementType,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { useAppShell } from '../AppShell/app-shell-context';
import { Tooltip } from '../Tooltip';
import styles from './SideNav.module.css';

export interface SideNavItem {
  id: string;
  label: string;
  href: string;
  /** Icon shown before the label, and alone when the sidebar is collapsed. */
  icon?: ReactNode;
  /** Hides the item, for example when the user lacks the permission the page needs. */
  hidden?: boolean;
  /** Count or status after the label. */
  badge?: ReactNode;
}

export interface SideNavSection {
  id: string;
  /** Heading above the section's items. */
  label?: string;
  items: SideNavItem[];
}

export interface SideNavProps extends Omit<ComponentPropsWithoutRef<'nav'>, 'children'> {
  sections: SideNavSection[];
  /**
   * Id of the item for the current page.
   * @default undefined
   */
  activeId?: string;
  /**
   * Icons only, with the label in a tooltip; inside an AppShell it follows the shell's state.
   * @default false
   */
  collapsed?: boolean;
  /**
   * Element or router link component that renders items; it receives `href`.
   * @default 'a'
   */
  linkAs?: ElementType;
  /**
   * Called when an item is followed, before navigation.
   * @default undefined
   */
  onNavigate?: (item: SideNavItem, event: MouseEvent<HTMLElement>) => void;
  /** @default 'Main' */
  'aria-label'?: string;
}

/** The app's main navigation: sections of links with icons, the current page marked. */
export const SideNav = forwardRef<HTMLElement, SideNavProps>(function SideNav(
  {
    sections,
    activeId,
    collapsed,
    linkAs: Link = 'a',
    onNavigate,
    className,
    'aria-label': label = 'Main',
    ...rest
  },
  ref,
) {
  const shell = useAppShell();
  const isCollapsed = collapsed ?? shell.sidebarCollapsed;
  const baseId = useId();
  const visibleSections = sections
    .map((section) => ({ ...section, items: section.items.filter((item) => !item.hidden) }))
    .filter((section) => section.items.length > 0);

  return (
    <nav
      ref={ref}
      aria-label={label}
      className={clsx(styles.root, className)}
      data-collapsed={isCollapsed || undefined}
      {...rest}
    >
      {visibleSections.map((section) => {
        const headingId = `${baseId}-${section.id}`;
        return (
          <div key={section.id} className={styles.section}>
            {section.label &&
              (isCollapsed ? (
                <VisuallyHidden.Root id={headingId}>{section.label}</VisuallyHidden.Root>
              ) : (
                <p id={headingId} className={styles.sectionLabel}>
                  {section.label}
                </p>
              ))}
            <ul className={styles.list} aria-labelledby={section.label ? headingId : undefined}>
              {section.items.map((item) => {
                const active = item.id === activeId;
                const link = (
                  <Link
                    href={item.href}
                    className={styles.link}
                    data-active={active || undefined}
                    aria-current={active ? 'page' : undefined}
                    onClick={(event: MouseEvent<HTMLElement>) => {
                      onNavigate?.(item, event);
                      shell.closeNavigation();
                    }}
                  >
                    {item.icon && (
                      <span className={styles.icon} aria-hidden>
                        {item.icon}
                      </span>
                    )}
                    {isCollapsed ? (
                      <VisuallyHidden.Root>{item.label}</VisuallyHidden.Root>
                    ) : (
                      <span className={styles.label}>{item.label}</span>
                    )}
                    {item.badge && !isCollapsed && <span className={styles.badge}>{item.badge}</span>}
                  </Link>
                );
                return (
                  <li key={item.id}>
                    {isCollapsed ? (
                      <Tooltip content={item.label} side="right" delayDuration={0}>
                        {link}
                      </Tooltip>
                    ) : (
                      link
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </nav>
  );
});

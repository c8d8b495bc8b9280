import { clsx } from 'clsx';
import { VisuallyHidden } from 'radix-ui';
import { forwardRef } from 'react';
import { Avatar } from '../Avatar';
import { DropdownMenu, type MenuEntry } from '../DropdownMenu';
import styles from './UserMenu.module.css';

export interface UserMenuProps {
  name: string;
  email: string;
  /** @default undefined */
  avatarUrl?: string;
  /** Profile, preferences, sign out: usually ending with a separator and "Sign out". */
  items: MenuEntry[];
  /** @default undefined */
  className?: string;
}

/** The signed-in user's avatar; it opens a menu of account actions. */
export const UserMenu = forwardRef<HTMLButtonElement, UserMenuProps>(function UserMenu(
  { name, email, avatarUrl, items, className },
  ref,
) {
  return (
    <DropdownMenu
      align="end"
      items={items}
      header={
        <div className={styles.identity}>
          <span className={styles.name}>{name}</span>
          <span className={styles.email}>{email}</span>
        </div>
      }
      trigger={
        <button ref={ref} type="button" className={clsx(styles.trigger, className)}>
          <Avatar name={name} size="sm" {...(avatarUrl && { src: avatarUrl })} aria-hidden />
          <VisuallyHidden.Root>Account menu for {name}</VisuallyHidden.Root>
        </button>
      }
    />
  );
});

import { VisuallyHidden } from 'radix-ui';
import { Check, Search } from 'lucide-react';
import { Autocomplete, Input, ListBox, ListBoxItem, SearchField, useFilter } from 'react-aria-components';
import { Avatar } from '../Avatar';
import styles from './WorkspaceSwitcher.module.css';
import type { WorkspaceOption } from './workspace-option';

export interface WorkspaceSwitcherListProps {
  workspaces: WorkspaceOption[];
  currentId: string;
  /** Called with the picked workspace, the current one included, once the list should close. */
  onPick: (id: string) => void;
}

/**
 * The switcher's searchable list. It is the only part that needs the search and list library, so it
 * lives in its own module and loads when the switcher is about to open, not with the page.
 */
export function WorkspaceSwitcherList({ workspaces, currentId, onPick }: WorkspaceSwitcherListProps) {
  const { contains } = useFilter({ sensitivity: 'base' });
  return (
    <Autocomplete filter={contains}>
      <SearchField aria-label="Find a workspace" className={styles.search} autoFocus>
        <Search aria-hidden className={styles.icon} />
        <Input className={styles.input} placeholder="Find a workspace…" />
      </SearchField>
      <ListBox
        aria-label="Workspaces"
        className={styles.list}
        items={workspaces}
        renderEmptyState={() => <p className={styles.empty}>No workspace matches.</p>}
        onAction={(key) => onPick(String(key))}
      >
        {(workspace) => {
          const isCurrent = workspace.id === currentId;
          return (
            <ListBoxItem
              id={workspace.id}
              textValue={workspace.name}
              className={styles.item}
              data-current={isCurrent || undefined}
            >
              <Avatar
                name={workspace.name}
                shape="square"
                size="sm"
                {...(workspace.avatarUrl && { src: workspace.avatarUrl })}
                aria-hidden
              />
              <span className={styles.itemText}>
                <span className={styles.itemName}>{workspace.name}</span>
                {workspace.detail && <span className={styles.detail}>{workspace.detail}</span>}
              </span>
              {isCurrent && (
                <>
                  <Check aria-hidden className={styles.check} />
                  <VisuallyHidden.Root>(current)</VisuallyHidden.Root>
                </>
              )}
            </ListBoxItem>
          );
        }}
      </ListBox>
    </Autocomplete>
  );
}

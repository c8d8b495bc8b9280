import { clsx } from 'clsx';
import { Check, ChevronsUpDown, Plus, Search } from 'lucide-react';
import { Popover as PopoverPrimitive, VisuallyHidden } from 'radix-ui';
import { forwardRef, useState } from 'react';
import { Autocomplete, Input, ListBox, ListBoxItem, SearchField, useFilter } from 'react-aria-components';
import { useAppShell } from '../AppShell/app-shell-context';
import { Avatar } from '../Avatar';
import { Button } from '../Button';
import styles from './WorkspaceSwitcher.module.css';

export interface WorkspaceOption {
  id: string;
  name: string;
  /** Second line, such as the plan or member count. */
  detail?: string;
  avatarUrl?: string;
}

export interface WorkspaceSwitcherProps {
  workspaces: WorkspaceOption[];
  /** Id of the workspace the user is in. */
  currentId: string;
  onSelect: (id: string) => void;
  /**
   * Shows a create button under the list.
   * @default undefined
   */
  onCreate?: () => void;
  /** @default 'Create workspace' */
  createLabel?: string;
  /**
   * Icon only, for a collapsed sidebar; inside an AppShell it follows the shell's state.
   * @default false
   */
  compact?: boolean;
  /** @default undefined */
  className?: string;
}

/** Shows the current workspace and switches to another through a searchable list. */
export const WorkspaceSwitcher = forwardRef<HTMLButtonElement, WorkspaceSwitcherProps>(
  function WorkspaceSwitcher(
    { workspaces, currentId, onSelect, onCreate, createLabel = 'Create workspace', compact, className },
    ref,
  ) {
    const shell = useAppShell();
    const isCompact = compact ?? shell.sidebarCollapsed;
    const [open, setOpen] = useState(false);
    const { contains } = useFilter({ sensitivity: 'base' });
    const current = workspaces.find((workspace) => workspace.id === currentId);
    const currentName = current?.name ?? 'No workspace';

    return (
      <PopoverPrimitive.Root open={open} onOpenChange={setOpen}>
        <PopoverPrimitive.Trigger asChild>
          <button
            ref={ref}
            type="button"
            className={clsx(styles.trigger, className)}
            data-compact={isCompact || undefined}
          >
            <Avatar
              name={currentName}
              shape="square"
              size="sm"
              {...(current?.avatarUrl && { src: current.avatarUrl })}
              aria-hidden
            />
            <VisuallyHidden.Root>Switch workspace, current:</VisuallyHidden.Root>
            {isCompact ? (
              <VisuallyHidden.Root>{currentName}</VisuallyHidden.Root>
            ) : (
              <>
                <span className={styles.name}>{currentName}</span>
                <ChevronsUpDown aria-hidden className={styles.icon} />
              </>
            )}
          </button>
        </PopoverPrimitive.Trigger>
        <PopoverPrimitive.Portal>
          <PopoverPrimitive.Content
            className={styles.content}
            align="start"
            sideOffset={4}
            aria-label="Switch workspace"
          >
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
                onAction={(key) => {
                  setOpen(false);
                  if (key !== currentId) onSelect(String(key));
                }}
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
            {onCreate && (
              <div className={styles.footer}>
                <Button
                  variant="ghost"
                  size="sm"
                  icon={<Plus />}
                  fullWidth
                  onClick={() => {
                    setOpen(false);
                    onCreate();
                  }}
                >
                  {createLabel}
                </Button>
              </div>
            )}
          </PopoverPrimitive.Content>
        </PopoverPrimitive.Portal>
      </PopoverPrimitive.Root>
    );
  },
);

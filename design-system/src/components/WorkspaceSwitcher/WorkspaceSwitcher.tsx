import { clsx } from 'clsx';
import { ChevronsUpDown, Plus } from 'lucide-react';
import { Popover as PopoverPrimitive, VisuallyHidden } from 'radix-ui';
import { forwardRef, lazy, Suspense, useState } from 'react';
import { useAppShell } from '../AppShell/app-shell-context';
import { Avatar } from '../Avatar';
import { Button } from '../Button';
import { Spinner } from '../Spinner';
import styles from './WorkspaceSwitcher.module.css';
import type { WorkspaceOption } from './workspace-option';

type ListModule = typeof import('./WorkspaceSwitcherList');

// The list's search and keyboard library is most of the switcher's weight and is only needed once it
// opens, so it loads when the person points at or focuses the trigger, and stays loaded after that.
let listModule: ListModule | undefined;
const loadList = () =>
  import('./WorkspaceSwitcherList').then((module) => {
    listModule = module;
    return module;
  });
const LazyList = lazy(() => loadList().then((module) => ({ default: module.WorkspaceSwitcherList })));

/**
 * Loads the list ahead of its first opening; once it has resolved, every switcher renders its list
 * synchronously. Stories load it first so that they exercise the switcher, not how fast a chunk arrives.
 */
export const preloadWorkspaceSwitcherList = async (): Promise<void> => {
  await loadList();
};

export type { WorkspaceOption };

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
    const List = listModule?.WorkspaceSwitcherList ?? LazyList;
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
            onPointerEnter={() => void loadList()}
            onFocus={() => void loadList()}
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
            <Suspense fallback={<Spinner label="Loading workspaces" className={styles.loading} />}>
              <List
                workspaces={workspaces}
                currentId={currentId}
                onPick={(id) => {
                  setOpen(false);
                  if (id !== currentId) onSelect(id);
                }}
              />
            </Suspense>
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

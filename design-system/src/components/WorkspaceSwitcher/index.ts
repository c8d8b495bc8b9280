export { WorkspaceSwitcher, type WorkspaceOption, type WorkspaceSwitcherProps } from './WorkspaceSwitcher';

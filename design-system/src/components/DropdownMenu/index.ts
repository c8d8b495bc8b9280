export { DropdownMenu, type DropdownMenuProps, type MenuEntry } from './DropdownMenu';

export { AppShell, type AppShellProps } from './AppShell';
export { useAppShell, type AppShellContextValue } from './app-shell-context';

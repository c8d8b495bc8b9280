import { createContext, useContext } from 'react';

export interface AppShellContextValue {
  /** True when the sidebar shows icons only. */
  sidebarCollapsed: boolean;
  /** Closes the narrow-screen navigation drawer, for example after the user follows a link. */
  closeNavigation: () => void;
}

export const AppShellContext = createContext<AppShellContextValue>({
  sidebarCollapsed: false,
  closeNavigation: () => undefined,
});

export const useAppShell = (): AppShellContextValue => useContext(AppShellContext);

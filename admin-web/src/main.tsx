// The library's own `import './styles.css'` is a side-effect import the bundler may drop when tree-shaking
// the barrel, so the global styles and tokens are imported here, where nothing can shake them out.
import '@bastion/design-system/styles.css';
import { ToastProvider } from '@bastion/design-system';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { configureApiClient } from './api/client';
import { queryClient } from './app/query-client';
import { router } from './app/router';
import { applyStoredTheme } from './app/theme';
import { forgetSession, sessionQuery } from './session/session';
import { pathAfterSessionEnded } from './session/sign-in-path';

applyStoredTheme();

configureApiClient({
  csrfToken: () => queryClient.getQueryData(sessionQuery.queryKey)?.csrfToken,
  onUnauthenticated: () => {
    forgetSession();
    const next = pathAfterSessionEnded(window.location);
    if (next) void router.navigate(next);
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html lost its #root element');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>
  </StrictMode>,
);

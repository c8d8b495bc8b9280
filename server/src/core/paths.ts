import { resolve } from 'node:path';

/** The repository (or image) root: server/src/core and server/dist/core both sit three levels below it. */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

export const ADMIN_WEB_DIST = resolve(REPO_ROOT, 'admin-web', 'dist');
export const STORYBOOK_DIST = resolve(REPO_ROOT, 'design-system', 'storybook-static');

const STORAGE_KEY = 'bastion.lastWorkspace';

export function rememberWorkspace(slug: string): void {
  localStorage.setItem(STORAGE_KEY, slug);
}

export function lastWorkspace(): string | null {
  return localStorage.getItem(STORAGE_KEY);
}

/** The server's rule for workspace slugs (SLUG_PATTERN in the workspaces DTOs). */
const SLUG_PATTERN = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

export function slugProblem(slug: string): string | null {
  if (!slug) return 'Choose an address.';
  if (!SLUG_PATTERN.test(slug)) {
    return 'Use 1–63 lowercase letters, digits or hyphens, not starting or ending with a hyphen.';
  }
  return null;
}

/** A slug suggested from a workspace name: "Acme Corp." → "acme-corp". */
export function slugFrom(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}

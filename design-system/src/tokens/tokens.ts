/**
 * The single source of every design decision. `npm run tokens` turns this file into
 * `generated/tokens.css`; the Foundations stories and the contrast test read it directly.
 */

export type ThemeName = 'light' | 'dark';

/** Semantic colour roles. Components name the role, never a hue, so a theme can remap all of them. */
export interface ColorRoles {
  /** Page background. */
  bg: string;
  /** Cards, side navigation, table headers. */
  surface: string;
  /** Hover fill on surfaces and subdued wells (code, skeletons). */
  'surface-sunken': string;
  /** Popovers, menus, dialogs. */
  'surface-raised': string;
  text: string;
  'text-muted': string;
  /** Text placed on `accent`, `success`, `warning` and `danger` fills. */
  'text-on-fill': string;
  /** Decorative dividers only; a control boundary uses `border-strong`. */
  border: string;
  /** Boundaries that identify a control (inputs, checkboxes): held to 3:1. */
  'border-strong': string;
  accent: string;
  'accent-hover': string;
  'accent-subtle': string;
  'accent-text': string;
  success: string;
  'success-subtle': string;
  'success-text': string;
  warning: string;
  'warning-subtle': string;
  'warning-text': string;
  danger: string;
  'danger-hover': string;
  'danger-subtle': string;
  'danger-text': string;
  'neutral-subtle': string;
  'focus-ring': string;
  overlay: string;
}

export const colors: Record<ThemeName, ColorRoles> = {
  light: {
    bg: '#ffffff',
    surface: '#f6f8fa',
    'surface-sunken': '#eef1f4',
    'surface-raised': '#ffffff',
    text: '#1b1f24',
    'text-muted': '#59636e',
    'text-on-fill': '#ffffff',
    border: '#d1d9e0',
    'border-strong': '#6e7781',
    accent: '#0a5ad4',
    'accent-hover': '#0848a8',
    'accent-subtle': '#ddf4ff',
    'accent-text': '#0550ae',
    success: '#1a7f37',
    'success-subtle': '#dafbe1',
    'success-text': '#116329',
    warning: '#9a6700',
    'warning-subtle': '#fff8c5',
    'warning-text': '#7d4e00',
    danger: '#cf222e',
    'danger-hover': '#a40e26',
    'danger-subtle': '#ffebe9',
    'danger-text': '#a40e26',
    'neutral-subtle': '#eef1f4',
    'focus-ring': '#0969da',
    overlay: 'rgb(27 31 36 / 0.5)',
  },
  dark: {
    bg: '#0d1117',
    surface: '#151b23',
    'surface-sunken': '#010409',
    'surface-raised': '#1c232c',
    text: '#e6edf3',
    'text-muted': '#9198a1',
    'text-on-fill': '#ffffff',
    border: '#30363d',
    'border-strong': '#7d8590',
    accent: '#1a64d8',
    'accent-hover': '#1654bd',
    'accent-subtle': '#0c2d6b',
    'accent-text': '#6cb2ff',
    success: '#1e7a34',
    'success-subtle': '#0f2d1a',
    'success-text': '#56d364',
    warning: '#8f5f00',
    'warning-subtle': '#2e2108',
    'warning-text': '#e3b341',
    danger: '#c9302c',
    'danger-hover': '#a8201d',
    'danger-subtle': '#3a1417',
    'danger-text': '#ff7b72',
    'neutral-subtle': '#212830',
    'focus-ring': '#4493f8',
    overlay: 'rgb(1 4 9 / 0.7)',
  },
};

export type ColorRole = keyof ColorRoles;

/**
 * Minimum WCAG 2.2 contrast for each foreground/background pairing the components use.
 * 4.5 is body text (1.4.3); 3 is large text and the boundary of a control or focus indicator (1.4.11).
 */
export interface ContrastPair {
  foreground: ColorRole;
  background: ColorRole;
  minimum: 4.5 | 3;
  usage: string;
}

const textOn = (background: ColorRole, usage: string): ContrastPair[] => [
  { foreground: 'text', background, minimum: 4.5, usage: `Body text on ${usage}` },
  { foreground: 'text-muted', background, minimum: 4.5, usage: `Secondary text on ${usage}` },
  { foreground: 'accent-text', background, minimum: 4.5, usage: `Links on ${usage}` },
];

export const contrastPairs: ContrastPair[] = [
  ...textOn('bg', 'the page'),
  ...textOn('surface', 'surfaces'),
  ...textOn('surface-sunken', 'sunken surfaces and hovered rows'),
  ...textOn('surface-raised', 'menus and dialogs'),
  { foreground: 'text', background: 'neutral-subtle', minimum: 4.5, usage: 'Neutral badge' },
  { foreground: 'accent-text', background: 'accent-subtle', minimum: 4.5, usage: 'Info badge and alert' },
  {
    foreground: 'success-text',
    background: 'success-subtle',
    minimum: 4.5,
    usage: 'Success badge and alert',
  },
  {
    foreground: 'warning-text',
    background: 'warning-subtle',
    minimum: 4.5,
    usage: 'Warning badge and alert',
  },
  { foreground: 'danger-text', background: 'danger-subtle', minimum: 4.5, usage: 'Danger badge and alert' },
  { foreground: 'danger-text', background: 'bg', minimum: 4.5, usage: 'Field error message' },
  { foreground: 'text-on-fill', background: 'accent', minimum: 4.5, usage: 'Primary button' },
  { foreground: 'text-on-fill', background: 'accent-hover', minimum: 4.5, usage: 'Primary button, hovered' },
  { foreground: 'text-on-fill', background: 'success', minimum: 4.5, usage: 'Success fill' },
  { foreground: 'text-on-fill', background: 'warning', minimum: 4.5, usage: 'Warning fill' },
  { foreground: 'text-on-fill', background: 'danger', minimum: 4.5, usage: 'Danger button' },
  { foreground: 'text-on-fill', background: 'danger-hover', minimum: 4.5, usage: 'Danger button, hovered' },
  { foreground: 'border-strong', background: 'bg', minimum: 3, usage: 'Input and checkbox boundary' },
  { foreground: 'border-strong', background: 'surface', minimum: 3, usage: 'Input boundary on surfaces' },
  { foreground: 'focus-ring', background: 'bg', minimum: 3, usage: 'Focus indicator' },
  { foreground: 'focus-ring', background: 'surface', minimum: 3, usage: 'Focus indicator on surfaces' },
  { foreground: 'accent', background: 'bg', minimum: 3, usage: 'Checked checkbox and switch' },
];

export const space = {
  '0': '0',
  '1': '0.25rem',
  '2': '0.5rem',
  '3': '0.75rem',
  '4': '1rem',
  '5': '1.25rem',
  '6': '1.5rem',
  '8': '2rem',
  '10': '2.5rem',
  '12': '3rem',
  '16': '4rem',
} as const;

export type SpaceToken = keyof typeof space;

export const radius = {
  none: '0',
  sm: '0.25rem',
  md: '0.375rem',
  lg: '0.5rem',
  xl: '0.75rem',
  full: '9999px',
} as const;

export const font = {
  family: {
    sans: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
    mono: "ui-monospace, SFMono-Regular, 'SF Mono', Menlo, Consolas, 'Liberation Mono', monospace",
  },
  size: {
    xs: '0.75rem',
    sm: '0.875rem',
    md: '1rem',
    lg: '1.125rem',
    xl: '1.25rem',
    '2xl': '1.5rem',
    '3xl': '1.875rem',
  },
  weight: { regular: '400', medium: '500', semibold: '600', bold: '700' },
  'line-height': { tight: '1.25', normal: '1.5' },
} as const;

/** Sizes of controls and layout regions, so component CSS never carries a literal length. */
export const size = {
  'border-thin': '1px',
  'border-thick': '2px',
  'focus-offset': '2px',
  'icon-sm': '0.875rem',
  'icon-md': '1rem',
  'icon-lg': '1.25rem',
  'control-sm': '2rem',
  'control-md': '2.5rem',
  'control-lg': '3rem',
  'avatar-sm': '1.5rem',
  'avatar-md': '2rem',
  'avatar-lg': '2.75rem',
  'sidebar-width': '16rem',
  'sidebar-collapsed-width': '4rem',
  'topbar-height': '3.5rem',
  'dialog-width': '32rem',
  'popover-width': '18rem',
  'toast-width': '22rem',
  'tooltip-max-width': '16rem',
  'content-max-width': '80rem',
  'field-max-width': '32rem',
  'switch-width': '2.25rem',
  'switch-height': '1.25rem',
  'switch-thumb': '1rem',
} as const;

export const shadow: Record<ThemeName, Record<'sm' | 'md' | 'lg', string>> = {
  light: {
    sm: '0 1px 2px rgb(31 35 40 / 0.08)',
    md: '0 4px 12px rgb(31 35 40 / 0.12)',
    lg: '0 12px 32px rgb(31 35 40 / 0.18)',
  },
  dark: {
    sm: '0 1px 2px rgb(1 4 9 / 0.6)',
    md: '0 4px 12px rgb(1 4 9 / 0.7)',
    lg: '0 12px 32px rgb(1 4 9 / 0.8)',
  },
};

export const motion = {
  duration: { fast: '100ms', normal: '200ms', slow: '300ms' },
  easing: { standard: 'cubic-bezier(0.2, 0, 0, 1)', emphasized: 'cubic-bezier(0.3, 0, 0, 1.2)' },
} as const;

/** Stacking layers, lowest first; overlays portal to the body so only these values compete. */
export const zIndex = {
  base: '0',
  sticky: '100',
  sidebar: '200',
  dropdown: '1000',
  overlay: '1100',
  modal: '1200',
  popover: '1300',
  toast: '1400',
  tooltip: '1500',
} as const;

/**
 * Viewport widths at which layout changes. CSS custom properties cannot be used inside media queries,
 * so component CSS repeats these numbers; the value here is the one to keep them in step with.
 */
export const breakpoints = { sm: '40rem', md: '48rem', lg: '64rem' } as const;

export const tokens = { colors, space, radius, font, size, shadow, motion, zIndex, breakpoints } as const;

import { colors, font, motion, radius, shadow, size, space, zIndex, type ThemeName } from './tokens';

export const GENERATED_HEADER =
  '/* Generated from src/tokens/tokens.ts by `npm run tokens`. Do not edit: change the tokens and regenerate. */';

type Declarations = [name: string, value: string][];

const prefixed = (prefix: string, values: Record<string, string>): Declarations =>
  Object.entries(values).map(([name, value]) => [`--ds-${prefix}-${name}`, value]);

function themeDeclarations(theme: ThemeName): Declarations {
  return [
    ['color-scheme', theme],
    ...prefixed('color', { ...colors[theme] }),
    ...prefixed('shadow', shadow[theme]),
  ];
}

function sharedDeclarations(): Declarations {
  return [
    ...prefixed('space', space),
    ...prefixed('radius', radius),
    ...prefixed('font-family', font.family),
    ...prefixed('font-size', font.size),
    ...prefixed('font-weight', font.weight),
    ...prefixed('line-height', font['line-height']),
    ...prefixed('size', size),
    ...prefixed('motion-duration', motion.duration),
    ...prefixed('motion-easing', motion.easing),
    ...prefixed('z-index', zIndex),
  ];
}

function block(selector: string, declarations: Declarations, indent = ''): string {
  const body = declarations.map(([name, value]) => `${indent}  ${name}: ${value};`).join('\n');
  return `${indent}${selector} {\n${body}\n${indent}}`;
}

/** The whole token stylesheet; the generator writes it and the staleness test compares against it. */
export function renderTokensCss(): string {
  const zeroDurations = prefixed(
    'motion-duration',
    Object.fromEntries(Object.keys(motion.duration).map((name) => [name, '0ms'])),
  );
  return [
    GENERATED_HEADER,
    block(':root', [...sharedDeclarations(), ...themeDeclarations('light')]),
    '@media (prefers-color-scheme: dark) {',
    block(':root:not([data-theme="light"])', themeDeclarations('dark'), '  '),
    '}',
    block('[data-theme="dark"]', themeDeclarations('dark')),
    block('[data-theme="light"]', themeDeclarations('light')),
    '@media (prefers-reduced-motion: reduce) {',
    block(':root', zeroDurations, '  '),
    '}',
    '',
  ].join('\n');
}

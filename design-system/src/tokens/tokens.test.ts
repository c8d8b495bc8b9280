import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from './contrast';
import { GENERATED_HEADER, renderTokensCss } from './render-css';
import { colors, contrastPairs, type ThemeName } from './tokens';

const themes = Object.keys(colors) as ThemeName[];

describe(contrastRatio.name, () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('is symmetric', () => {
    expect(contrastRatio('#0a5ad4', '#f6f8fa')).toBe(contrastRatio('#f6f8fa', '#0a5ad4'));
  });

  it('refuses colours it cannot measure rather than guessing', () => {
    expect(() => contrastRatio('rgb(0 0 0)', '#ffffff')).toThrow(/#rrggbb/);
  });
});

describe('colour tokens', () => {
  it.each(themes)('define the same roles in the %s theme', (theme) => {
    expect(Object.keys(colors[theme]).sort()).toEqual(Object.keys(colors.light).sort());
  });

  const cases = themes.flatMap((theme) =>
    contrastPairs.map((pair) => ({ theme, ...pair, label: `${pair.foreground} on ${pair.background}` })),
  );

  it.each(cases)(
    '$theme: $label reaches $minimum:1 ($usage)',
    ({ theme, foreground, background, minimum }) => {
      const ratio = contrastRatio(colors[theme][foreground], colors[theme][background]);
      expect(ratio).toBeGreaterThanOrEqual(minimum);
    },
  );
});

describe('generated token stylesheet', () => {
  const generated = readFileSync(new URL('./generated/tokens.css', import.meta.url), 'utf8');

  it('is up to date with tokens.ts (run `npm run tokens -w design-system` if this fails)', () => {
    expect(generated).toBe(renderTokensCss());
  });

  it('says on its first line that it is generated', () => {
    expect(generated.split('\n')[0]).toBe(GENERATED_HEADER);
  });

  it('defines every colour role for the dark theme, by attribute and by system preference', () => {
    const css = renderTokensCss();
    for (const selector of ['[data-theme="dark"] {', ':root:not([data-theme="light"]) {']) {
      const start = css.indexOf(selector);
      const body = css.slice(start, css.indexOf('}', start));
      for (const [role, value] of Object.entries(colors.dark)) {
        expect(body).toContain(`--ds-color-${role}: ${value};`);
      }
    }
  });
});

import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { Badge } from '../components/Badge';
import { colors, contrastPairs, contrastRatio, type ThemeName } from '../tokens';
import styles from './Foundations.module.css';

function ThemeColors({ theme }: { theme: ThemeName }) {
  const palette = colors[theme];
  return (
    <section className={styles.theme} data-theme={theme} aria-labelledby={`colors-${theme}`}>
      <h2 id={`colors-${theme}`} className={styles.heading}>
        {theme === 'light' ? 'Light theme' : 'Dark theme'}
      </h2>
      <table className={styles.table}>
        <caption>Colour roles</caption>
        <thead>
          <tr>
            <th scope="col">Swatch</th>
            <th scope="col">Variable</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(palette).map(([role, value]) => (
            <tr key={role}>
              <td>
                <span className={styles.swatch} style={{ background: value }} aria-hidden />
              </td>
              <td className={styles.code}>--ds-color-{role}</td>
              <td className={styles.code}>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className={styles.table}>
        <caption>Contrast of the pairs components use (WCAG 2.2)</caption>
        <thead>
          <tr>
            <th scope="col">Sample</th>
            <th scope="col">Usage</th>
            <th scope="col">Ratio</th>
          </tr>
        </thead>
        <tbody>
          {contrastPairs.map((pair) => {
            const ratio = contrastRatio(palette[pair.foreground], palette[pair.background]);
            const passes = ratio >= pair.minimum;
            return (
              <tr key={`${pair.foreground}-${pair.background}`}>
                <td>
                  <span
                    className={styles.sample}
                    style={{
                      color: `var(--ds-color-${pair.foreground})`,
                      background: `var(--ds-color-${pair.background})`,
                      ...(pair.minimum === 3 && {
                        color: 'var(--ds-color-text)',
                        outline: `var(--ds-size-border-thick) solid var(--ds-color-${pair.foreground})`,
                      }),
                    }}
                  >
                    Aa
                  </span>
                </td>
                <td>
                  {pair.usage}
                  <div className={styles.code}>
                    {pair.foreground} on {pair.background}
                  </div>
                </td>
                <td>
                  <Badge tone={passes ? 'success' : 'danger'}>
                    {ratio.toFixed(2)}:1 {passes ? '≥' : '<'} {pair.minimum}
                  </Badge>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function ColorTokens() {
  return (
    <div className={styles.page}>
      <p className={styles.intro}>
        Generated from <code>src/tokens/tokens.ts</code>. Components use roles, never raw hues, so both themes
        stay in step. Ratios below are computed from the same source the unit test checks.
      </p>
      <div className={styles.themes}>
        <ThemeColors theme="light" />
        <ThemeColors theme="dark" />
      </div>
    </div>
  );
}

const meta = {
  title: 'Foundations/Colour',
  component: ColorTokens,
  tags: ['!autodocs'],
  parameters: { layout: 'padded' },
} satisfies Meta<typeof ColorTokens>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Tokens: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const expectedRows = Object.keys(colors.light).length + 1;
    for (const table of canvas.getAllByRole('table', { name: 'Colour roles' })) {
      await expect(within(table).getAllByRole('row')).toHaveLength(expectedRows);
    }
    await expect(canvas.queryAllByText(/:1 </)).toHaveLength(0);
  },
};

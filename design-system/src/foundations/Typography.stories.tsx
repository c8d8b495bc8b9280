import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { font } from '../tokens';
import styles from './Foundations.module.css';

function TypographyTokens() {
  return (
    <div className={styles.page}>
      <table className={styles.table}>
        <caption>Type scale</caption>
        <thead>
          <tr>
            <th scope="col">Variable</th>
            <th scope="col">Value</th>
            <th scope="col">Sample</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(font.size).map(([name, value]) => (
            <tr key={name}>
              <td className={styles.code}>--ds-font-size-{name}</td>
              <td className={styles.code}>{value}</td>
              <td style={{ fontSize: `var(--ds-font-size-${name})` }}>Members and roles</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className={styles.table}>
        <caption>Families, weights and line heights</caption>
        <thead>
          <tr>
            <th scope="col">Variable</th>
            <th scope="col">Sample</th>
          </tr>
        </thead>
        <tbody>
          {Object.keys(font.family).map((name) => (
            <tr key={name}>
              <td className={styles.code}>--ds-font-family-{name}</td>
              <td style={{ fontFamily: `var(--ds-font-family-${name})` }}>bst_live_4f9a 0123456789</td>
            </tr>
          ))}
          {Object.keys(font.weight).map((name) => (
            <tr key={name}>
              <td className={styles.code}>--ds-font-weight-{name}</td>
              <td style={{ fontWeight: `var(--ds-font-weight-${name})` }}>Workspace settings</td>
            </tr>
          ))}
          {Object.entries(font['line-height']).map(([name, value]) => (
            <tr key={name}>
              <td className={styles.code}>--ds-line-height-{name}</td>
              <td className={styles.code}>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const meta = {
  title: 'Foundations/Typography',
  component: TypographyTokens,
  tags: ['!autodocs'],
} satisfies Meta<typeof TypographyTokens>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Tokens: Story = {
  play: async ({ canvasElement }) => {
    const table = within(canvasElement).getByRole('table', { name: 'Type scale' });
    await expect(within(table).getAllByRole('row')).toHaveLength(Object.keys(font.size).length + 1);
  },
};

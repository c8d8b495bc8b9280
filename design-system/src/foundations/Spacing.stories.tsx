import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { radius, shadow, size, space, zIndex, motion } from '../tokens';
import styles from './Foundations.module.css';

function SpacingTokens() {
  return (
    <div className={styles.page}>
      <table className={styles.table}>
        <caption>Spacing scale</caption>
        <thead>
          <tr>
            <th scope="col">Variable</th>
            <th scope="col">Value</th>
            <th scope="col">Preview</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(space).map(([name, value]) => (
            <tr key={name}>
              <td className={styles.code}>--ds-space-{name}</td>
              <td className={styles.code}>{value}</td>
              <td>
                <span className={styles.bar} style={{ inlineSize: `var(--ds-space-${name})` }} aria-hidden />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className={styles.table}>
        <caption>Radii and shadows</caption>
        <thead>
          <tr>
            <th scope="col">Variable</th>
            <th scope="col">Value (light theme)</th>
            <th scope="col">Preview</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(radius).map(([name, value]) => (
            <tr key={name}>
              <td className={styles.code}>--ds-radius-{name}</td>
              <td className={styles.code}>{value}</td>
              <td>
                <span
                  className={styles.swatch}
                  style={{ borderRadius: `var(--ds-radius-${name})` }}
                  aria-hidden
                />
              </td>
            </tr>
          ))}
          {Object.entries(shadow.light).map(([name, value]) => (
            <tr key={name}>
              <td className={styles.code}>--ds-shadow-{name}</td>
              <td className={styles.code}>{value}</td>
              <td>
                <span
                  className={styles.swatch}
                  style={{ boxShadow: `var(--ds-shadow-${name})` }}
                  aria-hidden
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className={styles.table}>
        <caption>Sizes, motion and layers</caption>
        <thead>
          <tr>
            <th scope="col">Variable</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {[
            ...Object.entries(size).map(([name, value]) => [`--ds-size-${name}`, value]),
            ...Object.entries(motion.duration).map(([name, value]) => [
              `--ds-motion-duration-${name}`,
              value,
            ]),
            ...Object.entries(motion.easing).map(([name, value]) => [`--ds-motion-easing-${name}`, value]),
            ...Object.entries(zIndex).map(([name, value]) => [`--ds-z-index-${name}`, value]),
          ].map(([name, value]) => (
            <tr key={name}>
              <td className={styles.code}>{name}</td>
              <td className={styles.code}>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const meta = {
  title: 'Foundations/Spacing and sizes',
  component: SpacingTokens,
  tags: ['!autodocs'],
} satisfies Meta<typeof SpacingTokens>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Tokens: Story = {
  play: async ({ canvasElement }) => {
    const table = within(canvasElement).getByRole('table', { name: 'Spacing scale' });
    await expect(within(table).getAllByRole('row')).toHaveLength(Object.keys(space).length + 1);
  },
};

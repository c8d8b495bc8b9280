import { composeStories } from '@storybook/react-vite';
import type { ComponentType } from 'react';
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import * as AlertStories from '../src/components/Alert/Alert.stories';
import * as BadgeStories from '../src/components/Badge/Badge.stories';
import * as ButtonStories from '../src/components/Button/Button.stories';
import * as CardStories from '../src/components/Card/Card.stories';
import * as FormFieldStories from '../src/components/FormField/FormField.stories';
import * as SideNavStories from '../src/components/SideNav/SideNav.stories';
import * as TableStories from '../src/components/Table/Table.stories';
import * as TabsStories from '../src/components/Tabs/Tabs.stories';

const { Variants: ButtonVariants, Loading: ButtonLoading } = composeStories(ButtonStories);
const { Tones: BadgeTones } = composeStories(BadgeStories);
const { Tones: AlertTones } = composeStories(AlertStories);
const { Playground: CardPlayground } = composeStories(CardStories);
const { WithError: FieldWithError } = composeStories(FormFieldStories);
const { Playground: SideNavPlayground } = composeStories(SideNavStories);
const { Playground: TablePlayground, Empty: TableEmpty } = composeStories(TableStories);
const { Playground: TabsPlayground } = composeStories(TabsStories);

/** The set kept under visual review: one story per visual family, chosen to cover every colour role. */
const stories: [name: string, Story: ComponentType][] = [
  ['button-variants', ButtonVariants],
  ['button-loading', ButtonLoading],
  ['badge-tones', BadgeTones],
  ['alert-tones', AlertTones],
  ['card', CardPlayground],
  ['form-field-error', FieldWithError],
  ['side-nav', SideNavPlayground],
  ['table', TablePlayground],
  ['table-empty', TableEmpty],
  ['tabs', TabsPlayground],
];

describe.each(['light', 'dark'] as const)('%s theme', (theme) => {
  it.each(stories)('%s matches its baseline', async (name, Story) => {
    const screen = await render(
      <div
        data-theme={theme}
        data-testid="frame"
        style={{
          display: 'inline-block',
          minInlineSize: 'var(--ds-size-dialog-width)',
          padding: 'var(--ds-space-4)',
          background: 'var(--ds-color-bg)',
          color: 'var(--ds-color-text)',
        }}
      >
        <Story />
      </div>,
    );
    await expect.element(screen.getByTestId('frame')).toMatchScreenshot(`${name}-${theme}`, {
      comparatorName: 'pixelmatch',
      // Anti-aliasing differs slightly between runs; a real change moves far more than 0.5% of pixels.
      comparatorOptions: { threshold: 0.1, allowedMismatchedPixelRatio: 0.005 },
      // Two identical consecutive captures count as stable; on a busy 2-core machine that can take a while.
      timeout: 20_000,
    });
  });
});

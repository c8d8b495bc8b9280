import type { Decorator, Preview } from '@storybook/react-vite';
import { configure } from 'storybook/test';
import '../src/styles.css';

// Play functions wait for what a person would (a tooltip's delay, a popover opening); on a busy machine
// that can take longer than Testing Library's one-second default, and a generous bound costs nothing when
// the element is already there.
configure({ asyncUtilTimeout: 10_000 });

const withTheme: Decorator = (Story, context) => {
  const theme = context.globals['theme'] === 'dark' ? 'dark' : 'light';
  document.documentElement.dataset['theme'] = theme;
  return <Story />;
};

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withTheme],
  globalTypes: {
    theme: {
      description: 'Colour theme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: import.meta.env.VITE_DS_THEME ?? 'light' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    a11y: {
      // Every story is checked with axe in Chromium by `npm test`, and any violation fails the run.
      test: 'error',
    },
    options: {
      storySort: { order: ['Foundations', 'Components', 'Patterns'] },
    },
  },
};

export default preview;

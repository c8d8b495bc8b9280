import { mergeConfig } from 'vite';
import { developmentDefine, sharedConfig } from '../vite.shared.ts';

/** Storybook compiles like the library, minus the library-only build settings and declaration output. */
export default mergeConfig(sharedConfig, { define: developmentDefine });

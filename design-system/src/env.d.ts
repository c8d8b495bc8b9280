interface ImportMetaEnv {
  /** Theme the stories start in; the dark story-test project sets it to run axe on the dark theme. */
  readonly VITE_DS_THEME?: 'light' | 'dark';
}

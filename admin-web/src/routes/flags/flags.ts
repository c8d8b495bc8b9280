import type { Flag, Page } from '../../api/types';

const onOff = (enabled: boolean) => (enabled ? 'on' : 'off');

/** Where a flag's state comes from, in words: the default, or this workspace's choice over it. */
export function flagSummary(flag: Flag): string {
  if (!flag.overridden) return `Follows the default (${onOff(flag.defaultEnabled)}).`;
  return flag.enabled === flag.defaultEnabled
    ? `Set ${onOff(flag.enabled)} here, the same as the default.`
    : `Set ${onOff(flag.enabled)} here; the default is ${onOff(flag.defaultEnabled)}.`;
}

/** The list with one flag replaced by a newer version of it; other flags and their order are kept. */
export function withFlag(page: Page<Flag>, flag: Flag): Page<Flag> {
  return { ...page, items: page.items.map((item) => (item.key === flag.key ? flag : item)) };
}

/** What the screen shows while the server confirms a switch: the override as it will be. */
export function switched(flag: Flag, enabled: boolean): Flag {
  return { ...flag, enabled, overridden: true };
}

/** What the screen shows while the server confirms a reset: the default again. */
export function reset(flag: Flag): Flag {
  return { ...flag, enabled: flag.defaultEnabled, overridden: false };
}

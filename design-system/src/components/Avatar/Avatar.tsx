import { clsx } from 'clsx';
import { Avatar as AvatarPrimitive } from 'radix-ui';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import styles from './Avatar.module.css';

export type AvatarSize = 'sm' | 'md' | 'lg';

export interface AvatarProps extends Omit<ComponentPropsWithoutRef<'span'>, 'children'> {
  /** Person or workspace name: the image's alternative text and the source of the initials. */
  name: string;
  /**
   * Image URL; the initials show while it loads and if it fails.
   * @default undefined
   */
  src?: string;
  /** @default 'md' */
  size?: AvatarSize;
  /**
   * `square` marks workspaces and organisations, `circle` marks people.
   * @default 'circle'
   */
  shape?: 'circle' | 'square';
}

export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters
    .map((word) => Array.from(word ?? '')[0] ?? '')
    .join('')
    .toLocaleUpperCase();
}

/** A picture or the initials of a person or workspace. */
export const Avatar = forwardRef<HTMLSpanElement, AvatarProps>(function Avatar(
  { name, src, size = 'md', shape = 'circle', className, ...rest },
  ref,
) {
  return (
    <AvatarPrimitive.Root
      ref={ref}
      className={clsx(styles.root, className)}
      data-size={size}
      data-shape={shape}
      {...rest}
    >
      {src && <AvatarPrimitive.Image className={styles.image} src={src} alt={name} />}
      <AvatarPrimitive.Fallback className={styles.fallback} role="img" aria-label={name}>
        <span aria-hidden>{initialsOf(name)}</span>
      </AvatarPrimitive.Fallback>
    </AvatarPrimitive.Root>
  );
});

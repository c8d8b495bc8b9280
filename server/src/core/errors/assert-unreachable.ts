/** Makes a `switch` over a union exhaustive: adding a member without handling it is a compile error. */
export function assertUnreachable(value: never): never {
  throw new Error(`Unhandled case: ${String(value)}`);
}

import type { ExecutionContext } from '@nestjs/common';

type MetadataKey = string | symbol;

// Controller class → handler → key → value. Keyed by both, since one inherited method can serve two
// controllers with different class-level metadata.
const resolved = new WeakMap<object, WeakMap<object, Map<MetadataKey, unknown>>>();

function read<T>(key: MetadataKey, handler: object, controller: object): T | undefined {
  const own = Reflect.getMetadata(key, handler) as T | undefined;
  return own !== undefined ? own : (Reflect.getMetadata(key, controller) as T | undefined);
}

/**
 * A route's metadata for `key`, the handler's own value overriding its controller's (what
 * `Reflector.getAllAndOverride` answers), read once per route and then kept. Decorators write route
 * metadata while classes are defined, so it never changes afterwards; the global guards ask on every
 * request, and reflect-metadata's prototype walks were a measurable share of a probe's time.
 */
export function routeMetadata<T>(context: ExecutionContext, key: MetadataKey): T | undefined {
  const handler = context.getHandler();
  const controller = context.getClass();
  let byHandler = resolved.get(controller);
  if (byHandler === undefined) {
    byHandler = new WeakMap();
    resolved.set(controller, byHandler);
  }
  let values = byHandler.get(handler);
  if (values === undefined) {
    values = new Map();
    byHandler.set(handler, values);
  }
  if (!values.has(key)) values.set(key, read<T>(key, handler, controller));
  return values.get(key) as T | undefined;
}

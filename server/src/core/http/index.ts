export { configureHttp } from './configure-http';
export { fastifyOptions } from './fastify-options';
export { MethodTable } from './method-table';
export { Public, IS_PUBLIC } from './public.decorator';
export { STORYBOOK_PREFIX } from './security-headers';
export { registerStaticSites } from './static-sites';
export { requestContextOf } from './request-context';
export type { RequestContext } from './request-context';
export type { StaticSites } from './static-sites';

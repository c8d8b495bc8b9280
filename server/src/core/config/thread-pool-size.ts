import { loadEnvironment } from './environment';
import { DEFAULT_THREAD_POOL_SIZE } from './namespaces';

// libuv reads UV_THREADPOOL_SIZE once, when the first task reaches its pool, so this module must be
// imported before anything hashes, reads a file asynchronously or resolves a host name. A value from
// the environment or `.env` (set by an operator) wins; configuration validates it with the rest.
loadEnvironment();
process.env.UV_THREADPOOL_SIZE ||= String(DEFAULT_THREAD_POOL_SIZE);

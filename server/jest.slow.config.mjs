/**
 * The slow suites (`npm run test:resilience`): a minute of load on the built server and a sqlmap scan.
 * Same transform and database setup as `npm test`, one file at a time so they do not measure each other.
 * @type {import('jest').Config}
 */
import base from './jest.config.js';

export default {
  ...base,
  testMatch: ['<rootDir>/test/**/*.slow-spec.ts'],
  maxWorkers: 1,
  testTimeout: 300_000,
};

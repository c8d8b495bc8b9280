import { ConfigValidationError, HashingConfig, loadConfig } from '.';

describe(HashingConfig.name, () => {
  it('refuses a hashing concurrency that could hold more than half the thread pool', () => {
    expect(() => loadConfig({ UV_THREADPOOL_SIZE: '4', PASSWORD_HASHING_CONCURRENCY: '3' })).toThrow(
      ConfigValidationError,
    );
    expect(() => loadConfig({ UV_THREADPOOL_SIZE: '4', PASSWORD_HASHING_CONCURRENCY: '3' })).toThrow(
      /PASSWORD_HASHING_CONCURRENCY must be at most half of UV_THREADPOOL_SIZE \(4\)/,
    );
    expect(
      loadConfig({ UV_THREADPOOL_SIZE: '4', PASSWORD_HASHING_CONCURRENCY: '2' }).hashing.concurrency,
    ).toBe(2);
  });

  it('derives a concurrency of at least one and at most half the pool when left at 0', () => {
    for (const size of [2, 3, 4, 8, 64]) {
      const { concurrency } = loadConfig({ UV_THREADPOOL_SIZE: String(size) }).hashing;
      expect(concurrency).toBeGreaterThanOrEqual(1);
      expect(concurrency).toBeLessThanOrEqual(Math.max(1, size / 2));
    }
  });

  it('refuses a thread pool too small to share, and a negative queue', () => {
    expect(() => loadConfig({ UV_THREADPOOL_SIZE: '1' })).toThrow(/UV_THREADPOOL_SIZE/);
    expect(() => loadConfig({ PASSWORD_HASHING_QUEUE: '-1' })).toThrow(/PASSWORD_HASHING_QUEUE/);
  });
});

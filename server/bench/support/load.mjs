// One bounded load run with autocannon against 127.0.0.1, keeping every response time so p95 can be
// reported (autocannon's own summary has p90 and p97.5 but no p95).
import autocannon from 'autocannon';

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

function assertLoopback(url) {
  const { hostname } = new URL(url);
  if (hostname !== '127.0.0.1') throw new Error(`load is only ever sent to 127.0.0.1, not ${hostname}`);
}

/**
 * @param {object} options
 * @param {string} options.url full URL on 127.0.0.1
 * @param {number} options.connections
 * @param {number} options.seconds hard bound on the run
 * @param {string} [options.method]
 * @param {Record<string,string>} [options.headers]
 * @param {string} [options.body]
 * @param {number} [options.overallRate] requests per second across all connections
 * @param {boolean} [options.keepLatencies] record every response time (off for long runs)
 * @param {AbortSignal} [options.signal] ends the run early
 */
export async function runLoad({
  url,
  connections,
  seconds,
  method = 'GET',
  headers = {},
  body,
  overallRate,
  keepLatencies = true,
  signal,
}) {
  assertLoopback(url);
  let latencies = new Float64Array(65_536);
  let count = 0;
  let byStatus = {};
  const instance = autocannon({
    url,
    connections,
    duration: seconds,
    method,
    headers,
    body,
    overallRate,
    timeout: 10,
  });
  if (signal?.aborted) instance.stop();
  else signal?.addEventListener('abort', () => instance.stop(), { once: true });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    byStatus[statusCode] = (byStatus[statusCode] ?? 0) + 1;
    if (!keepLatencies) return;
    if (count === latencies.length) {
      const grown = new Float64Array(latencies.length * 2);
      grown.set(latencies);
      latencies = grown;
    }
    latencies[count++] = responseTime;
  });
  const result = await instance;
  const sorted = latencies.subarray(0, count).sort();
  const ok = Object.entries(byStatus)
    .filter(([status]) => Number(status) >= 200 && Number(status) < 300)
    .reduce((sum, [, n]) => sum + n, 0);
  return {
    connections,
    seconds: result.duration,
    requests: result.requests.total,
    rps: result.requests.total / result.duration,
    p50: keepLatencies ? percentile(sorted, 50) : result.latency.p50,
    p95: keepLatencies ? percentile(sorted, 95) : NaN,
    p99: keepLatencies ? percentile(sorted, 99) : result.latency.p99,
    max: keepLatencies ? sorted[sorted.length - 1] : result.latency.max,
    ok,
    byStatus,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

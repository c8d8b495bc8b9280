import { Bulkhead, BulkheadFullError } from './bulkhead';

/** A task the test finishes by hand, recording when it started. */
function controlledTask(started: number[], id: number) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    run: async () => {
      started.push(id);
      await done;
      return id;
    },
    finish: () => finish(),
  };
}

/** Lets every settled promise run its continuations. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe(Bulkhead.name, () => {
  it('never runs more tasks at once than its limit, and starts waiting ones in arrival order', async () => {
    const bulkhead = new Bulkhead('test', { maxConcurrent: 2, maxQueued: 10 });
    const started: number[] = [];
    const tasks = Array.from({ length: 6 }, (_, id) => controlledTask(started, id));
    const results = tasks.map((task) => bulkhead.run(task.run));
    await settle();

    expect(started).toEqual([0, 1]);
    expect(bulkhead.running).toBe(2);
    expect(bulkhead.queued).toBe(4);

    tasks[1].finish();
    await settle();
    expect(started).toEqual([0, 1, 2]);
    expect(bulkhead.running).toBe(2);

    for (const task of tasks) task.finish();
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(bulkhead.running).toBe(0);
    expect(bulkhead.queued).toBe(0);
  });

  it('refuses at once, without running it, a task that finds every slot busy and the queue full', async () => {
    const bulkhead = new Bulkhead('hashing', { maxConcurrent: 1, maxQueued: 2 });
    const started: number[] = [];
    const tasks = Array.from({ length: 3 }, (_, id) => controlledTask(started, id));
    const accepted = tasks.map((task) => bulkhead.run(task.run));
    const extra = jest.fn(async () => 99);

    await expect(bulkhead.run(extra)).rejects.toBeInstanceOf(BulkheadFullError);
    await expect(bulkhead.run(extra)).rejects.toThrow('hashing: every slot is busy and the queue is full');
    expect(extra).not.toHaveBeenCalled();
    expect(bulkhead.rejected).toBe(2);
    expect(bulkhead.queued).toBe(2);

    for (const task of tasks) task.finish();
    expect(await Promise.all(accepted)).toEqual([0, 1, 2]);
    expect(await bulkhead.run(extra)).toBe(99);
  });

  it('frees the slot of a task that fails, and passes its error on', async () => {
    const bulkhead = new Bulkhead('test', { maxConcurrent: 1, maxQueued: 0 });
    await expect(bulkhead.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(bulkhead.running).toBe(0);
    expect(await bulkhead.run(async () => 'next')).toBe('next');
  });

  it('with no queue, refuses anything beyond the running tasks', async () => {
    const bulkhead = new Bulkhead('test', { maxConcurrent: 1, maxQueued: 0 });
    const task = controlledTask([], 0);
    const running = bulkhead.run(task.run);
    await expect(bulkhead.run(async () => 1)).rejects.toBeInstanceOf(BulkheadFullError);
    task.finish();
    await running;
  });

  it('starts waiting tasks at once when reconfigured with more room', async () => {
    const bulkhead = new Bulkhead('test', { maxConcurrent: 1, maxQueued: 5 });
    const started: number[] = [];
    const tasks = Array.from({ length: 3 }, (_, id) => controlledTask(started, id));
    const results = tasks.map((task) => bulkhead.run(task.run));
    await settle();
    expect(started).toEqual([0]);

    bulkhead.configure({ maxConcurrent: 3, maxQueued: 5 });
    await settle();
    expect(started).toEqual([0, 1, 2]);
    for (const task of tasks) task.finish();
    await Promise.all(results);
  });
});

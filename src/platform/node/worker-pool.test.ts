import { describe, expect, it } from 'vitest';
import { serveWorkerJobs } from './worker-pool.ts';
import type { WorkerReply } from './worker-pool.ts';

type Message = { configure: { factor: number } } | { id: number; job: number };

/** The worker's end of the port, in this thread: what the pool posts, and what comes back. */
function fakePort() {
  const replies: WorkerReply<number>[] = [];
  let listener: ((message: Message) => void) | undefined;
  return {
    replies,
    port: {
      on(_event: 'message', on: (message: Message) => void) {
        listener = on;
      },
      postMessage(reply: WorkerReply<number>) {
        replies.push(reply);
      },
    },
    async send(message: Message) {
      listener?.(message);
      // Let the job's promise chain post its reply.
      await new Promise<void>((resolve) => setImmediate(resolve));
    },
  };
}

describe('serveWorkerJobs (the worker side of the pool)', () => {
  it('Given the configuration as the first message, when jobs follow, then each is answered by the handler built from it', async () => {
    const { port, replies, send } = fakePort();
    serveWorkerJobs(
      port,
      ({ factor }: { factor: number }) =>
        (job: number) =>
          job * factor,
    );
    await send({ configure: { factor: 3 } });
    await send({ id: 0, job: 2 });
    await send({ id: 1, job: 5 });
    expect(replies).toEqual([
      { id: 0, reply: 6 },
      { id: 1, reply: 15 },
    ]);
  });

  it('Given a handler that cannot be built from the configuration, when jobs come, then each is answered with that error, not left waiting', async () => {
    const { port, replies, send } = fakePort();
    serveWorkerJobs(port, (): ((job: number) => number) => {
      throw new Error('the issuer key does not parse');
    });
    await send({ configure: { factor: 1 } });
    await send({ id: 7, job: 1 });
    await send({ id: 8, job: 1 });
    expect(replies).toEqual([
      { id: 7, error: 'the issuer key does not parse' },
      { id: 8, error: 'the issuer key does not parse' },
    ]);
  });

  it('Given a job before any configuration, when it comes, then it is answered with an error', async () => {
    const { port, replies, send } = fakePort();
    serveWorkerJobs(port, () => (job: number) => job);
    await send({ id: 0, job: 1 });
    expect(replies).toEqual([
      { id: 0, error: 'a worker thread got a job before its configuration' },
    ]);
  });

  it('Given a handler that fails on one job, when jobs come, then only that job is answered with its error', async () => {
    const { port, replies, send } = fakePort();
    serveWorkerJobs(port, () => (job: number) => {
      if (job < 0) throw new Error(`row ${job} is negative`);
      return job;
    });
    await send({ configure: { factor: 1 } });
    await send({ id: 0, job: -1 });
    await send({ id: 1, job: 4 });
    expect(replies).toEqual([
      { id: 0, error: 'row -1 is negative' },
      { id: 1, reply: 4 },
    ]);
  });
});

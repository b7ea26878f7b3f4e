/**
 * A pool of worker threads, one per core by default, that run jobs of one kind: each job goes to
 * the least busy worker and its reply comes back as a promise. A worker that fails rejects every
 * job still waiting; `close()` ends them all.
 *
 * The workers start before what they need is known: a payroll batch starts its threads first, so
 * they load their code while the main thread loads the code that checks the rows (issue 12).
 * `configure(data)` then hands every worker that data once, before any job, and on the worker's
 * side `serveWorkerJobs` builds the job handler from it.
 *
 * `entry` is the worker's module. From the built CLI (dist-node/cli/, scripts/build-node.mjs) it
 * is a bundled `.mjs` beside the chunk that creates the pool; from the sources (tests, benchmarks)
 * it is a small `.mjs` that registers tsx first, then imports the TypeScript body.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

export interface WorkerPool<Job, Reply> {
  readonly size: number;
  run(job: Job, transfer?: readonly ArrayBuffer[]): Promise<Reply>;
  /** Hands every worker `data` (structured-cloned) for its handler: once, before any job. */
  configure(data: unknown): void;
  close(): Promise<void>;
}

/** What a worker posts back for each job: its id and either a reply or an error message. */
export type WorkerReply<Reply> = { id: number; reply: Reply } | { id: number; error: string };

interface Pending<Reply> {
  resolve(value: Reply): void;
  reject(error: Error): void;
}

export function createWorkerPool<Job, Reply>(opts: {
  entry: URL;
  size?: number;
  /** Node options of each worker (default: this process's, loaders such as tsx included). */
  execArgv?: string[];
}): WorkerPool<Job, Reply> {
  const size = Math.max(1, opts.size ?? availableParallelism());
  const pending = new Map<number, Pending<Reply>>();
  const load = new Map<Worker, number>();
  let nextId = 0;
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= error;
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(opts.entry, opts.execArgv ? { execArgv: opts.execArgv } : {});
    load.set(worker, 0);
    worker.on('message', (message: WorkerReply<Reply>) => {
      load.set(worker, (load.get(worker) ?? 1) - 1);
      const job = pending.get(message.id);
      pending.delete(message.id);
      if (!job) return;
      if ('error' in message) job.reject(new Error(message.error));
      else job.resolve(message.reply);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (pending.size > 0) fail(new Error(`a worker thread stopped (exit code ${code})`));
    });
    return worker;
  });
  return {
    size,
    run(job, transfer = []) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      const worker = workers.reduce((best, w) =>
        (load.get(w) ?? 0) < (load.get(best) ?? 0) ? w : best,
      );
      load.set(worker, (load.get(worker) ?? 0) + 1);
      return new Promise<Reply>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, job }, transfer);
      });
    },
    configure(data) {
      for (const worker of workers) worker.postMessage({ configure: data });
    },
    async close() {
      pending.clear();
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/** The worker's end of the pool's port. */
interface JobPort<Config, Job, Reply> {
  on(
    event: 'message',
    listener: (message: { configure: Config } | { id: number; job: Job }) => void,
  ): unknown;
  postMessage(message: WorkerReply<Reply>): void;
}

type Handler<Job, Reply> = (job: Job) => Promise<Reply> | Reply;

/**
 * The worker side: the first message is the pool's `configure` data, from which `makeHandler`
 * builds the handler; each `{id, job}` after it is answered with the handler's reply or its error
 * message. If `makeHandler` throws, every job is answered with that error.
 */
export function serveWorkerJobs<Config, Job, Reply>(
  port: JobPort<Config, Job, Reply>,
  makeHandler: (config: Config) => Handler<Job, Reply>,
): void {
  let handle: Handler<Job, Reply> = () => {
    throw new Error('a worker thread got a job before its configuration');
  };
  port.on('message', (message) => {
    if ('configure' in message) {
      try {
        handle = makeHandler(message.configure);
      } catch (error) {
        handle = () => {
          throw error;
        };
      }
      return;
    }
    const { id, job } = message;
    Promise.resolve()
      .then(() => handle(job))
      .then(
        (reply) => port.postMessage({ id, reply }),
        (error: unknown) =>
          port.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
      );
  });
}

import { describe, expect, it, vi } from 'vitest';
import {
  SKIP_WAITING_MESSAGE,
  watchServiceWorker,
  type WorkerContainer,
} from './service-worker.ts';

/** A worker that records what the page posts to it. */
class FakeWorker extends EventTarget {
  state: ServiceWorkerState = 'installing';
  posted: unknown[] = [];
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  becomes(state: ServiceWorkerState): void {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}

class FakeRegistration extends EventTarget {
  waiting: FakeWorker | null = null;
  installing: FakeWorker | null = null;
  update = vi.fn(async () => undefined);
  /** The browser found a new sw.js: it installs, then waits. */
  findUpdate(): FakeWorker {
    const worker = new FakeWorker();
    this.installing = worker;
    this.dispatchEvent(new Event('updatefound'));
    this.installing = null;
    this.waiting = worker;
    worker.becomes('installed');
    return worker;
  }
}

function setUp(options: { controlled: boolean; waiting?: boolean }) {
  const registration = new FakeRegistration();
  if (options.waiting) registration.waiting = new FakeWorker();
  const events = new EventTarget();
  const container = {
    controller: options.controlled ? ({} as ServiceWorker) : null,
    register: vi.fn(async () => registration as unknown as ServiceWorkerRegistration),
    addEventListener: events.addEventListener.bind(events),
  } as unknown as WorkerContainer;
  const reload = vi.fn();
  const offers: Array<() => void> = [];
  let recheck: () => void = () => undefined;
  const started = watchServiceWorker({
    url: '/sw.js',
    container,
    reload,
    onUpdateReady: (apply) => offers.push(apply),
    onRecheck: (check) => (recheck = check),
  });
  const takeOver = () => events.dispatchEvent(new Event('controllerchange'));
  return { registration, container, reload, offers, started, takeOver, recheck: () => recheck() };
}

describe('watchServiceWorker', () => {
  it('Given a page controlled by the old worker, when a new one installs and waits, then the page offers it once, and Reload asks it to take over and reloads on controllerchange', async () => {
    const page = setUp({ controlled: true });
    await page.started;
    expect(page.container.register).toHaveBeenCalledWith('/sw.js', { scope: '/' });
    expect(page.offers).toHaveLength(0);

    const worker = page.registration.findUpdate();
    expect(page.offers).toHaveLength(1);

    page.offers[0]?.();
    expect(worker.posted).toEqual([SKIP_WAITING_MESSAGE]);
    expect(page.reload).not.toHaveBeenCalled();
    page.takeOver();
    page.takeOver();
    expect(page.reload).toHaveBeenCalledTimes(1);
  });

  it('Given a new worker already waiting when the page opens (another tab installed it), then the page offers it right away', async () => {
    const page = setUp({ controlled: true, waiting: true });
    await page.started;
    expect(page.offers).toHaveLength(1);
  });

  it('Given the first visit (no worker controls the page yet), when the worker installs and claims the page, then nothing is offered and the page does not reload', async () => {
    const page = setUp({ controlled: false });
    await page.started;
    page.registration.findUpdate();
    page.takeOver();
    expect(page.offers).toHaveLength(0);
    expect(page.reload).not.toHaveBeenCalled();
  });

  it('Given a tab opened on the first visit, when later a new version installs and takes over, then that tab is offered it and reloads too', async () => {
    const page = setUp({ controlled: false });
    await page.started;
    page.takeOver();
    (page.container as { controller: ServiceWorker | null }).controller = {} as ServiceWorker;
    const worker = page.registration.findUpdate();
    expect(page.offers).toHaveLength(1);
    page.offers[0]?.();
    expect(worker.posted).toEqual([SKIP_WAITING_MESSAGE]);
    page.takeOver();
    expect(page.reload).toHaveBeenCalledTimes(1);
  });

  it('Given an open page, when it looks again and a new version has come, then it asks the browser to update and offers what waits', async () => {
    const page = setUp({ controlled: true });
    await page.started;
    page.registration.update.mockImplementation(async () => {
      page.registration.waiting = new FakeWorker();
    });
    page.recheck();
    await vi.waitFor(() => expect(page.offers).toHaveLength(1));
    expect(page.registration.update).toHaveBeenCalledTimes(1);
  });

  it('Given a browser that refuses the registration, then the page carries on without offline support', async () => {
    const page = setUp({ controlled: false });
    (page.container.register as ReturnType<typeof vi.fn>).mockRejectedValueOnce(new Error('no'));
    await expect(page.started).resolves.toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { createClient } from '../../web/src/client.js';
import { handleMessage } from '../../web/src/worker/handlers.js';

/** A stand-in Worker that answers with the real handlers, asynchronously, like a worker would. */
class FakeWorker extends EventTarget {
  constructor(module) {
    super();
    this.module = module;
    this.terminated = false;
  }
  postMessage(message) {
    const request = structuredClone(message);
    handleMessage(this.module, request).then((reply) => {
      if (!this.terminated) this.dispatchEvent(new MessageEvent('message', { data: structuredClone(reply) }));
    });
  }
  terminate() {
    this.terminated = true;
  }
}

describe('worker client', () => {
  it('resolves with the result', async () => {
    const client = createClient(new FakeWorker({ listOptimizers: () => [{ type: 'sgd' }] }));
    await expect(client.request('listOptimizers')).resolves.toEqual([{ type: 'sgd' }]);
  });

  it('matches concurrent replies to their requests', async () => {
    let n = 0;
    const client = createClient(new FakeWorker({ listOptimizers: () => ++n }));
    const results = await Promise.all([client.request('listOptimizers'), client.request('listOptimizers')]);
    expect(results.sort()).toEqual([1, 2]);
  });

  it('rejects with the worker error message', async () => {
    const client = createClient(new FakeWorker({ listOptimizers: () => { throw new Error('boom'); } }));
    await expect(client.request('listOptimizers')).rejects.toThrow('boom');
  });

  it('rejects pending and later requests when the worker fails', async () => {
    const worker = new EventTarget();
    worker.postMessage = () => {};
    worker.terminate = () => {};
    const client = createClient(worker);
    const pending = client.request('listOptimizers');
    const error = new Event('error');
    error.message = 'SyntaxError in worker';
    worker.dispatchEvent(error);
    await expect(pending).rejects.toThrow('SyntaxError in worker');
    await expect(client.request('listOptimizers')).rejects.toThrow('SyntaxError in worker');
  });

  it('times out when the worker never answers', async () => {
    const worker = new EventTarget();
    worker.postMessage = () => {};
    const client = createClient(worker, { timeoutMs: 20 });
    await expect(client.request('listOptimizers')).rejects.toThrow('did not answer');
  });
});

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

  it('marks a dead module fatal: every request is refused from then on and onFatal runs once', async () => {
    const fatal = [];
    let slowDone;
    const module = {
      abortForTesting: () => { throw new WebAssembly.RuntimeError('abort(). Build with -sASSERTIONS for more info.'); },
      listOptimizers: () => new Promise((resolve) => { slowDone = resolve; }),
      listObjectives: () => ['quadratic'],
    };
    const client = createClient(new FakeWorker(module), { onFatal: (error) => fatal.push(error.message) });
    const slow = client.request('listOptimizers'); // pending when the module dies
    const crash = client.request('abortForTesting');
    await expect(crash).rejects.toThrow('The computation engine stopped (abort(). Build with -sASSERTIONS for more info.)');
    await expect(slow).rejects.toMatchObject({ fatal: true });
    await expect(client.request('listObjectives')).rejects.toThrow('The computation engine stopped');
    expect(fatal).toEqual(['The computation engine stopped (abort(). Build with -sASSERTIONS for more info.)']);
    slowDone([]);
    // The same module answers nothing more, even to a new client (its memory cannot be trusted).
    const again = createClient(new FakeWorker(module));
    await expect(again.request('listObjectives')).rejects.toThrow('The computation engine stopped earlier (abort(). Build with -sASSERTIONS for more info.) and can answer nothing more');
    // An ordinary error is not fatal.
    const ordinary = createClient(new FakeWorker({ listObjectives: () => { throw new Error('bad option'); }, listSchedules: () => [] }), { onFatal: () => fatal.push('no') });
    await expect(ordinary.request('listObjectives')).rejects.toThrow('bad option');
    await expect(ordinary.request('listSchedules')).resolves.toEqual([]);
    expect(fatal).toHaveLength(1);
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

// The training pipeline (web/src/views/train/pipeline.js) with a fake worker: chunks stay queued,
// the next one leaves before a reply is handled, the target is never overshot, slow speeds wait.
import { describe, expect, it } from 'vitest';
import { createChunkSizer, createPacer } from '../../web/src/views/train/chunk.js';
import { createChunkPipeline } from '../../web/src/views/train/pipeline.js';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A fake worker: requests wait in `queue` until answer() runs the oldest one. */
function fakeWorker() {
  const queue = [];
  let steps = 0;
  const log = [];
  return {
    queue,
    log,
    send(n) {
      log.push(`send ${n}`);
      return new Promise((resolve, reject) => queue.push({ n, resolve, reject }));
    },
    async answer(ms = 10) {
      const { n, resolve } = queue.shift();
      steps += n;
      resolve({ progress: { steps, epochs: Math.floor(steps / 8), optimizers: [] }, ms, optimizers: [] });
      await flush();
    },
    async fail(message) {
      queue.shift().reject(new Error(message));
      await flush();
    },
  };
}

function setup({ target = 1000, speed = Infinity, initial = 10, now = () => 0 } = {}) {
  const worker = fakeWorker();
  const timers = [];
  const events = [];
  const pipeline = createChunkPipeline({
    send: (n) => worker.send(n),
    sizer: createChunkSizer({ initial, targetMs: 10 }),
    pacer: createPacer(),
    stepsPerSecond: () => speed,
    targetSteps: () => target,
    onReply: (reply, n) => { worker.log.push(`reply ${n}`); events.push(['reply', reply.progress.steps]); },
    onEnd: () => events.push(['end']),
    onError: (error) => events.push(['error', error.message]),
    now,
    setTimer: (fn, ms) => { timers.push({ fn, ms }); return timers.length; },
    clearTimer: () => {},
  });
  return { worker, pipeline, events, timers };
}

describe('training pipeline', () => {
  it('keeps two chunks queued and sends the next before handling a reply', async () => {
    const { worker, pipeline } = setup();
    pipeline.start(0);
    expect(worker.queue.map((q) => q.n)).toEqual([10, 10]);
    expect(pipeline.inflight).toBe(2);
    await worker.answer(5); // 0.5 ms per step: the next chunk doubles
    expect(worker.log).toEqual(['send 10', 'send 10', 'send 20', 'reply 10']);
    expect(worker.queue.map((q) => q.n)).toEqual([10, 20]);
  });

  it('stops at the target without overshooting it, and ends once nothing is in flight', async () => {
    const { worker, pipeline, events } = setup({ target: 25 });
    pipeline.start(0);
    expect(worker.queue.map((q) => q.n)).toEqual([10, 10]);
    await worker.answer(10);
    expect(worker.queue.map((q) => q.n)).toEqual([10, 5]);
    await worker.answer(10);
    expect(events.at(-1)).toEqual(['reply', 20]);
    await worker.answer(10);
    expect(events.at(-1)).toEqual(['end']);
    expect(pipeline.running).toBe(false);
    expect(worker.queue).toHaveLength(0);
  });

  it('stop() sends nothing more but still delivers the chunks in flight; idle() waits for them', async () => {
    const { worker, pipeline, events } = setup();
    pipeline.start(0);
    pipeline.stop();
    let idle = false;
    pipeline.idle().then(() => { idle = true; });
    await worker.answer();
    await worker.answer();
    expect(worker.queue).toHaveLength(0);
    expect(events).toEqual([['reply', 10], ['reply', 20]]);
    expect(idle).toBe(true);
    pipeline.start(20); // resumes from where the worker is
    expect(worker.queue).toHaveLength(2);
  });

  it('a failed chunk stops it and reports the error', async () => {
    const { worker, pipeline, events } = setup();
    pipeline.start(0);
    await worker.fail('boom');
    expect(events).toEqual([['error', 'boom']]);
    expect(pipeline.running).toBe(false);
    await worker.answer();
    expect(worker.queue).toHaveLength(0);
  });

  it('at a slow speed asks only for the steps earned and waits on a timer otherwise', async () => {
    let t = 0;
    const { worker, pipeline, timers } = setup({ speed: 30, now: () => t });
    pipeline.start(0); // 16 ms of credit at 30 steps/s: no whole step yet
    expect(worker.queue).toHaveLength(0);
    expect(timers).toHaveLength(1);
    t += 40;
    timers.shift().fn();
    expect(worker.queue.map((q) => q.n)).toEqual([1]);
  });
});

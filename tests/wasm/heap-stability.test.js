// Heap stability (issue 7): 10,000 cycles of creating, running and deleting optimizers, experiments
// and objectives leave the WebAssembly heap where it was.
//
// What is measured: heapBytesInUse() is emmalloc's mallinfo().uordblks (cpp/bindings/bindings.cpp),
// the bytes of blocks malloc has handed out and not had back, so a leaked object shows however
// small. The WebAssembly memory itself (HEAP8.buffer, the module's view of it) only grows, in 64 KiB
// pages, when malloc runs out of room; it never shrinks, so it bounds fragmentation and peak use.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDescent } from './load-module.js';

const PAGE = 65536;
const CYCLES = 10000;
// One cycle in EXPERIMENT_EVERY builds and trains an experiment, the others alternate between
// optimizers and objectives: an experiment costs ~100x an optimizer, and the whole run must stay
// well under the test's timeout on a shared 2-core machine.
const EXPERIMENT_EVERY = 20;

describe('heap stability', () => {
  let d;
  let types;
  beforeAll(async () => {
    d = await loadDescent();
    types = d.listOptimizers().map((o) => o.type);
  });

  const memoryBytes = () => d.HEAP8.buffer.byteLength;

  // Every registered optimizer: create, three steps on a 4-vector, read state and lr, delete.
  function optimizerCycle() {
    const grads = new Float64Array([0.5, -1, 0.25, 2]);
    const hessian = new Float64Array(16);
    for (let i = 0; i < 4; i++) hessian[i * 5] = 2;
    for (const type of types) {
      const o = d.createOptimizer({ type, lr: 0.01 });
      const x = new Float64Array([1, 2, 3, 4]);
      for (let s = 0; s < 3; s++) o.step(x, grads, type === 'newton' ? hessian : undefined);
      o.state();
      o.currentLr();
      o.delete();
    }
  }

  function experimentCycle(seed) {
    const e = d.createExperiment({
      dataset: { type: 'spiral', n: 60 },
      network: { hidden: [8] },
      seed,
      optimizers: [{ type: 'sgd', lr: 0.1, momentum: 0.9 }, { type: 'adam', lr: 0.01 }],
    });
    e.run({ epochs: 1 });
    const h = e.history();
    e.delete();
    return h;
  }

  function objectiveCycle() {
    const f = d.createObjective({ type: 'rosenbrock' });
    f.value([0, 0]);
    f.gradient([0, 0]);
    f.delete();
    return d.minimize({ type: 'rosenbrock' }, { type: 'adam', lr: 0.01 }, { steps: 10 });
  }

  function cycle(i) {
    if (i % EXPERIMENT_EVERY === 0) experimentCycle(i);
    else if (i % 2 === 0) optimizerCycle();
    else objectiveCycle();
  }

  it('10,000 create/run/delete cycles leave heap and memory where they were', () => {
    // The cycles do what the test says: a trained experiment has two epoch points per optimizer.
    expect(types.length).toBeGreaterThanOrEqual(15);
    expect(experimentCycle(1).map((h) => h.epoch.length)).toEqual([2, 2]);
    expect(objectiveCycle().steps).toBe(10);

    for (let i = 0; i < 3 * EXPERIMENT_EVERY; i++) cycle(i); // warm-up: first-use allocations, heap growth to its working size
    const heapBefore = d.heapBytesInUse();
    const memoryBefore = memoryBytes();
    for (let i = 0; i < CYCLES; i++) cycle(i);
    const heapAfter = d.heapBytesInUse();
    const memoryAfter = memoryBytes();
    expect(Math.abs(heapAfter - heapBefore)).toBeLessThanOrEqual(PAGE);
    expect(memoryAfter - memoryBefore).toBeLessThanOrEqual(PAGE);
  }, 120000);

  it('the measurement can fail: 100 optimizers left undeleted show in heapBytesInUse', () => {
    const before = d.heapBytesInUse();
    const forgotten = [];
    for (let i = 0; i < 100; i++) {
      const o = d.createOptimizer({ type: 'adam' });
      o.step(new Float64Array(100), new Float64Array(100).fill(1)); // m, v: 2 x 800 bytes each
      forgotten.push(o);
    }
    const grown = d.heapBytesInUse() - before;
    expect(grown).toBeGreaterThan(100 * 2 * 8 * 100);
    for (const o of forgotten) o.delete();
    expect(d.heapBytesInUse()).toBe(before);
  });

  it('the measurement can fail: memory growth shows in HEAP8 (the view follows the grown memory)', () => {
    const before = memoryBytes();
    const n = 2_000_000; // adam on 2M parameters: m, v and a workspace, 16 MB each, past the 32 MiB start
    const o = d.createOptimizer({ type: 'adam' });
    o.step(new Float64Array(n), new Float64Array(n).fill(1));
    o.delete();
    expect(memoryBytes() - before).toBeGreaterThan(PAGE);
  });
});

// Chunk sizing and pacing for training in the worker (pure).
import { describe, expect, it } from 'vitest';
import { MAX_CHUNK_STEPS, SPEEDS, createChunkSizer, createPacer } from '../../web/src/views/train/chunk.js';

describe('chunk sizing', () => {
  it('aims at the target time from the smoothed cost per step', () => {
    const sizer = createChunkSizer({ initial: 10, targetMs: 10 });
    expect(sizer.steps).toBe(10);
    expect(sizer.observe(10, 10)).toBe(10); // 1 ms per step
    for (let i = 0; i < 60; i++) sizer.observe(sizer.steps, sizer.steps * 0.25); // 0.25 ms per step
    expect(sizer.steps).toBe(40);
    expect(sizer.msPerStep).toBeCloseTo(0.25, 4);
  });

  it('grows by at most a factor of two per chunk', () => {
    const sizer = createChunkSizer({ initial: 10 });
    expect(sizer.observe(10, 0.5)).toBe(20);
    expect(sizer.observe(20, 0.5)).toBe(40);
  });

  it('does not halve on one slow chunk; follows a lasting slowdown within a few chunks', () => {
    const sizer = createChunkSizer({ initial: 100, targetMs: 10 });
    for (let i = 0; i < 10; i++) sizer.observe(sizer.steps, sizer.steps * 0.1); // 0.1 ms per step: 100 steps
    expect(sizer.steps).toBe(100);
    sizer.observe(100, 80); // a hiccup: 8x slower
    expect(sizer.steps).toBeGreaterThanOrEqual(80);
    sizer.observe(sizer.steps, sizer.steps * 0.1);
    for (let i = 0; i < 30; i++) sizer.observe(sizer.steps, sizer.steps * 0.4); // lasting: 4x slower
    expect(sizer.steps).toBeGreaterThanOrEqual(24);
    expect(sizer.steps).toBeLessThanOrEqual(26);
  });

  it('stays within [1, max] and ignores bad timings', () => {
    const sizer = createChunkSizer({ initial: 1 });
    expect(sizer.observe(1, 1000)).toBe(1);
    expect(sizer.observe(1, NaN)).toBe(1);
    expect(sizer.observe(0, 5)).toBe(1);
    expect(sizer.observe(1, undefined)).toBe(1);
    const big = createChunkSizer({ initial: MAX_CHUNK_STEPS });
    expect(big.observe(MAX_CHUNK_STEPS, 0)).toBe(MAX_CHUNK_STEPS);
    expect(createChunkSizer({ initial: 0 }).steps).toBe(1);
  });

  it('paces by the speed setting, carrying fractions over, never past the budget or the target', () => {
    const pacer = createPacer();
    const fastest = SPEEDS.at(-1).stepsPerSecond;
    expect(pacer.take({ budgetSteps: 12, stepsPerSecond: fastest, elapsedMs: 16 })).toBe(12);
    expect(pacer.take({ budgetSteps: 12, stepsPerSecond: fastest, elapsedMs: 16, remaining: 5 })).toBe(5);
    // 30 steps/s at 60 frames/s: one step every other frame.
    const taken = Array.from({ length: 60 }, () => pacer.take({ budgetSteps: 12, stepsPerSecond: 30, elapsedMs: 1000 / 60 }));
    expect(taken.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(29);
    expect(taken.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(30);
    expect(Math.max(...taken)).toBe(1);
    // A long pause does not bank a burst larger than the budget.
    pacer.reset();
    expect(pacer.take({ budgetSteps: 3, stepsPerSecond: 800, elapsedMs: 10000 })).toBe(3);
  });
});

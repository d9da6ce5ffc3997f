// Chunk sizing and pacing for training in the worker (pure).
import { describe, expect, it } from 'vitest';
import { MAX_CHUNK_STEPS, SPEEDS, createPacer, nextChunkSteps } from '../../web/src/views/train/chunk.js';

describe('chunk sizing', () => {
  it('scales the chunk towards the frame budget', () => {
    expect(nextChunkSteps(10, 12, { targetMs: 12 })).toBe(10);
    expect(nextChunkSteps(10, 8, { targetMs: 12 })).toBe(15);
    expect(nextChunkSteps(30, 24, { targetMs: 12 })).toBe(15);
  });

  it('changes by at most a factor of two per chunk', () => {
    expect(nextChunkSteps(10, 0.5)).toBe(20);
    expect(nextChunkSteps(10, 500)).toBe(5);
  });

  it('stays within [1, max] and survives zero or bad timings', () => {
    expect(nextChunkSteps(1, 1000)).toBe(1);
    expect(nextChunkSteps(MAX_CHUNK_STEPS, 0.01)).toBe(MAX_CHUNK_STEPS);
    expect(nextChunkSteps(4, 0)).toBe(8);
    expect(nextChunkSteps(4, NaN)).toBe(8);
    expect(nextChunkSteps(0, 5)).toBeGreaterThanOrEqual(1);
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

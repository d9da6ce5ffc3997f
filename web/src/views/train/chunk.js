// Chunk sizing for training in the worker: how many optimizer steps to ask for next so that one
// chunk takes about the frame budget (~12 ms of worker time), and how a speed setting caps that.
// Pure, tested in Node (tests/web/train-chunk.test.js).

export const TARGET_MS = 12;
export const MAX_CHUNK_STEPS = 20000;

/** Speed settings: a cap on optimizer steps per second (Infinity: as fast as the frame budget allows). */
export const SPEEDS = [
  { label: 'slowest', stepsPerSecond: 5 },
  { label: 'slow', stepsPerSecond: 30 },
  { label: 'medium', stepsPerSecond: 150 },
  { label: 'fast', stepsPerSecond: 800 },
  { label: 'fastest', stepsPerSecond: Infinity },
];
export const DEFAULT_SPEED = 4;

/**
 * The next chunk size from the last one and how long it took in the worker: scaled towards
 * `targetMs`, by at most a factor of 2 either way (one slow chunk, e.g. a garbage collection, does
 * not collapse it), and within [1, max].
 */
export function nextChunkSteps(lastSteps, lastMs, { targetMs = TARGET_MS, max = MAX_CHUNK_STEPS } = {}) {
  const steps = Math.max(1, Math.floor(lastSteps) || 1);
  if (!(lastMs > 0) || !Number.isFinite(lastMs)) return Math.min(max, steps * 2);
  const factor = Math.min(2, Math.max(0.5, targetMs / lastMs));
  return Math.max(1, Math.min(max, Math.round(steps * factor)));
}

/**
 * A pacer: how many steps to request this frame. `budgetSteps` is the adaptive chunk size; the
 * speed's steps per second accrue with elapsed time (fractions carry over), and never more than
 * the budget nor than `remaining` (the steps left to the epoch target) are asked for.
 */
export function createPacer() {
  let credit = 0;
  return {
    reset() { credit = 0; },
    take({ budgetSteps, stepsPerSecond, elapsedMs, remaining = Infinity }) {
      let steps;
      if (!Number.isFinite(stepsPerSecond)) {
        steps = budgetSteps;
      } else {
        credit = Math.min(credit + (stepsPerSecond * Math.max(0, Math.min(elapsedMs, 250))) / 1000, Math.max(1, budgetSteps));
        steps = Math.floor(credit);
        credit -= steps;
      }
      return Math.max(0, Math.min(steps, budgetSteps, remaining));
    },
  };
}

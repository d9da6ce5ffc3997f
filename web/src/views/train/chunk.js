// Chunk sizing for training in the worker: how many optimizer steps to ask for next so that one
// chunk takes ~10 ms of worker time (short enough that a grid request queued behind it waits little),
// and how a speed setting caps that.
// Pure, tested in Node (tests/web/train-chunk.test.js).

export const TARGET_MS = 10;
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
 * The chunk size from a smoothed cost per step: `observe(steps, ms)` after each chunk (ms: the
 * worker's time for it) updates an exponential average of ms per step, and the next size aims at
 * `targetMs` of work. One slow chunk (a garbage collection, another tab) counts at most twice the
 * average, so it nudges the size instead of halving it; the size grows or shrinks by at most a
 * factor of 2 per chunk and stays within [1, max].
 */
export function createChunkSizer({ initial = 8, targetMs = TARGET_MS, max = MAX_CHUNK_STEPS, smoothing = 0.2 } = {}) {
  const clamp = (n) => Math.max(1, Math.min(max, Math.round(n)));
  let steps = clamp(initial);
  let msPerStep = null;
  return {
    get steps() { return steps; },
    get msPerStep() { return msPerStep; },
    observe(chunkSteps, ms) {
      if (!(chunkSteps >= 1) || !(ms >= 0) || !Number.isFinite(ms)) return steps;
      const sample = Math.max(ms, 0.01) / chunkSteps;
      msPerStep = msPerStep === null ? sample : msPerStep + smoothing * (Math.min(sample, 2 * msPerStep) - msPerStep);
      steps = clamp(Math.min(2 * steps, Math.max(steps / 2, targetMs / msPerStep)));
      return steps;
    },
  };
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

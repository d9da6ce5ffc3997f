// Timed windows and their summary. A window calls contender.run(chunk) until the contender's own
// measured time (in the child, around the work only) reaches minSeconds; its rate is steps over
// that time. Chunks are sized from a first measurement so one call lasts ~20 ms: long enough that
// the pipe round trip between calls does not matter, short enough to stop close to minSeconds.

export const CALL_SECONDS = 0.02;

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function chunkFor(stepsPerSecond) {
  return Math.max(1, Math.round(stepsPerSecond * CALL_SECONDS));
}

export async function timeWindow(contender, chunk, minSeconds) {
  let steps = 0;
  let seconds = 0;
  let last;
  do {
    last = await contender.run(chunk);
    if (last.diverged || last.steps !== chunk) {
      // A diverged run stops stepping, which would look fast: it does not count.
      throw new Error(`${contender.name}: took ${last.steps} of ${chunk} steps${last.diverged ? ' (diverged)' : ''}`);
    }
    steps += last.steps;
    seconds += last.seconds;
  } while (seconds < minSeconds);
  return { steps, seconds, rate: steps / seconds, loss: last.loss };
}

/**
 * Alternates the contenders window by window (A B C D A B C D ...), so a slow drift of the machine
 * (heat, another process) touches all of them alike. Returns, per contender name, the windows'
 * rates in steps/s, and the error of any contender that failed (it is left out from then on).
 */
export async function alternate(contenders, chunks, { rounds, windowSeconds }) {
  const rates = Object.fromEntries(contenders.map((c) => [c.name, []]));
  const errors = {};
  for (let r = 0; r < rounds; r++) {
    for (const c of contenders) {
      if (errors[c.name]) continue;
      try {
        rates[c.name].push((await timeWindow(c, chunks[c.name], windowSeconds)).rate);
      } catch (e) {
        errors[c.name] = e.message;
      }
    }
  }
  return { rates, errors };
}

/** Median and spread of a list of samples. */
export function summarize(samples) {
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), samples };
}

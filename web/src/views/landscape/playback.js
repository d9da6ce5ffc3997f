// The race's clock: the step k shown, advanced by requestAnimationFrame while playing so that the
// paths are drawn as they go (about 2.5 s for a whole run, whatever the number of steps).
export function createPlayback({ onStep, onPlayingChange }) {
  let k = 0;
  let max = 0;
  let playing = false;
  let frame = 0;
  let position = 0;

  function tick() {
    if (!playing) return;
    position = Math.min(max, position + Math.max(1, max / 150));
    const next = Math.floor(position);
    if (next !== k) { k = next; onStep(k); }
    if (k >= max) { stop(); return; }
    frame = requestAnimationFrame(tick);
  }
  function stop() {
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    if (playing) { playing = false; onPlayingChange?.(false); }
  }
  return {
    get k() { return k; },
    get playing() { return playing; },
    setMax(m) { max = m; if (k > max) { k = max; position = k; onStep(k); } },
    play() {
      if (k >= max) { k = 0; position = 0; onStep(0); }
      position = k;
      if (!playing) { playing = true; onPlayingChange?.(true); }
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(tick);
    },
    pause: stop,
    step() { stop(); if (k < max) { k += 1; position = k; onStep(k); } },
    reset() { stop(); k = 0; position = 0; onStep(0); },
    seek(next) { stop(); k = Math.max(0, Math.min(max, next)); position = k; onStep(k); },
  };
}

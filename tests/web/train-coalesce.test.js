// Coalesced refreshes (web/src/views/train/coalesce.js): one request out at a time, rate-limited,
// and a forced refresh during one runs once more after it.
import { describe, expect, it } from 'vitest';
import { coalesced } from '../../web/src/views/train/coalesce.js';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function counter() {
  const pending = [];
  let calls = 0;
  return {
    fn: () => { calls += 1; return new Promise((resolve) => pending.push(resolve)); },
    get calls() { return calls; },
    async finish() { pending.shift()(); await flush(); },
  };
}

describe('coalesced refresh', () => {
  it('never has two out, and drops unforced calls within the interval', async () => {
    let t = 0;
    const c = counter();
    const refresh = coalesced(c.fn, { intervalMs: 250, now: () => t });
    refresh();
    refresh();
    await flush();
    expect(c.calls).toBe(1);
    await c.finish();
    t = 100;
    refresh();
    await flush();
    expect(c.calls).toBe(1); // too soon
    t = 260;
    refresh();
    await flush();
    expect(c.calls).toBe(2);
    await c.finish();
  });

  it('a forced call while one is out runs once more after it, however many come', async () => {
    const c = counter();
    const refresh = coalesced(c.fn, { intervalMs: 1e9, now: () => 0 });
    const first = refresh(true);
    const a = refresh(true);
    const b = refresh(true);
    expect(a).toBe(b);
    await flush();
    expect(c.calls).toBe(1);
    await c.finish();
    await first;
    expect(c.calls).toBe(2);
    await c.finish();
    await a;
    expect(c.calls).toBe(2);
    refresh(true); // forced: ignores the interval
    await flush();
    expect(c.calls).toBe(3);
    await c.finish();
  });

  it('a failing refresh does not block the next one', async () => {
    let fail = true;
    const refresh = coalesced(() => (fail ? Promise.reject(new Error('x')) : Promise.resolve()), { intervalMs: 0, now: () => 0 });
    await refresh(true);
    fail = false;
    await expect(refresh(true)).resolves.toBeUndefined();
  });
});

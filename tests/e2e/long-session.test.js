// A long session in Chromium: a thousand resets and re-runs in the Train view, through its own
// Reset, Step and Play buttons, leave the page's worker holding no more memory than after the
// first. Measured through the browser: the module's malloc'd bytes and its WebAssembly memory (the
// worker's memoryUse request) and the worker's JavaScript heap after a full collection (DevTools
// protocol, worker-heap.js).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, waitReady } from './browser.js';
import { attachWorkerHeap } from './worker-heap.js';

const CYCLES = 1000;
// The worker's JavaScript heap may grow a little as V8 warms up (optimised code, inline caches and
// their feedback): far less than one kept run would cost over a thousand cycles (each run's
// history, replies and experiment entry are tens of kilobytes).
const JS_HEAP_SLACK = 1024 * 1024;

describe('a long session', () => {
  let browser;
  beforeAll(async () => {
    browser = await launch({ viewport: { width: 1300, height: 950 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(`leaves the worker's memory where the first run left it after ${CYCLES} resets and re-runs`, { timeout: 300000 }, async () => {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${browser.baseUrl}#view=train&t.data=iris&t.hidden=8&t.batch=50&t.epochs=1&t.opt=sgd(lr:0.1,momentum:0.9);adam(lr:0.01)`);
    expect(await waitReady(page)).toBe('');
    await page.locator('#train-view .train-view[data-ready="true"]').waitFor();
    const jsHeap = await attachWorkerHeap(browser.context, page);

    // `cycles` times: Reset, then Step (even cycles) or Play (odd ones, to the end of the one
    // epoch), and wait until that is over: the step's data-stepping is gone, or Play has become
    // "Train more". (The epoch counter on screen is redrawn at most every 100 ms: it is read at
    // the end.)
    const cycle = (cycles, first) => page.evaluate(async ({ cycles, first }) => {
      const root = document.querySelector('#train-view .train-view');
      const button = (name) => [...root.querySelectorAll('.train-toolbar button')].find((b) => b.textContent.startsWith(name));
      const [reset, step] = [button('Reset'), button('Step')];
      const play = root.querySelector('.train-toolbar button.primary');
      const error = root.querySelector('.train-error');
      const until = (done) => new Promise((resolve, reject) => {
        const started = performance.now();
        const check = () => {
          if (!error.hidden) return reject(new Error(`the view says: ${error.textContent}`));
          if (done()) return resolve();
          if (performance.now() - started > 20000) return reject(new Error(`stuck at epoch ${root.dataset.epoch}`));
          setTimeout(check, 1);
        };
        check();
      });
      for (let k = first; k < first + cycles; k++) {
        reset.click();
        if (k % 2) {
          play.click();
          await until(() => play.textContent === 'Train more');
        } else {
          step.click(); // marks data-stepping at once
          await until(() => !root.dataset.stepping);
        }
      }
      await until(() => root.dataset.epoch === '1');
      return root.dataset.epoch;
    }, { cycles, first });
    // What the worker holds once it has answered everything the page asked of it.
    const memory = async () => {
      await page.waitForTimeout(600); // the maps' and predictions' refreshes run on timers
      const use = await page.evaluate(() => window.descent.request('memoryUse'));
      return { ...use, jsHeap: await jsHeap.usedAfterGc() };
    };

    expect(await cycle(1, 0)).toBe('1');
    const first = await memory();
    const t0 = Date.now();
    expect(await cycle(CYCLES - 1, 1)).toBe('1');
    const last = await memory();
    const seconds = (Date.now() - t0) / 1000;
    console.log(`long session: ${CYCLES - 1} cycles in ${seconds.toFixed(1)} s; first ${JSON.stringify(first)}, last ${JSON.stringify(last)}`);

    expect(first.liveRuns).toBe(1); // the run on screen, and none of the reset ones
    expect(last.liveRuns).toBe(1);
    expect(last.heapBytesInUse).toBeLessThanOrEqual(first.heapBytesInUse);
    expect(last.memoryBytes).toBeLessThanOrEqual(first.memoryBytes);
    expect(last.jsHeap).toBeLessThan(first.jsHeap + JS_HEAP_SLACK);
    // The view still trains, and said nothing was wrong.
    expect(await page.locator('#train-view .train-error').isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

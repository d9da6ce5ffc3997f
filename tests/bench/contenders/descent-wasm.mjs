// The Descent contender: build/wasm/descent.mjs through its public API only, as the page's worker
// uses it: createExperiment(spec), then run({steps}) with many steps per call. Note that an
// experiment evaluates the whole training set (a forward pass) at every epoch end (the page's
// loss curve); that is part of the product and is inside the timing (the native contender does
// the same).
// Run as a child process (see serve.mjs); startDescentWasm() spawns it.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchModule, isMain } from '../paths.mjs';
import { ChildContender } from './child.mjs';

export function startDescentWasm() {
  return new ChildContender('descent-wasm', process.execPath, [fileURLToPath(import.meta.url)]);
}

if (isMain(import.meta.url)) {
  const { serve } = await import('./serve.mjs');
  const { default: createDescent } = await import(pathToFileURL(benchModule()).href);
  const d = await createDescent();
  await d.loadDataset?.('digits'); // travels beside the module (an older build has it inside)
  let experiment = null;
  let taken = 0; // steps the optimizer has taken: a diverged run stops stepping, which must not look fast
  await serve({
    setup(spec) {
      experiment?.delete();
      experiment = d.createExperiment(spec);
      taken = 0;
      const info = experiment.info();
      return { parameters: info.parameterCount, stepsPerEpoch: info.stepsPerEpoch };
    },
    run(steps) {
      const t0 = performance.now();
      const progress = experiment.run({ steps });
      const seconds = (performance.now() - t0) / 1000;
      const now = progress.optimizers[0].steps;
      const done = now - taken;
      taken = now;
      // The per-step loss would need history(), which copies every step so far: not read here.
      return { steps: done, seconds, loss: NaN, diverged: progress.optimizers[0].diverged };
    },
    weights: () => experiment.weights(0),
    grid(resolution, repeats) {
      const grid = { xMin: -2.5, xMax: 2.5, yMin: -2.5, yMax: 2.5, resolution };
      for (let k = 0; k < 5; k++) experiment.predictGrid(0, grid); // warm-up (tiering up)
      const ms = [];
      for (let k = 0; k < repeats; k++) {
        const t0 = performance.now();
        experiment.predictGrid(0, grid);
        ms.push(performance.now() - t0);
      }
      return ms;
    },
    info: () => ({ module: benchModule(), heapBytesInUse: d.heapBytesInUse() }),
  });
}

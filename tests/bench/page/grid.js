// The decision-boundary grid timings, both run inside Chromium (functions passed to page.evaluate).

/**
 * In the page's own worker (the one the page started, found by the recorder's tap), after training
 * is paused: post trainPredictGrid for all networks, as the page does, and time each round trip
 * (post -> reply on the main thread, so it includes the messaging and copying of the grids).
 * The page's client ignores replies to ids it did not send. A cheap request (listSchedules) gives
 * the bare messaging cost. Returns { [resolution]: [ms, ...], echo: [ms, ...] }.
 */
export async function gridInWorker({ experimentId, resolutions, repeats }) {
  const worker = window.__bench.workers[0];
  const ask = (message) => new Promise((resolve, reject) => {
    const id = `bench-${Math.random()}`;
    const t0 = performance.now();
    const onMessage = (event) => {
      if (event.data?.id !== id) return;
      worker.removeEventListener('message', onMessage);
      if (event.data.ok) resolve(performance.now() - t0);
      else reject(new Error(event.data.error));
    };
    worker.addEventListener('message', onMessage);
    worker.postMessage({ ...message, id });
  });
  const out = { echo: [] };
  for (const resolution of resolutions) {
    out[resolution] = [];
    const grid = { xMin: -2.5, xMax: 2.5, yMin: -2.5, yMax: 2.5, resolution };
    await ask({ type: 'trainPredictGrid', experimentId, grid }); // warm-up
    for (let k = 0; k < repeats; k++) out[resolution].push(await ask({ type: 'trainPredictGrid', experimentId, grid }));
  }
  for (let k = 0; k < repeats; k++) out.echo.push(await ask({ type: 'listSchedules' }));
  return out;
}

/**
 * On a page's main thread: import the same WebAssembly module the page's worker bundles, build
 * the experiment from the spec the page sent (captured by the tap), train it a little so the
 * weights are not the initial ones, then time predictGrid for every network. Also times plain
 * training there (no page, no messages): the compute ceiling for epochs per second.
 * Returns { optimizers, trainEpochsPerSecond: [per run], [resolution]: [ms for all networks, ...] }.
 */
export async function gridOnMainThread({ moduleUrl, spec, resolutions, repeats, trainEpochs, trainRepeats }) {
  const { default: createDescent } = await import(moduleUrl);
  const descent = await createDescent();
  await descent.loadDataset?.(spec.dataset.type); // digits travel beside the module
  const experiment = descent.createExperiment(spec);
  try {
    const n = experiment.info().optimizers;
    experiment.run({ epochs: 10 }); // warm-up (the engine tiers the WebAssembly up while it runs)
    const trainEpochsPerSecond = [];
    for (let k = 0; k < trainRepeats; k++) {
      const t0 = performance.now();
      experiment.run({ epochs: trainEpochs });
      trainEpochsPerSecond.push(trainEpochs / ((performance.now() - t0) / 1000));
    }
    const out = { optimizers: n, trainEpochsPerSecond };
    for (const resolution of resolutions) {
      const grid = { xMin: -2.5, xMax: 2.5, yMin: -2.5, yMax: 2.5, resolution };
      for (let i = 0; i < n; i++) experiment.predictGrid(i, grid); // warm-up
      out[resolution] = [];
      for (let k = 0; k < repeats; k++) {
        const t = performance.now();
        for (let i = 0; i < n; i++) experiment.predictGrid(i, grid);
        out[resolution].push(performance.now() - t);
      }
    }
    return out;
  } finally {
    experiment.delete();
  }
}

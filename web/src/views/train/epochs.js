// One experiment trained one epoch per worker request, then deleted: the loop under the long
// computations (sweep.js, views/decay/grid.js, views/init/study.js). Between requests the worker
// answers others (the page stays live) and a cancel is seen; the experiment is deleted however the
// loop ends. A run whose optimizers have all diverged stops early.

/**
 * spec: a module experiment spec; scheduleUnit as trainCreate takes it; onEpoch(points, e): each
 * reply's per-optimizer points (trainRun's `optimizers`); atStart(experimentId): before the first
 * epoch (reads what the start needs); atEnd(experimentId): after the last epoch of a run that was not
 * cancelled, before the experiment is deleted. Resolves { cancelled, epochs: how many were trained }.
 */
export async function trainEpochByEpoch(client, { spec, scheduleUnit = 'steps', epochs, signal, onEpoch, atStart, atEnd }) {
  const { experimentId } = await client.request('trainCreate', { spec, scheduleUnit });
  try {
    await atStart?.(experimentId);
    for (let e = 0; e < epochs; e++) {
      if (signal?.aborted) return { cancelled: true, epochs: e };
      const reply = await client.request('trainRun', { experimentId, epochs: 1 });
      onEpoch(reply.optimizers, e);
      if (reply.optimizers.every((p) => p.diverged)) {
        await atEnd?.(experimentId);
        return { cancelled: false, epochs: e + 1 };
      }
    }
    await atEnd?.(experimentId);
    return { cancelled: false, epochs };
  } finally {
    await client.request('trainDelete', { experimentId }).catch(() => {});
  }
}

// What the custom elements on one page share: ONE worker (with the WebAssembly module) and its
// client, started by the first element that connects, and the registries, loaded once. Requests
// from several elements queue in that worker (training runs in frame-sized chunks, so a landscape
// race still answers between them); experiments are keyed by id, so views do not interfere.
// One worker rather than one per element: the module is about 1 MB of code and its instance
// memory, paid once however many figures a course page holds.
import { createClient } from '../client.js';
import { createDescentWorker } from '../worker/create-worker.js';

let shared = null;
let lastRestart = 0;
const restartListeners = new Set();

/**
 * fn(error) runs when the shared worker's module has died and a new worker has replaced it (the
 * elements mount their views again on it, with their current state). Returns an unsubscribe.
 */
export function onDescentRestart(fn) {
  restartListeners.add(fn);
  return () => restartListeners.delete(fn);
}

/** { client, registries: Promise<{ optimizers, objectives, datasets }> } for the page. */
export function sharedDescent() {
  if (!shared) {
    // A dead module: end its worker (its memory is lost anyway) and forget it; the listeners mount
    // again on a new one. A module that dies again within a minute is left dead (no loop), and the
    // elements show its error.
    const client = createClient(createDescentWorker(), {
      onFatal: (error) => {
        if (Date.now() - lastRestart < 60000) return;
        lastRestart = Date.now();
        shared = null;
        client.terminate();
        for (const fn of restartListeners) fn(error);
      },
    });
    const registries = Promise.all([client.request('listOptimizers'), client.request('listObjectives'), client.request('listDatasets')])
      .then(([optimizers, objectives, datasets]) => ({ optimizers, objectives, datasets }));
    registries.catch(() => {});
    shared = { client, registries };
  }
  return shared;
}

let instances = 0;
/** A prefix for the element ids of one view instance ("descent-3-"). */
export const nextIdPrefix = () => `descent-${++instances}-`;

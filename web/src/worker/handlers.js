// The worker's message handlers, as plain functions of the WebAssembly module so that they can be
// tested in Node without a Worker. A request is `{ id, type, ...payload }`; a reply is
// `{ id, ok: true, result }` or `{ id, ok: false, error }` where error is a message string, with
// `fatal: true` when the module itself has died (a WebAssembly trap or abort: its memory can no
// longer be trusted, so this module answers nothing more and the page must start a new worker).

import { landscapeHandlers } from './handlers/landscape.js';
import { momentumHandlers } from './handlers/momentum.js';
import { scheduleHandlers } from './handlers/schedules.js';
import { liveExperimentCount, trainHandlers } from './handlers/train.js';

/** @type {Record<string, (descent: any, request: object) => unknown>} */
export const handlers = {
  listOptimizers: (descent) => descent.listOptimizers(),
  listSchedules: (descent) => descent.listSchedules(),
  listObjectives: (descent) => descent.listObjectives(),
  listDatasets: (descent) => descent.listDatasets(),
  abortForTesting: (descent) => descent.abortForTesting(),
  // What the worker holds: the bytes the module's malloc has handed out and not had back (a leak
  // shows however small), its WebAssembly memory (grows in 64 KiB pages, never shrinks), and the
  // training runs kept alive (each one an experiment in that memory).
  memoryUse: (descent) => ({
    heapBytesInUse: descent.heapBytesInUse(),
    memoryBytes: descent.HEAP8.buffer.byteLength,
    liveRuns: liveExperimentCount(descent),
  }),
  ...landscapeHandlers,
  ...momentumHandlers,
  ...scheduleHandlers,
  ...trainHandlers,
};

/** The message of anything thrown: Error objects (including C++ errors surfaced by the bindings) or other values. */
export function errorMessage(error) {
  if (error instanceof Error) return error.message || error.name;
  if (error && typeof error === 'object' && typeof error.message === 'string') return error.message;
  return String(error);
}

/**
 * Answers one request. `descent` is the module or a promise of it (a rejected promise, i.e. a
 * module that failed to load, turns every request into an error reply).
 */
const dead = new WeakMap(); // modules that trapped or aborted -> what killed them

/** A module that trapped (unreachable, out-of-bounds memory) or aborted throws a WebAssembly.RuntimeError. */
export function isFatal(error) {
  return typeof WebAssembly !== 'undefined' && error instanceof WebAssembly.RuntimeError;
}

export async function handleMessage(descent, request, table = handlers) {
  const id = request && typeof request === 'object' ? request.id : undefined;
  let module;
  try {
    if (!request || typeof request !== 'object' || typeof request.type !== 'string') {
      throw new Error('Malformed request: expected { id, type }');
    }
    if (!Object.hasOwn(table, request.type)) throw new Error(`Unknown request type: ${request.type}`);
    try {
      module = await descent;
    } catch (error) {
      throw new Error(`The WebAssembly module failed to load: ${errorMessage(error)}`);
    }
    if (dead.has(module)) return { id, ok: false, fatal: true, error: `The computation engine stopped earlier (${dead.get(module)}) and can answer nothing more` };
    const result = await table[request.type](module, request);
    return { id, ok: true, result };
  } catch (error) {
    if (!isFatal(error)) return { id, ok: false, error: errorMessage(error) };
    if (module) dead.set(module, errorMessage(error));
    return { id, ok: false, fatal: true, error: `The computation engine stopped (${errorMessage(error)})` };
  }
}

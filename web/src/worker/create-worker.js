// The one place that starts the module worker, so that the page, the custom elements and the
// single-file build (which inlines the worker) agree on how.
//
// 'descent-worker' is a Vite alias (vite.config.js) for this folder's descent.worker.js, imported
// as a Vite worker constructor: `?worker` in the normal build (dist/assets/descent.worker-*.js,
// loaded by URL) and `?worker&inline` in the single-file build (vite.single.config.js: the
// worker's code is a string in the page, started from a blob: URL, since a file:// page may not
// load a worker from a file).
import DescentWorker from 'descent-worker';

export function createDescentWorker() {
  return new DescentWorker({ name: 'descent' });
}

// The one place that starts the module worker, so that the page, the custom elements and the
// single-file build (which inlines the worker) agree on how.
export function createDescentWorker() {
  return new Worker(new URL('./descent.worker.js', import.meta.url), { type: 'module', name: 'descent' });
}

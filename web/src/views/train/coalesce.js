// A refresh that asks the worker for something (the decision maps, the predictions, the optimizer
// state): never more than one request outstanding and at most one per `intervalMs` while training,
// so these never crowd out the training chunks. A forced refresh (pause, step, a panel opened)
// that arrives while one is outstanding runs once more after it, so the last picture is current.
// Pure, tested in Node (tests/web/train-coalesce.test.js).

/** fn() -> Promise; returns trigger(force) -> Promise (settles when the refresh it caused is done). */
export function coalesced(fn, { intervalMs = 250, now = () => performance.now() } = {}) {
  let running = null; // the outstanding refresh
  let again = null; // a forced one waiting for it
  let lastAt = -Infinity;

  function start() {
    lastAt = now();
    running = Promise.resolve()
      .then(fn)
      .catch(() => {}) // fn reports its own errors
      .finally(() => { running = null; });
    return running;
  }

  return function trigger(force = false) {
    if (running) {
      if (!force) return running;
      again ??= running.then(() => {
        again = null;
        return start();
      });
      return again;
    }
    if (!force && now() - lastAt < intervalMs) return Promise.resolve();
    return start();
  };
}

// A promise-based client for the worker: request(type, payload) resolves with the reply's result
// or rejects with an Error carrying the worker's message. When the worker itself is lost (its
// module died: a reply marked fatal; or the worker failed), every pending and later request is
// refused with that error (`error.fatal` is true) and onFatal(error) is called once.

export function createClient(worker, { timeoutMs = 30000, onFatal } = {}) {
  let nextId = 1;
  let failure = null; // set once the worker itself is broken
  const pending = new Map();

  function settle(id, fn) {
    const entry = pending.get(id);
    if (!entry) return;
    pending.delete(id);
    clearTimeout(entry.timer);
    fn(entry);
  }

  function failAll(error, { fatal = true } = {}) {
    if (failure) return;
    failure = error;
    error.fatal = fatal;
    for (const id of [...pending.keys()]) settle(id, (e) => e.reject(error));
    if (fatal) onFatal?.(error);
  }

  worker.addEventListener('message', (event) => {
    const reply = event.data;
    if (!reply || typeof reply !== 'object' || !pending.has(reply.id)) return;
    if (reply.fatal) failAll(new Error(reply.error));
    else settle(reply.id, (e) => (reply.ok ? e.resolve(reply.result) : e.reject(new Error(reply.error))));
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault?.();
    failAll(new Error(`The worker failed: ${event.message || 'it could not be started'}`));
  });
  worker.addEventListener('messageerror', () => failAll(new Error('The worker sent a message that could not be read')));

  return {
    request(type, payload = {}) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => settle(id, (e) => e.reject(new Error(`The worker did not answer "${type}" within ${timeoutMs / 1000} s`))),
          timeoutMs,
        );
        pending.set(id, { resolve, reject, timer });
        worker.postMessage({ ...payload, id, type });
      });
    },
    terminate() {
      failAll(new Error('The worker was terminated'), { fatal: false });
      worker.terminate();
    },
  };
}

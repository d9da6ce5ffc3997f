// The controls of a long computation in the worker (a sweep, a grid, a study): the Run button off
// and Cancel on while it runs, a progress bar, a status line, and on the view's root
// data-running="true" while it runs and then data-state="done" | "cancelled" | "error" (for
// tests and styles). The work gets an AbortSignal (Cancel aborts it) and a progress setter.

/** Returns { run(work, messages), cancel() }. */
export function createLongTask({ root, runButton, cancelButton, progress, status }) {
  let controller = null;
  cancelButton.addEventListener('click', () => controller?.abort());
  return {
    cancel() { controller?.abort(); },
    /**
     * work(signal, setProgress(fraction)) resolves a result with `cancelled`. messages: { start,
     * cancelled, done(result) (also draws it; returns the status text), failed(error) }.
     */
    async run(work, messages) {
      controller = new AbortController();
      runButton.disabled = true;
      cancelButton.disabled = false;
      root.dataset.running = 'true';
      delete root.dataset.state;
      progress.value = 0;
      status.textContent = messages.start;
      try {
        const result = await work(controller.signal, (fraction) => { progress.value = fraction; });
        status.textContent = result.cancelled ? messages.cancelled : messages.done(result);
        root.dataset.state = result.cancelled ? 'cancelled' : 'done';
      } catch (error) {
        status.textContent = messages.failed(error);
        root.dataset.state = 'error';
      } finally {
        controller = null;
        runButton.disabled = false;
        cancelButton.disabled = true;
        delete root.dataset.running;
      }
    },
  };
}

// Keeps the worker training while the view plays: up to `depth` chunks in flight, the next one
// sent as soon as a reply arrives (before the reply is handled), not on animation frames. The
// worker answers messages in order, so a request already queued there starts the moment the
// previous chunk ends and the worker never waits for the page. Pure (the request, the clock and
// the timer are passed in), tested in Node (tests/web/train-pipeline.test.js).

/**
 * send(steps) -> Promise<trainRun reply>; sizer: createChunkSizer(); pacer: createPacer();
 * stepsPerSecond(): the speed setting; targetSteps(): the step count to stop at. onReply(reply,
 * steps) for every reply (also those landing after stop()), onEnd() once the target is reached
 * (nothing left in flight), onError(error) on a failed chunk (the pipeline stops).
 */
export function createChunkPipeline({
  send, sizer, pacer, stepsPerSecond, targetSteps, onReply, onEnd, onError,
  depth = 2, now = () => performance.now(), setTimer = setTimeout, clearTimer = clearTimeout, pollMs = 16,
}) {
  let running = false;
  let inflight = 0;
  let inflightSteps = 0;
  let doneSteps = 0;
  let lastTakeAt = null;
  let timer = null;
  let idleWaiters = [];

  const remaining = () => targetSteps() - doneSteps - inflightSteps;

  function stopTimer() {
    if (timer !== null) clearTimer(timer);
    timer = null;
  }

  function fill() {
    while (running && inflight < depth && remaining() > 0) {
      const t = now();
      const elapsedMs = lastTakeAt === null ? 16 : t - lastTakeAt;
      lastTakeAt = t;
      const steps = pacer.take({ budgetSteps: sizer.steps, stepsPerSecond: stepsPerSecond(), elapsedMs, remaining: remaining() });
      if (steps <= 0) {
        // A slow speed setting: wait for the next step's credit.
        if (timer === null) timer = setTimer(() => { timer = null; fill(); }, pollMs);
        return;
      }
      launch(steps);
    }
  }

  function checkEnd() {
    if (running && inflight === 0 && remaining() <= 0) {
      running = false;
      stopTimer();
      onEnd?.();
    }
  }

  function settled() {
    if (inflight > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  function fail(error) {
    running = false;
    stopTimer();
    onError?.(error);
  }

  function launch(steps) {
    inflight += 1;
    inflightSteps += steps;
    send(steps).then((reply) => {
      inflight -= 1;
      inflightSteps -= steps;
      const reached = reply?.progress?.steps;
      doneSteps = Number.isFinite(reached) ? Math.max(doneSteps, reached) : doneSteps + steps;
      sizer.observe(steps, reply?.ms);
      fill();
      try {
        onReply(reply, steps);
        checkEnd();
      } catch (error) {
        fail(error);
      }
      settled();
    }, (error) => {
      inflight -= 1;
      inflightSteps -= steps;
      fail(error);
      settled();
    });
  }

  return {
    /** Starts (or resumes) from `fromSteps` steps already taken. */
    start(fromSteps = 0) {
      if (running) return;
      running = true;
      doneSteps = Math.max(doneSteps, fromSteps);
      lastTakeAt = null;
      pacer.reset();
      fill();
      checkEnd();
    },
    /** Sends no more chunks; those in flight still arrive through onReply. */
    stop() {
      running = false;
      stopTimer();
    },
    get running() { return running; },
    get inflight() { return inflight; },
    /** Resolves once no chunk is in flight. */
    idle() {
      return inflight === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}

// The browser half of the page bench, injected with page.addInitScript before the page's own
// scripts run. It only watches, never changes what the page does:
//   - a requestAnimationFrame loop that keeps every frame's timestamp (the frame times);
//   - long animation frames / long tasks (PerformanceObserver), to see what blocks the main thread;
//   - a tap on the page's Worker (a subclass of window.Worker that records each request's type and
//     send time and each reply's arrival, plus small summaries of train replies: steps per
//     optimizer, the worker's own `ms` per chunk). Big payloads are not kept.
// Everything lands in window.__bench, read back with page.evaluate.
export function installRecorder() {
  if (window.__bench) return;
  const now = () => performance.now();
  const bench = (window.__bench = { frames: [], loaf: [], longTasks: [], messages: [], workers: [], specs: [] });

  const loop = (t) => {
    bench.frames.push(t);
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);

  const observe = (type, sink, map) => {
    try {
      new PerformanceObserver((list) => { for (const e of list.getEntries()) sink.push(map(e)); }).observe({ type, buffered: true });
    } catch { /* not supported in this browser */ }
  };
  observe('long-animation-frame', bench.loaf, (e) => ({
    start: e.startTime, duration: e.duration, blocking: e.blockingDuration, render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
    scripts: (e.scripts ?? []).slice(0, 3).map((s) => ({ invoker: s.invoker, duration: s.duration, source: s.sourceFunctionName })),
  }));
  observe('longtask', bench.longTasks, (e) => ({ start: e.startTime, duration: e.duration }));

  // The tap: what the page sends its worker and when the answer comes back.
  const summarize = (type, result) => {
    if (!result) return null;
    if (type === 'trainRun') {
      return { ms: result.ms, epochs: result.progress?.epochs, steps: result.progress?.optimizers?.map((o) => o.steps) };
    }
    if (type === 'trainCreate') return { experimentId: result.experimentId, stepsPerEpoch: result.stepsPerEpoch };
    if (type === 'trainPredictGrid') return { resolution: result.resolution, grids: result.grids?.length };
    return null;
  };
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(...args) {
      super(...args);
      const sent = new Map();
      bench.workers.push(this);
      const post = NativeWorker.prototype.postMessage;
      this.postMessage = (message, ...rest) => {
        if (message && typeof message === 'object' && 'id' in message) {
          sent.set(message.id, { type: message.type, t0: now(), steps: message.steps, resolution: message.grid?.resolution });
          if (message.type === 'trainCreate') bench.specs.push(JSON.parse(JSON.stringify(message.spec)));
        }
        return post.call(this, message, ...rest);
      };
      this.addEventListener('message', (event) => {
        const reply = event.data;
        const request = reply && sent.get(reply.id);
        if (!request) return;
        sent.delete(reply.id);
        bench.messages.push({ id: reply.id, ...request, t1: now(), ok: reply.ok, result: summarize(request.type, reply.result) });
      });
      bench.pending = () => sent.size;
    }
  };
}

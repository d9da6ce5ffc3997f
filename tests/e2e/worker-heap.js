// The JavaScript heap of a page's dedicated worker, read through the DevTools protocol: a worker
// has no performance.memory, and Playwright opens CDP sessions on pages only, so the page's session
// attaches to the worker's target and talks to it through Target.sendMessageToTarget.

/**
 * Attaches to the one worker of `page` (its URL matching `urlPattern`) and returns
 * { usedAfterGc(): Promise<bytes> } (a full garbage collection, then Runtime.getHeapUsage's usedSize).
 */
export async function attachWorkerHeap(context, page, urlPattern = /worker/) {
  const session = await context.newCDPSession(page);
  const { targetInfos } = await session.send('Target.getTargets');
  const workers = targetInfos.filter((t) => t.type === 'worker' && urlPattern.test(t.url));
  if (workers.length !== 1) throw new Error(`expected one worker, found ${workers.length}: ${workers.map((t) => t.url).join(', ')}`);
  const { sessionId } = await session.send('Target.attachToTarget', { targetId: workers[0].targetId, flatten: false });
  let nextId = 1;
  const call = (method, params = {}) => new Promise((resolve, reject) => {
    const id = nextId++;
    const onMessage = (event) => {
      const message = JSON.parse(event.message);
      if (message.id !== id) return;
      session.off('Target.receivedMessageFromTarget', onMessage);
      if (message.error) reject(new Error(`${method}: ${message.error.message}`));
      else resolve(message.result);
    };
    session.on('Target.receivedMessageFromTarget', onMessage);
    session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
  });
  return {
    async usedAfterGc() {
      await call('HeapProfiler.collectGarbage');
      return (await call('Runtime.getHeapUsage')).usedSize;
    },
  };
}

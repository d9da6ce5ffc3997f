// The page's worker client without a Worker: requests answered by handleMessage against the real
// module, with the client's contract (the result, or an Error with the handler's message).
import { handleMessage } from '../../web/src/worker/handlers.js';

/** module(): the loaded module (called at each request, so a test may load it in beforeAll). */
export function inProcessClient(module) {
  let nextId = 1;
  return {
    async request(type, payload = {}) {
      const reply = await handleMessage(module(), { ...payload, id: nextId++, type });
      if (!reply.ok) throw new Error(reply.error);
      return reply.result;
    },
  };
}

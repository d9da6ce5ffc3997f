// The only code that imports the WebAssembly module ('descent-wasm' is a Vite alias for
// build/wasm/descent.mjs). It answers typed messages; see handlers.js.
import createDescent from 'descent-wasm';
import { errorMessage, handleMessage } from './handlers.js';

const descent = createDescent();
descent.catch(() => {}); // reported per request by handleMessage

self.addEventListener('message', async (event) => {
  const reply = await handleMessage(descent, event.data);
  try {
    self.postMessage(reply);
  } catch (error) {
    // e.g. a result that is not structured-cloneable
    self.postMessage({ id: reply.id, ok: false, error: `Could not send the result: ${errorMessage(error)}` });
  }
});

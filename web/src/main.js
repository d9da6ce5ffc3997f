// Wiring: start the worker, ask it for the optimizers, show them (or a visible error).
import 'katex/dist/katex.min.css';
import './styles.css';
import { createClient } from './client.js';
import { renderOptimizerList } from './views/optimizer-list.js';

const status = document.getElementById('status');
const errorBox = document.getElementById('error');
const section = document.getElementById('optimizers');

function showError(message) {
  status.textContent = 'Something went wrong.';
  errorBox.replaceChildren(
    Object.assign(document.createElement('strong'), { textContent: 'Descent could not start. ' }),
    document.createTextNode(message),
  );
  errorBox.hidden = false;
}

async function start() {
  const worker = new Worker(new URL('./worker/descent.worker.js', import.meta.url), { type: 'module', name: 'descent' });
  const client = createClient(worker);
  window.descent = client; // handy from the console: await descent.request('listOptimizers')
  const optimizers = await client.request('listOptimizers');
  renderOptimizerList(document.getElementById('optimizer-list'), document.getElementById('optimizer-index'), optimizers);
  section.hidden = false;
  status.textContent = `${optimizers.length} optimizers loaded.`;
  document.body.dataset.ready = 'true';
}

start().catch((error) => showError(error?.message ?? String(error)));

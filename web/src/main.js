// Wiring: start the worker, load the registries, read the state from the URL (or show a notice
// and the defaults), and mount the views behind the tabs. The URL follows every change.
import 'katex/dist/katex.min.css';
import './styles.css';
import { createClient } from './client.js';
import { createDescentWorker } from './worker/create-worker.js';
import { decodeState, encodeState } from './state.js';
import { createTabs } from './views/shell.js';
import { renderOptimizerList } from './views/optimizer-list.js';
import { mountLandscape } from './views/landscape/index.js';
import { mountTrainView } from './views/train/index.js';
import { h } from './views/dom.js';

const status = document.getElementById('status');
const errorBox = document.getElementById('error');
const noticeBox = document.getElementById('notice');

function showError(message) {
  status.textContent = 'Something went wrong.';
  errorBox.replaceChildren(h('strong', {}, 'Descent could not start. '), message);
  errorBox.hidden = false;
}

function showNotice(message) {
  if (!message) { noticeBox.hidden = true; return; }
  const close = h('button', { type: 'button', class: 'link-button' }, 'Dismiss');
  close.addEventListener('click', () => { noticeBox.hidden = true; });
  noticeBox.replaceChildren(h('span', {}, message), ' ', close);
  noticeBox.hidden = false;
}

async function start() {
  const worker = createDescentWorker();
  const client = createClient(worker);
  window.descent = client; // handy from the console: await descent.request('listOptimizers')
  const [optimizers, objectives] = await Promise.all([client.request('listOptimizers'), client.request('listObjectives')]);
  const registry = { optimizers, objectives };

  const { state, notice } = decodeState(window.location.hash, registry);
  showNotice(notice);
  const writeUrl = () => {
    const hash = `#${encodeState(state, registry)}`;
    if (hash !== window.location.hash) history.replaceState(null, '', hash);
  };

  let landscape = null;
  let train = null; // mounted the first time its tab opens, so it costs nothing until then
  const tabs = createTabs(document.querySelector('[role="tablist"]'), {
    onSelect(view) {
      state.view = view;
      writeUrl();
      if (view === 'landscape') landscape?.resize();
      if (view === 'train' && !train) {
        const container = document.getElementById('train-view');
        container.replaceChildren();
        train = mountTrainView(container, client);
      }
    },
  });
  tabs.select(state.view);

  renderOptimizerList(document.getElementById('optimizer-list'), document.getElementById('optimizer-index'), optimizers);
  document.getElementById('optimizers').hidden = false;

  landscape = mountLandscape(document.getElementById('landscape-view'), { client, registry, state, onChange: writeUrl });
  await landscape.ready;
  writeUrl();
  status.textContent = `${optimizers.length} optimizers loaded.`;
  status.classList.add('visually-hidden');
  document.body.dataset.ready = 'true';
}

start().catch((error) => showError(error?.message ?? String(error)));

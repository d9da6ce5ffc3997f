// Wiring: start the worker, load the registries, read the state from the URL (or show a notice
// and the defaults), and mount the views behind the tabs. The URL follows every change. The train
// view's fields ride in the same fragment as `t.`-prefixed keys (train-state.js: splitHash), the
// Momentum view's as `m.` keys (momentum-state.js).
import 'katex/dist/katex.min.css';
import './styles.css';
import { createClient } from './client.js';
import { restartAfterFatal, takeRestartNotice } from './recovery.js';
import { createDescentWorker } from './worker/create-worker.js';
import { decodeState, encodeState } from './state.js';
import { decodeTrainState, encodeTrainState, joinHash, splitHash } from './train-state.js';
import { decodeMomentumState, encodeMomentumState, splitMomentumHash } from './momentum-state.js';
import { createTabs } from './views/shell.js';
import { renderOptimizerList } from './views/optimizer-list.js';
import { mountLandscape } from './views/landscape/index.js';
import { mountTrainView } from './views/train/index.js';
import { mountMomentum } from './views/momentum/index.js';
import { mountTour } from './views/tour/index.js';
import { mountDecay } from './views/decay/index.js';
import { mountInit } from './views/init/index.js';
import { mountSchedules } from './views/schedules/index.js';
import { h } from './views/dom.js';
import { createEmbedDialog } from './embed/dialog.js';
import { decayAttribute, initAttribute, landscapeAttribute, momentumAttribute, schedulesAttribute, tourAttribute, trainAttribute } from './elements/attributes.js';

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
  // A dead module (an abort inside the WebAssembly): reload with the URL's setup (recovery.js).
  const client = createClient(worker, {
    onFatal: (error) => {
      if (!restartAfterFatal(error)) showError(`${error.message}, again. Reload the page to start it anew; the link keeps your setup.`);
    },
  });
  const restartNotice = takeRestartNotice();
  window.descent = client; // handy from the console: await descent.request('listOptimizers')
  const [optimizers, objectives, datasets] = await Promise.all([client.request('listOptimizers'), client.request('listObjectives'), client.request('listDatasets')]);
  const registry = { optimizers, objectives };
  const trainRegistry = { datasets, optimizers };

  const hashParts = splitHash(window.location.hash);
  const momentumParts = splitMomentumHash(hashParts.main);
  const { state, notice } = decodeState(momentumParts.main, registry);
  const trainDecoded = decodeTrainState(hashParts.train, trainRegistry);
  const momentumDecoded = decodeMomentumState(momentumParts.momentum);
  let trainState = trainDecoded.state;
  const momentumState = momentumDecoded.state;
  showNotice([restartNotice, notice, trainDecoded.notice, momentumDecoded.notice].filter(Boolean).join(' '));
  const fragment = (landscapeState) => joinHash(joinHash(encodeState(landscapeState, registry), encodeMomentumState(momentumState)),
    encodeTrainState(trainState, trainRegistry));
  const writeUrl = () => {
    const hash = `#${fragment(state)}`;
    if (hash !== window.location.hash) history.replaceState(null, '', hash);
  };

  let landscape = null;
  let train = null; // mounted the first time its tab opens, so it costs nothing until then
  let momentum = null; // likewise
  const mountMomentumView = () => {
    if (momentum) { momentum.resize(); return; }
    momentum = mountMomentum(document.getElementById('momentum-view'), { client, registry, state: momentumState, onChange: writeUrl });
  };
  let tour = null; // likewise
  let decay = null;
  let init = null;
  const showInit = () => { init ??= mountInit(document.getElementById('init-view'), { client, state, onChange: writeUrl }); };
  let schedules = null;
  const showSchedules = () => {
    schedules ??= mountSchedules(document.getElementById('schedules-view'), { client, state, onChange: writeUrl });
  };
  const showDecay = () => {
    decay ??= mountDecay(document.getElementById('decay-view'), { client, registry, state, onChange: writeUrl });
  };
  const showTour = () => {
    tour ??= mountTour(document.getElementById('tour-view'), {
      client, registry: { ...registry, datasets }, state, onChange: writeUrl, onOpenView: (view) => tabs.select(view, { notify: true, focus: true }),
    });
    tour.show();
  };
  const mountTrain = () => {
    if (train) return;
    const container = document.getElementById('train-view');
    container.replaceChildren();
    train = mountTrainView(container, client, { state: trainState, onStateChange: (next) => { trainState = next; writeUrl(); } });
  };
  const tabs = createTabs(document.querySelector('[role="tablist"]'), {
    onSelect(view) {
      state.view = view;
      writeUrl();
      if (view === 'landscape') landscape?.resize();
      if (view === 'train') mountTrain();
      if (view === 'momentum') mountMomentumView();
      if (view === 'tour') showTour();
      else tour?.hide();
      if (view === 'decay') showDecay();
      if (view === 'init') showInit();
      if (view === 'schedules') showSchedules();
    },
  });
  tabs.select(state.view);
  if (state.view === 'train') mountTrain(); // a link to the train view opens it (select() does not notify)
  if (state.view === 'momentum') mountMomentumView();
  if (state.view === 'tour') showTour();
  if (state.view === 'decay') showDecay();
  if (state.view === 'init') showInit();
  if (state.view === 'schedules') showSchedules();

  renderOptimizerList(document.getElementById('optimizer-list'), document.getElementById('optimizer-index'), optimizers);
  document.getElementById('optimizers').hidden = false;

  landscape = mountLandscape(document.getElementById('landscape-view'), { client, registry, state, onChange: writeUrl });
  await landscape.ready;
  writeUrl();
  const embedButton = document.getElementById('embed-open');
  createEmbedDialog(embedButton, {
    current: () => ({
      view: state.view,
      stateText: (view) => {
        if (view === 'train') return trainAttribute(trainState, trainRegistry);
        if (view === 'momentum') return momentumAttribute(momentumState);
        if (view === 'tour') return tourAttribute(state);
        if (view === 'decay') return decayAttribute(state);
        if (view === 'schedules') return schedulesAttribute(state, registry);
        if (view === 'init') return initAttribute(state, registry);
        return landscapeAttribute(state, registry);
      },
      pageUrl: (view) => {
        const url = new URL(window.location.href);
        url.hash = fragment({ ...state, view });
        return url.href;
      },
    }),
  });
  embedButton.hidden = false;

  status.textContent = `${optimizers.length} optimizers loaded.`;
  status.classList.add('visually-hidden');
  document.body.dataset.ready = 'true';
}

start().catch((error) => showError(error?.message ?? String(error)));

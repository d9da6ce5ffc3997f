// The guided tour (tour/steps.js): one lecture topic at a time, its explanation and rule beside
// a live demo, which is the Landscape or Train view itself mounted with the step's preset (the
// student may change it; the next visit to the step starts from the preset again). Previous /
// next with the buttons or the arrow keys; the step is in the URL (`tour=`), and so is presenter
// mode (`present=1`: large type, the page's chrome and the demo's controls hidden).
import { h } from '../dom.js';
import { renderMath } from '../math.js';
import { decodeState } from '../../state.js';
import { decodeTrainState } from '../../train-state.js';
import { TOUR_STEPS, findStep, stepIndex } from '../../tour/steps.js';
import { mountLandscape } from '../landscape/index.js';
import { mountTrainView } from '../train/index.js';
import { isTourKey, tourKeyAction } from './keys.js';
import './tour.css';

/**
 * root: the element to fill. registry: { optimizers, objectives, datasets }. state: the page's
 * state (its `tour` and `presenter` fields are read and written here). onChange(): after either
 * changes (the page rewrites the URL). idPrefix: for the element ids (several tours on a page);
 * presenterRoot: what carries data-presenter (the page's <html>, or a custom element, so that a
 * course page around it is left alone); keyTarget: where the arrow keys are heard; onOpenView(view):
 * opens another view of the page (a step's "more" link; without it, as in an element, no link).
 * Returns { show(), hide(), reload(), destroy() }: show() when the tour's tab is visible (mounts the demo
 * the first time, and listens to the keyboard), hide() when it is not.
 */
export function mountTour(root, {
  client, registry, state, onChange, idPrefix = '', presenterRoot = document.documentElement, keyTarget = document, onOpenView = null,
}) {
  const id = (name) => `${idPrefix}${name}`;
  const trainRegistry = { datasets: registry.datasets, optimizers: registry.optimizers };
  const count = h('p', { class: 'tour-count' });
  const title = h('h2', { class: 'tour-title', id: id('tour-title'), tabindex: '-1' });
  const text = h('div', { class: 'tour-text' });
  const rule = h('div', { class: 'tour-rule' });
  const look = h('p', { class: 'tour-look' });
  const more = h('p', { class: 'tour-more' });
  const previous = h('button', { type: 'button', class: 'button', id: id('tour-previous') }, '← Previous');
  const next = h('button', { type: 'button', class: 'button primary', id: id('tour-next') }, 'Next →');
  const presenter = h('button', { type: 'button', class: 'button', id: id('tour-presenter'), 'aria-pressed': 'false' }, 'Presenter mode');
  const list = h('ol', { class: 'tour-list' });
  const demoLandscape = h('div', { class: 'tour-demo tour-demo-landscape', hidden: true });
  const demoTrain = h('div', { class: 'tour-demo tour-demo-train', hidden: true });
  const notice = h('p', { class: 'notice', role: 'status', hidden: true });

  root.replaceChildren(h('div', { class: 'tour' },
    h('nav', { class: 'tour-nav', 'aria-label': 'Steps of the tour', dataset: { group: 'list' } }, list),
    h('article', { class: 'tour-step', 'aria-labelledby': id('tour-title') },
      count, title, text, rule, look, more,
      h('div', { class: 'tour-buttons' }, previous, next, presenter),
      h('p', { class: 'hint tour-keys' }, 'Keys: ← → move between steps, Esc leaves presenter mode.')),
    h('section', { class: 'tour-demo-area', 'aria-label': 'Live demo' }, notice, demoLandscape, demoTrain)));

  for (const [i, step] of TOUR_STEPS.entries()) {
    const button = h('button', { type: 'button', class: 'link-button', dataset: { step: step.id } }, `${i + 1}. ${step.title}`);
    button.addEventListener('click', () => go(step.id));
    list.append(h('li', {}, button));
  }

  let landscape = null;
  let train = null;
  let visible = false;

  function renderStep() {
    const step = findStep(state.tour) ?? TOUR_STEPS[0];
    const i = stepIndex(step.id);
    count.textContent = `Step ${i + 1} of ${TOUR_STEPS.length}`;
    title.textContent = step.title;
    text.replaceChildren(...step.text.map((p) => h('p', {}, p)));
    const entry = step.rule ? registry.optimizers.find((o) => o.type === step.rule) : null;
    rule.replaceChildren(...[
      entry ? h('div', { class: 'formula', role: 'group', 'aria-label': `Update rule of ${entry.label}`, dataset: { rule: entry.type },
        html: renderMath(entry.formula, { displayMode: true }) }) : null,
      step.formula ? h('div', { class: 'formula', role: 'group', 'aria-label': 'Formula', html: renderMath(step.formula, { displayMode: true }) }) : null,
      entry?.torch ? h('p', { class: 'torch-mapping' }, h('span', { class: 'label' }, 'PyTorch: '), h('code', {}, entry.torch)) : null,
    ].filter(Boolean));
    look.replaceChildren(h('strong', {}, 'Look for: '), step.look);
    more.hidden = !(step.more && onOpenView);
    more.replaceChildren();
    if (step.more && onOpenView) {
      const link = h('a', { href: `#view=${step.more.view}`, dataset: { view: step.more.view } }, step.more.text);
      link.addEventListener('click', (event) => { event.preventDefault(); onOpenView(step.more.view); });
      more.append(link, ' →');
    }
    previous.disabled = i === 0;
    next.disabled = i === TOUR_STEPS.length - 1;
    for (const b of list.querySelectorAll('button')) {
      if (b.dataset.step === step.id) b.setAttribute('aria-current', 'step');
      else b.removeAttribute('aria-current');
    }
    root.dataset.step = step.id;
    if (visible) showDemo(step);
  }

  function applyPresenter() {
    presenter.setAttribute('aria-pressed', String(state.presenter));
    presenter.textContent = state.presenter ? 'Leave presenter mode' : 'Presenter mode';
    if (state.presenter && visible) presenterRoot.dataset.presenter = 'true';
    else delete presenterRoot.dataset.presenter;
    const step = findStep(state.tour) ?? TOUR_STEPS[0];
    const hide = [...step.demo.hide, ...(state.presenter ? ['controls'] : [])].join(' ');
    demoLandscape.dataset.hide = hide;
    demoTrain.dataset.hide = hide;
  }

  // The demo: the step's preset through the views' own decoders. A preset that does not decode
  // is a bug in steps.js (tests/web/tour.test.js decodes them all); the notice says so anyway.
  function showDemo(step) {
    const { view, state: preset } = step.demo;
    demoLandscape.hidden = view !== 'landscape';
    demoTrain.hidden = view !== 'train';
    applyPresenter();
    if (view === 'landscape') {
      train?.pause();
      const decoded = decodeState(preset, registry);
      notice.hidden = !decoded.notice;
      notice.textContent = decoded.notice ?? '';
      const demoState = { ...decoded.state, view: 'landscape' };
      let computed;
      if (!landscape) {
        landscape = mountLandscape(demoLandscape, { client, registry, state: demoState, idPrefix: id('tour-'), onChange() {} });
        computed = landscape.ready;
      } else {
        computed = landscape.reload(demoState);
      }
      landscape.resize();
      // The race animates on its own, once computed, unless the student has moved on.
      const shown = step.id;
      Promise.resolve(computed).then(() => { if (visible && state.tour === shown) landscape.play(); });
    } else {
      const decoded = decodeTrainState(preset, trainRegistry);
      notice.hidden = !decoded.notice;
      notice.textContent = decoded.notice ?? '';
      if (!train) train = mountTrainView(demoTrain, client, { state: decoded.state, onStateChange() {} });
      else train.setState(decoded.state);
    }
  }

  function go(id, { focus = false } = {}) {
    if (!findStep(id) || id === state.tour) return;
    state.tour = id;
    renderStep();
    onChange?.();
    if (focus) title.focus();
  }

  const move = (delta) => {
    const i = stepIndex(state.tour) + delta;
    if (i >= 0 && i < TOUR_STEPS.length) go(TOUR_STEPS[i].id, { focus: true });
  };

  function setPresenter(on) {
    if (state.presenter === on) return;
    state.presenter = on;
    applyPresenter();
    onChange?.();
  }

  previous.addEventListener('click', () => move(-1));
  next.addEventListener('click', () => move(1));
  presenter.addEventListener('click', () => setPresenter(!state.presenter));

  function onKey(event) {
    if (!isTourKey(event)) return;
    const action = tourKeyAction(event.key);
    if (action === 'next') move(1);
    else if (action === 'previous') move(-1);
    else if (action === 'leave-presenter') {
      if (!state.presenter) return;
      setPresenter(false);
    } else return;
    event.preventDefault();
  }

  renderStep();
  return {
    show() {
      if (visible) return;
      visible = true;
      keyTarget.addEventListener('keydown', onKey);
      renderStep();
    },
    hide() {
      if (!visible) return;
      visible = false;
      keyTarget.removeEventListener('keydown', onKey);
      train?.pause();
      landscape?.pause();
      applyPresenter();
    },
    destroy() {
      this.hide();
      train?.destroy();
      root.replaceChildren();
    },
    /** Re-reads state.tour / state.presenter (after the URL changed). */
    reload() {
      renderStep();
      applyPresenter();
    },
  };
}

// The Momentum view: the heavy ball on a quadratic with eigenvalues alpha <= beta. Sliders for the
// step size and the momentum; the iterates on the contours (the landscape's plot); the loss split
// along the two eigenvectors on a log axis; the rate map over (lr, momentum) from C++, with
// Polyak's optimum, GD's best rate and the lecture's 1 - alpha/beta beside it. Every number comes
// from the worker; the page only draws.
import { h } from '../dom.js';
import { renderMath } from '../math.js';
import { createLandscapePlot } from '../landscape/plot.js';
import { createTrainChart } from '../../charts/train-chart.js';
import { THEORY_COLORS } from '../../charts/colors.js';
import { MAX_EIGENVALUE, MAX_MOMENTUM_STEPS, START_BOX, defaultMomentumState } from '../../momentum-state.js';
import { createRateMap } from './rate-map.js';
import { describeRate, eigenComponents, heavyBallSpec, quadraticSpec, rateEnvelope, stepsPerDecade } from './model.js';

const GRID = 120;
const MAP_RESOLUTION = 160;
const MU_MAX = 0.99;
const COLORS = { slow: '#0072B2', fast: '#E69F00', total: '#1b1f24' };
const fmt = (x, digits = 4) => Number(x.toFixed(digits)).toString();

/**
 * Mounts the view into `root`. state: { alpha, beta, lr, momentum, start, steps }, edited in place;
 * onChange(state) after every edit. registry: { optimizers } (for the heavy ball's formula).
 * Groups a lesson may hide: quadratic, sliders, rule, contours, components, map, numbers, explanation.
 */
export function mountMomentum(root, { client, registry, state, onChange, idPrefix = '' }) {
  const id = (name) => `${idPrefix}${name}`;
  const heavyBall = registry.optimizers.find((o) => o.type === 'heavyBall');
  const numberInput = (name, attrs) => h('input', { id: id(name), type: 'number', step: 'any', inputmode: 'decimal', ...attrs });
  const alphaInput = numberInput('momentum-alpha', { min: 0, max: MAX_EIGENVALUE, value: String(state.alpha) });
  const betaInput = numberInput('momentum-beta', { min: 0, max: MAX_EIGENVALUE, value: String(state.beta) });
  const stepsInput = h('input', { id: id('momentum-steps'), type: 'number', min: 1, max: MAX_MOMENTUM_STEPS, step: 1, value: String(state.steps) });
  const lrSlider = h('input', { id: id('momentum-lr-slider'), type: 'range', min: 0, step: 'any', 'aria-label': 'Step size η' });
  const lrInput = numberInput('momentum-lr', { min: 0, 'aria-label': 'Step size η, exact' });
  const muSlider = h('input', { id: id('momentum-mu-slider'), type: 'range', min: 0, max: MU_MAX, step: 'any', 'aria-label': 'Momentum μ' });
  const muInput = numberInput('momentum-mu', { min: 0, max: MU_MAX, 'aria-label': 'Momentum μ, exact' });
  const error = h('div', { class: 'error', role: 'alert', hidden: true });
  const contourCanvas = h('canvas', { class: 'landscape-canvas momentum-contours', role: 'img', 'aria-label': 'Contours of the quadratic with the heavy ball\'s iterates' });
  const mapCanvas = h('canvas', { class: 'momentum-map-canvas', id: id('momentum-map'), role: 'img', 'aria-label': 'Rate of the heavy ball over step size and momentum; click to pick a pair' });
  const componentsRoot = h('div', { class: 'momentum-components' });
  const numbers = h('dl', { class: 'momentum-numbers', id: id('momentum-numbers'), dataset: { group: 'numbers' } });
  const contourCaption = h('figcaption', {});

  const value = (key, label, extra = null) => {
    const dd = h('dd', { id: id(`momentum-${key}`) });
    numbers.append(h('dt', {}, label), dd);
    return (text, data = {}) => { dd.textContent = text; Object.assign(dd.dataset, data); if (extra) extra(dd, data); };
  };
  const showRate = value('rate', 'Rate at (η, μ)');
  const showDecade = value('decade', 'Steps per tenfold smaller error');
  const showOptimum = value('optimum', 'Best pair (Polyak)');
  const showGd = value('gd', 'Best plain GD, η = 2/(α+β)');
  const showLecture = value('lecture', 'The lecture\'s GD, η = 1/β: 1 − α/β');
  const showGrid = value('grid-best', 'Best cell of the map');

  root.replaceChildren(h('div', { class: 'momentum-view' },
    h('div', { class: 'momentum-controls', dataset: { group: 'controls' } },
      h('fieldset', { dataset: { group: 'quadratic' } },
        h('legend', {}, 'Quadratic ½(α x₁² + β x₂²)'),
        h('label', { for: id('momentum-alpha') }, 'α (smallest eigenvalue)'), alphaInput,
        h('label', { for: id('momentum-beta') }, 'β (largest eigenvalue)'), betaInput),
      h('fieldset', { dataset: { group: 'sliders' } },
        h('legend', {}, 'Heavy ball'),
        h('label', { for: id('momentum-lr-slider') }, 'Step size η'), h('div', { class: 'slider-row' }, lrSlider, lrInput),
        h('label', { for: id('momentum-mu-slider') }, 'Momentum μ'), h('div', { class: 'slider-row' }, muSlider, muInput),
        h('label', { for: id('momentum-steps') }, 'Steps'), stepsInput),
      h('div', { class: 'momentum-rule', dataset: { group: 'rule' } },
        h('div', { class: 'formula', html: renderMath(heavyBall?.formula ?? '', { displayMode: true }) }),
        h('p', { class: 'torch' }, heavyBall?.torch ?? ''))),
    h('div', { class: 'momentum-main' },
      error,
      h('div', { class: 'figures momentum-figures' },
        h('figure', { class: 'landscape-figure', dataset: { group: 'contours' } }, contourCanvas, contourCaption),
        h('figure', { class: 'momentum-map-figure', dataset: { group: 'map' } },
          h('figcaption', { class: 'figure-title' }, 'Rate over (η, μ): darker is faster, grey diverges; ★ the optimum, ○ yours; click to pick'),
          mapCanvas),
        numbers,
        h('figure', { class: 'convergence-figure', dataset: { group: 'components' } },
          h('figcaption', { class: 'figure-title' }, 'f(xₜ) − f* split along the eigenvectors, log scale'),
          componentsRoot)),
      h('section', { class: 'momentum-explanation', dataset: { group: 'explanation' } },
        h('h3', {}, 'What the map shows'),
        h('p', {}, 'On this quadratic every eigen-direction evolves on its own: the error along it and its previous value are '
          + 'multiplied each step by a fixed 2×2 matrix, so the error shrinks like ρᵗ, where the rate ρ is the largest '
          + 'modulus among the eigenvalues of the two directions\' matrices. Plain gradient descent is μ = 0: one step size has to '
          + 'serve both the flat direction (α) and the steep one (β), and the best it can do is (β − α)/(β + α).'),
        h('p', {}, 'Momentum lets the steep direction oscillate while the flat one keeps its speed. With complex eigenvalues '
          + 'the rate is √μ, whatever η is, which is the flat floor of the map; its lowest corner is Polyak\'s pair, '
          + 'with rate (√β − √α)/(√β + √α): the condition number enters through its square root.'),
        h('p', {}, 'The lecture\'s bound 1 − α/β (at η = 1/β) is for f(xᵀ) − f*. Here the error in x shrinks by 1 − α/β per '
          + 'step and f − f* by its square, so the bound holds with room to spare. Rates of 1 or more diverge.')))));

  const plot = createLandscapePlot(contourCanvas, {
    onStart: (point, { final }) => {
      if (point) { state.start = point.map((v) => Math.max(-START_BOX, Math.min(START_BOX, v))); plot.setStart(state.start); }
      if (final) { onChange?.(state); run(); }
    },
  });
  const rateMap = createRateMap(mapCanvas, {
    onPick: (cell) => { state.lr = cell.lr; state.momentum = cell.momentum; edited(); },
  });
  const chart = createTrainChart(componentsRoot, { xLabel: 'step t', yLabel: 'f − f*', log: true, height: 260, ariaLabel: 'The loss along each eigenvector per step' });
  const series = [
    { label: '½α x₁² (flat direction)', color: COLORS.slow },
    { label: '½β x₂² (steep direction)', color: COLORS.fast },
    { label: 'f − f*', color: COLORS.total },
    { label: 'ρ²ᵗ (f₀ − f*) at the rate ρ', color: THEORY_COLORS.bound, dash: [6, 4] },
  ];
  chart.setSeries(series);
  componentsRoot.append(h('ul', { class: 'momentum-legend' }, series.map((s) => h('li', {},
    h('span', { class: `line-key${s.dash ? ' dashed' : ''}`, style: `border-top-color: ${s.color}` }), s.label))));
  let map = null;
  let mapGeneration = 0; // replies to an older request are dropped
  let runGeneration = 0;

  const showError = (message) => { error.hidden = !message; error.textContent = message ?? ''; };

  function showControls() {
    const lrMax = 4 / state.beta;
    lrSlider.max = String(lrMax);
    lrSlider.step = String(lrMax / 1000);
    lrSlider.value = String(state.lr);
    lrInput.value = String(state.lr);
    muSlider.value = String(state.momentum);
    muInput.value = String(state.momentum);
    alphaInput.value = String(state.alpha);
    betaInput.value = String(state.beta);
    stepsInput.value = String(state.steps);
  }

  async function computeMap() {
    const gen = ++mapGeneration;
    try {
      const [nextMap, grid] = await Promise.all([
        client.request('momentumRateMap', { alpha: state.alpha, beta: state.beta, resolution: MAP_RESOLUTION, muMax: MU_MAX }),
        client.request('landscapeGrid', { objective: quadraticSpec(state), nx: GRID, ny: GRID }),
      ]);
      if (gen !== mapGeneration) return;
      map = nextMap;
      rateMap.setMap(map);
      plot.setGrid({ ...grid, fRef: 0 });
      const o = map.optimum;
      showOptimum(`η* = ${fmt(o.lr)}, μ* = ${fmt(o.momentum)}: rate ${describeRate(o.rate)}`, { lr: String(o.lr), momentum: String(o.momentum), rate: String(o.rate) });
      showGd(describeRate(map.gd.rate), { rate: String(map.gd.rate) });
      showLecture(describeRate(map.lecture.rate), { rate: String(map.lecture.rate) });
      showGrid(`η = ${fmt(map.best.lr)}, μ = ${fmt(map.best.momentum)}: rate ${describeRate(map.best.rate)}`, { rate: String(map.best.rate) });
      await run();
    } catch (e) {
      showError(e.message);
    }
  }

  async function run() {
    const gen = ++runGeneration;
    try {
      const [point, result] = await Promise.all([
        client.request('momentumRateMap', { alpha: state.alpha, beta: state.beta, resolution: 2, lr: state.lr, momentum: state.momentum }),
        client.request('minimize', { objective: quadraticSpec(state), optimizer: heavyBallSpec(state), x0: state.start, steps: state.steps }),
      ]);
      if (gen !== runGeneration) return;
      const { rate } = point.at;
      showRate(describeRate(rate), { rate: String(rate), lr: String(state.lr), momentum: String(state.momentum) });
      const decade = stepsPerDecade(rate);
      showDecade(decade === null ? '—' : fmt(decade, 1));
      rateMap.setCurrent({ lr: state.lr, momentum: state.momentum });
      plot.setRuns([{ result, color: '#d55e00' }]);
      plot.setStep(result.steps);
      plot.setStart(state.start);
      const parts = eigenComponents(result.xs, state);
      const f0 = result.values[0];
      chart.setData([parts.steps, parts.slow, parts.fast, parts.total, rateEnvelope(f0, rate, parts.steps)],
        { diverged: result.diverged ? [3] : [] });
      contourCaption.textContent = `Contours of f at log-spaced levels; ★ the minimum, ○ the start (click or drag to move it). `
        + `${result.steps} steps${result.diverged ? `; ${result.reason}` : ''}.`;
      showError(null);
    } catch (e) {
      showError(e.message);
    }
  }

  function edited({ quadratic = false } = {}) {
    showControls();
    onChange?.(state);
    if (quadratic) computeMap(); else run();
  }

  const readNumber = (input, ok) => {
    const x = Number(input.value);
    const valid = input.value.trim() !== '' && Number.isFinite(x) && ok(x);
    input.setAttribute('aria-invalid', String(!valid));
    return valid ? x : null;
  };
  lrSlider.addEventListener('input', () => { const x = readNumber(lrSlider, (v) => v > 0); if (x !== null) { state.lr = x; edited(); } });
  lrInput.addEventListener('change', () => { const x = readNumber(lrInput, (v) => v > 0 && v <= 10); if (x !== null) { state.lr = x; edited(); } });
  muSlider.addEventListener('input', () => { const x = readNumber(muSlider, (v) => v >= 0 && v < 1); if (x !== null) { state.momentum = x; edited(); } });
  muInput.addEventListener('change', () => { const x = readNumber(muInput, (v) => v >= 0 && v < 1); if (x !== null) { state.momentum = x; edited(); } });
  stepsInput.addEventListener('change', () => {
    const x = readNumber(stepsInput, (v) => Number.isInteger(v) && v >= 1 && v <= MAX_MOMENTUM_STEPS);
    if (x !== null) { state.steps = x; edited(); }
  });
  for (const input of [alphaInput, betaInput]) {
    input.addEventListener('change', () => {
      const alpha = readNumber(alphaInput, (v) => v > 0 && v <= MAX_EIGENVALUE);
      const beta = readNumber(betaInput, (v) => v > 0 && v <= MAX_EIGENVALUE);
      if (alpha === null || beta === null) return;
      if (beta < alpha) { betaInput.setAttribute('aria-invalid', 'true'); showError('β must be at least α.'); return; }
      state.alpha = alpha;
      state.beta = beta;
      edited({ quadratic: true });
    });
  }

  showControls();
  const ready = computeMap();
  return {
    ready,
    /** Re-reads the state and recomputes everything. */
    reload(next) {
      Object.assign(state, next ?? defaultMomentumState());
      showControls();
      return computeMap();
    },
    resize() { plot.resize(); rateMap.redraw(); },
  };
}

// The convergence chart: f(x_t) - f* per optimizer on a log axis (log-log on request) with the
// lecture's theory overlaid (see theory.js), drawn by charts/line-chart.js (uPlot).
import { h } from '../dom.js';
import { THEORY_COLORS } from '../../charts/colors.js';
import { createLineChart } from '../../charts/line-chart.js';
import { buildConvergence } from './theory.js';

export function createConvergence(root, { idPrefix = '' } = {}) {
  const chartBox = h('div', { class: 'chart-box', id: `${idPrefix}convergence-chart` });
  const notes = h('ul', { class: 'chart-notes' });
  root.replaceChildren(chartBox, notes);
  const chart = createLineChart(chartBox, { height: 340, xLabel: 'step k', yLabel: 'f(xₖ) − f*' });
  let model = null;

  return {
    update({ runs, fStar, fStarKnown, steps, objective, flows, logX, k }) {
      // Each flow in the colour of the method it is the limit of.
      const colorOf = (type, fallback) => runs.find((r) => r.type === type)?.color ?? fallback;
      const colors = { ...THEORY_COLORS, flow: colorOf('gd', THEORY_COLORS.flow), ode: colorOf('nesterovAccelerated', THEORY_COLORS.ode) };
      model = buildConvergence({ runs, fStar, steps, objective, flows, logX, colors });
      const extra = fStarKnown ? [] : ['f* is not known here: gaps are measured from the lowest value seen on the grid and along the paths.'];
      notes.replaceChildren(...[...extra, ...model.notes].map((n) => h('li', {}, n)));
      chart.setData({ ...model, logX }, { upTo: k, marker: logX && k === 0 ? null : k });
      root.dataset.series = String(model.series.length);
    },
    setStep(k, logX) {
      chart.setView({ upTo: k, marker: logX && k === 0 ? null : k });
    },
    get model() { return model; },
    get chart() { return chart; },
  };
}

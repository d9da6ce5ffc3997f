// What each optimizer holds at step k (the scrub position, or the iterate under the pointer):
// x, f(x) - f*, the gradient and the optimizer's internal state after that step.
import { h } from '../dom.js';
import { formatNumber } from '../format.js';

const short = (x) => (Number.isFinite(x) ? formatNumber(Number(x.toPrecision(4))) : String(x));
const vector = (a, t, d = 2) => `(${Array.from(a.subarray(t * d, t * d + d), short).join(', ')})`;

/** Rows for step k: [{ label, color, t, x, gap, grad, state: [[name, text]] }]. Pure apart from formatting. */
export function inspectRows(runs, k, fStar) {
  return runs.map((run) => {
    const r = run.result;
    const t = Math.min(k, r.steps);
    const state = Object.entries(r.states).map(([name, values]) => {
      const size = r.steps > 0 ? values.length / r.steps : 0;
      return [name, t === 0 || size === 0 ? '(initial)' : `(${Array.from(values.subarray((t - 1) * size, t * size), short).join(', ')})`];
    });
    return { label: run.label, color: run.color, t, x: vector(r.xs, t), gap: short(r.values[t] - fStar), grad: vector(r.grads, t), state };
  });
}

export function renderInspector(root, runs, { k, fStar, hovered = null }) {
  const rows = inspectRows(runs, hovered ? hovered.t : k, fStar);
  const shown = hovered ? [rows[hovered.run]] : rows;
  root.replaceChildren(
    h('p', { class: 'inspector-title' }, hovered ? `Iterate under the pointer: step ${hovered.t}` : `At step ${k} (the slider)`),
    h('div', { class: 'table-wrap' }, h('table', { class: 'inspector-table' },
      h('thead', {}, h('tr', {}, ['Optimizer', 't', 'x', 'f(x) − f*', '∇f(x)', 'state after step t'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, shown.map((row) => h('tr', {},
        h('th', { scope: 'row' }, h('span', { class: 'swatch', style: `--swatch: ${row.color}`, 'aria-hidden': 'true' }), row.label),
        h('td', {}, String(row.t)),
        h('td', {}, row.x),
        h('td', {}, row.gap),
        h('td', {}, row.grad),
        h('td', {}, row.state.length ? row.state.map(([name, text]) => h('div', {}, h('code', {}, name), ' = ', text)) : '—')))))));
}

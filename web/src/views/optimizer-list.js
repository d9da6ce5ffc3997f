// Renders the optimizers from listOptimizers(): label, typeset update rule, PyTorch mapping,
// notes and the options table. One <article data-type="..."> per optimizer.
import { h } from './dom.js';
import { formatRange, formatValue } from './format.js';
import { renderMath, renderRichText } from './math.js';

function optionsTable(optimizer) {
  const options = optimizer.options ?? [];
  if (!options.length) return h('p', { class: 'no-options' }, 'No options.');
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'options' },
      h('caption', {}, `Options of ${optimizer.label}`),
      h('thead', {}, h('tr', {},
        ['Option', 'Symbol', 'Default', 'Range', 'PyTorch'].map((title) => h('th', { scope: 'col' }, title)))),
      h('tbody', {}, options.map((option) => h('tr', { dataset: { option: option.name } },
        h('th', { scope: 'row' }, h('code', {}, option.name),
          option.help ? h('span', { class: 'help' }, option.help) : null),
        h('td', { class: 'symbol', html: option.symbol ? renderMath(option.symbol) : '' }),
        h('td', { class: 'default' }, formatValue(option.default)),
        h('td', { class: 'range' }, formatRange(option)),
        h('td', { class: 'torch' }, option.torch ? h('code', {}, option.torch) : '—'))))));
}

export function optimizerArticle(optimizer) {
  const headingId = `optimizer-${optimizer.type}`;
  return h('article', { class: 'optimizer', 'aria-labelledby': headingId, dataset: { type: optimizer.type } },
    h('h3', { id: headingId }, optimizer.label, ' ', h('code', { class: 'type' }, optimizer.type)),
    optimizer.needsHessian ? h('p', { class: 'badge' }, 'Uses second derivatives (the Hessian)') : null,
    h('div', { class: 'formula', role: 'group', 'aria-label': `Update rule of ${optimizer.label}`,
      html: renderMath(optimizer.formula, { displayMode: true }) }),
    optimizer.torch ? h('p', { class: 'torch-mapping' }, h('span', { class: 'label' }, 'PyTorch: '), h('code', {}, optimizer.torch)) : null,
    optimizer.notes ? h('p', { class: 'notes', html: renderRichText(optimizer.notes) }) : null,
    optionsTable(optimizer));
}

/** Fills `list` with one article per optimizer and `index` (a <ul>) with links to them. */
export function renderOptimizerList(list, index, optimizers) {
  list.replaceChildren(...optimizers.map(optimizerArticle));
  index?.replaceChildren(...optimizers.map((o) =>
    h('li', {}, h('a', { href: `#optimizer-${o.type}` }, o.label))));
}

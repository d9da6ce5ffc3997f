// The custom elements <descent-landscape>, <descent-train>, <descent-momentum>, <descent-decay>,
// <descent-schedules>, <descent-init> and <descent-tour>: each view of the page, configured by
// attributes, for a course page after ONE script tag:
//   <script src="descent-elements.js"></script>
//   <descent-landscape state="f=booth" hide="objective"></descent-landscape>
// Built by vite.elements.config.js into dist/descent-elements.js: one classic script with no
// imports, with the worker (and the WebAssembly inside it) started from a blob: URL, and the styles
// (KaTeX's with its woff2 fonts, uPlot's, the page's scoped to these elements) injected once.
// See elements/ for the pieces; the elements share one worker per page (elements/shared.js).
import 'katex/dist/katex.min.css';
import './styles.css';
import './views/train/train.css';
import './views/schedules/schedules.css';
import './views/init/init.css';
import './elements/elements.css';
import { hideCss } from './elements/hide.js';
import { DescentLandscapeElement } from './elements/landscape.js';
import { DescentDecayElement } from './elements/decay.js';
import { DescentSchedulesElement } from './elements/schedules.js';
import { DescentInitElement } from './elements/init.js';
import { DescentTourElement } from './elements/tour.js';
import { DescentTrainElement } from './elements/train.js';
import { DescentMomentumElement } from './elements/momentum.js';

if (!document.getElementById('descent-elements-hide')) {
  const style = document.createElement('style');
  style.id = 'descent-elements-hide';
  style.textContent = hideCss();
  document.head.append(style);
}

const ELEMENTS = [['descent-landscape', DescentLandscapeElement], ['descent-train', DescentTrainElement], ['descent-momentum', DescentMomentumElement],
  ['descent-decay', DescentDecayElement], ['descent-schedules', DescentSchedulesElement], ['descent-init', DescentInitElement],
  ['descent-tour', DescentTourElement]];
for (const [tag, element] of ELEMENTS) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

export { DescentDecayElement, DescentInitElement, DescentLandscapeElement, DescentMomentumElement, DescentSchedulesElement, DescentTourElement, DescentTrainElement };

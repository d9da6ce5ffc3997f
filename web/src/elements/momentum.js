// <descent-momentum state="m.lr=0.2&m.mom=0.3" hide="quadratic,rule">: the Momentum view
// (views/momentum, unchanged) in the element's light DOM, set up from its attributes.
import { mountMomentum } from '../views/momentum/index.js';
import { decodeMomentumAttribute, momentumAttribute } from './attributes.js';
import { DescentElement } from './base.js';
import { nextIdPrefix } from './shared.js';

export class DescentMomentumElement extends DescentElement {
  get view() { return 'momentum'; }

  mountView(client, registry) {
    const { state, notice } = decodeMomentumAttribute(this.getAttribute('state') ?? '');
    this.setStateNotice(notice);
    this.state = state;
    const view = mountMomentum(this.viewRoot, {
      client, registry, state, idPrefix: nextIdPrefix(),
      onChange: () => this.changed(momentumAttribute(this.state)),
    });
    return { ready: view.ready, view, destroy: () => {} };
  }

  updateState() {
    const { state, notice } = decodeMomentumAttribute(this.getAttribute('state') ?? '');
    this.setStateNotice(notice);
    return this.mounted.view.reload(state);
  }

  /** The current setup as a state attribute's text. */
  get stateText() {
    return this.state ? momentumAttribute(this.state) : (this.getAttribute('state') ?? '');
  }
}

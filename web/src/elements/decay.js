// <descent-decay state="pair=sgd">: the Weight decay view (views/decay) in the element's light DOM,
// with the pair its state names (`pair=adam` or `pair=sgd`, as in the page's URL).
import { mountDecay } from '../views/decay/index.js';
import { decodeDecayAttribute, decayAttribute } from './attributes.js';
import { DescentElement } from './base.js';
import { nextIdPrefix } from './shared.js';

export class DescentDecayElement extends DescentElement {
  get view() { return 'decay'; }

  mountView(client, registry) {
    const { state, notice } = decodeDecayAttribute(this.getAttribute('state') ?? '', registry);
    this.setStateNotice(notice);
    this.state = state;
    const view = mountDecay(this.viewRoot, {
      client, registry, state, idPrefix: nextIdPrefix(), onChange: () => this.changed(decayAttribute(this.state)),
    });
    return { ready: Promise.resolve(), view, destroy: () => view.hide() };
  }

  updateState(registry) {
    const { state, notice } = decodeDecayAttribute(this.getAttribute('state') ?? '', registry);
    this.setStateNotice(notice);
    Object.assign(this.state, state);
    this.mounted.view.reload();
  }

  get stateText() {
    return this.state ? decayAttribute(this.state) : (this.getAttribute('state') ?? '');
  }
}

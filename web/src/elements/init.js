// <descent-init state="initDepth=20&initAct=tanh">: the Initialisation view (views/init) in the
// element's light DOM, with the page URL's init keys (initDepth, initWidth, initAct, initEpochs,
// initStd, initSchemes).
import { mountInit } from '../views/init/index.js';
import { decodeInitAttribute, initAttribute } from './attributes.js';
import { DescentElement } from './base.js';
import { nextIdPrefix } from './shared.js';

export class DescentInitElement extends DescentElement {
  get view() { return 'init'; }

  mountView(client, registry) {
    const { state, notice } = decodeInitAttribute(this.getAttribute('state') ?? '', registry);
    this.setStateNotice(notice);
    this.state = state;
    this.registry = registry;
    const view = mountInit(this.viewRoot, {
      client, state, idPrefix: nextIdPrefix(), onChange: () => this.changed(initAttribute(this.state, registry)),
    });
    return { ready: Promise.resolve(), view, destroy: () => view.hide() };
  }

  updateState(registry) {
    const { state, notice } = decodeInitAttribute(this.getAttribute('state') ?? '', registry);
    this.setStateNotice(notice);
    Object.assign(this.state, state);
    this.mounted.view.reload();
  }

  get stateText() {
    return this.state ? initAttribute(this.state, this.registry) : (this.getAttribute('state') ?? '');
  }
}

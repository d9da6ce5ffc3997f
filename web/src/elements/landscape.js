// <descent-landscape state="f=booth&opt=gd(lr:0.05);adam(lr:0.1)" hide="objective">: the Landscape
// view (views/landscape, unchanged) in the element's light DOM, set up from its attributes.
import { mountLandscape } from '../views/landscape/index.js';
import { decodeLandscapeAttribute, landscapeAttribute } from './attributes.js';
import { DescentElement } from './base.js';
import { nextIdPrefix } from './shared.js';

export class DescentLandscapeElement extends DescentElement {
  get view() { return 'landscape'; }

  mountView(client, registry) {
    const { state, notice } = decodeLandscapeAttribute(this.getAttribute('state') ?? '', registry);
    this.setStateNotice(notice);
    this.registry = registry;
    this.state = state;
    const view = mountLandscape(this.viewRoot, {
      client, registry, state, idPrefix: nextIdPrefix(),
      onChange: () => this.changed(landscapeAttribute(this.state, registry)),
    });
    return { ready: view.ready, view, destroy: () => {} };
  }

  updateState(registry) {
    const { state, notice } = decodeLandscapeAttribute(this.getAttribute('state') ?? '', registry);
    this.setStateNotice(notice);
    return this.mounted.view.reload(state);
  }

  /** The current setup as a state attribute's text. */
  get stateText() {
    return this.state && this.registry ? landscapeAttribute(this.state, this.registry) : (this.getAttribute('state') ?? '');
  }
}

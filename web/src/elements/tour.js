// <descent-tour state="tour=momentum" hide="list">: the guided tour (views/tour) in the element's
// light DOM, starting at the step its state names (`tour=` and `present=1`, as in the page's
// URL). Its arrow keys are heard inside the element only, and presenter mode enlarges the
// element, not the course page around it.
import { mountTour } from '../views/tour/index.js';
import { decodeTourAttribute, tourAttribute } from './attributes.js';
import { DescentElement } from './base.js';
import { nextIdPrefix } from './shared.js';

export class DescentTourElement extends DescentElement {
  get view() { return 'tour'; }

  mountView(client, registry) {
    const { state, notice } = decodeTourAttribute(this.getAttribute('state') ?? '', registry);
    this.setStateNotice(notice);
    this.state = state;
    const view = mountTour(this.viewRoot, {
      client, registry, state, idPrefix: nextIdPrefix(), presenterRoot: this, keyTarget: this,
      onChange: () => this.changed(tourAttribute(this.state)),
    });
    view.show();
    return { ready: Promise.resolve(), view, destroy: () => view.destroy() };
  }

  updateState(registry) {
    const { state, notice } = decodeTourAttribute(this.getAttribute('state') ?? '', registry);
    this.setStateNotice(notice);
    Object.assign(this.state, state);
    this.mounted.view.reload();
  }

  /** The current step as a state attribute's text. */
  get stateText() {
    return this.state ? tourAttribute(this.state) : (this.getAttribute('state') ?? '');
  }
}

// <descent-train state="t.data=spiral&t.epochs=50" hide="data,network">: the Train view
// (views/train, unchanged) in the element's light DOM, set up from its attributes.
import { mountTrainView } from '../views/train/index.js';
import { decodeTrainAttribute, trainAttribute } from './attributes.js';
import { DescentElement } from './base.js';

export class DescentTrainElement extends DescentElement {
  get view() { return 'train'; }

  mountView(client, registry) {
    const trainRegistry = { datasets: registry.datasets, optimizers: registry.optimizers };
    const { state, notice } = decodeTrainAttribute(this.getAttribute('state') ?? '', trainRegistry);
    this.setStateNotice(notice);
    this.registry = trainRegistry;
    this.state = state;
    const view = mountTrainView(this.viewRoot, client, {
      state,
      onStateChange: (next) => { this.state = next; this.changed(trainAttribute(next, trainRegistry)); },
    });
    return { ready: view.ready, view, destroy: () => view.destroy() };
  }

  updateState() {
    const { state, notice } = decodeTrainAttribute(this.getAttribute('state') ?? '', this.registry);
    this.setStateNotice(notice);
    this.state = state;
    this.mounted.view.setState(state);
  }

  /** The current setup as a state attribute's text. */
  get stateText() {
    return this.state && this.registry ? trainAttribute(this.state, this.registry) : (this.getAttribute('state') ?? '');
  }
}

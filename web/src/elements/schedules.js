// <descent-schedules state="sched=constant,cosineWarmRestarts&schedLr=0.1&schedEpochs=70">: the
// Schedules view (views/schedules) in the element's light DOM, with the page URL's schedule keys.
import { mountSchedules } from '../views/schedules/index.js';
import { decodeSchedulesAttribute, schedulesAttribute } from './attributes.js';
import { DescentElement } from './base.js';
import { nextIdPrefix } from './shared.js';

export class DescentSchedulesElement extends DescentElement {
  get view() { return 'schedules'; }

  mountView(client, registry) {
    const { state, notice } = decodeSchedulesAttribute(this.getAttribute('state') ?? '', registry);
    this.setStateNotice(notice);
    this.state = state;
    this.registry = registry;
    const view = mountSchedules(this.viewRoot, {
      client, state, idPrefix: nextIdPrefix(), onChange: () => this.changed(schedulesAttribute(this.state, registry)),
    });
    return { ready: view.ready, view, destroy: () => view.hide() };
  }

  updateState(registry) {
    const { state, notice } = decodeSchedulesAttribute(this.getAttribute('state') ?? '', registry);
    this.setStateNotice(notice);
    Object.assign(this.state, state);
    this.mounted.view.reload();
  }

  get stateText() {
    return this.state ? schedulesAttribute(this.state, this.registry) : (this.getAttribute('state') ?? '');
  }
}

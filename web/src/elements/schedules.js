// <descent-schedules state="sched=constant,cosineWarmRestarts&schedLr=0.1&schedEpochs=70&schedArgs=...">: the
// Schedules view (views/schedules) in the element's light DOM, with the page URL's schedule keys.
import { mountSchedules } from '../views/schedules/index.js';
import { decodeSchedulesAttribute, schedulesAttribute } from './attributes.js';
import { stateElement } from './state-element.js';

export const DescentSchedulesElement = stateElement({
  view: 'schedules', mount: mountSchedules, decode: decodeSchedulesAttribute, encode: schedulesAttribute,
});

// <descent-decay state="pair=sgd">: the Weight decay view (views/decay) in the element's light DOM,
// with the pair its state names (`pair=adam` or `pair=sgd`, as in the page's URL).
import { mountDecay } from '../views/decay/index.js';
import { decodeDecayAttribute, decayAttribute } from './attributes.js';
import { stateElement } from './state-element.js';

export const DescentDecayElement = stateElement({ view: 'decay', mount: mountDecay, decode: decodeDecayAttribute, encode: decayAttribute });

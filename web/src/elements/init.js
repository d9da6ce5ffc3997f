// <descent-init state="initDepth=20&initAct=tanh">: the Initialisation view (views/init) in the
// element's light DOM, with the page URL's init keys (initDepth, initWidth, initAct, initEpochs,
// initStd, initSchemes).
import { mountInit } from '../views/init/index.js';
import { decodeInitAttribute, initAttribute } from './attributes.js';
import { stateElement } from './state-element.js';

export const DescentInitElement = stateElement({ view: 'init', mount: mountInit, decode: decodeInitAttribute, encode: initAttribute });

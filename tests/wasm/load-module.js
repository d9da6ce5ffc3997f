// One place that loads the built module for the WASM tests (build/wasm/descent.mjs, made by
// `npm run build`), and reads the golden fixtures generated with PyTorch.
import { readFileSync } from 'node:fs';
import createDescent from '../../build/wasm/descent.mjs';

let modulePromise;
export function loadDescent() {
  modulePromise ??= createDescent();
  return modulePromise;
}

export function readFixture(name) {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));
}

// Largest |actual - expected| over the vector, relative to the vector's own scale (so that an
// entry passing through zero is not held to an impossible relative standard).
export function relativeError(actual, expected) {
  let scale = 0;
  let worst = 0;
  for (let i = 0; i < expected.length; i++) scale = Math.max(scale, Math.abs(expected[i]));
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
  return worst / Math.max(scale, Number.MIN_VALUE);
}

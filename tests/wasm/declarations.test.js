// build/wasm/descent.d.mts must declare exactly what the module binds: every Embind function
// and method, and nothing that is not there.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDescent } from './load-module.js';

const declarations = readFileSync(new URL('../../build/wasm/descent.d.mts', import.meta.url), 'utf8');
const EMBIND_INTERNALS = new Set(['constructor', 'clone', 'delete', 'isAliasOf', 'isDeleted', 'deleteLater']);

// Member names of `export interface Name { ... }` (methods and properties at its top level).
function declaredMembers(name) {
  const start = declarations.indexOf(`export interface ${name} {`);
  if (start < 0) throw new Error(`interface ${name} is not declared`);
  let depth = 0;
  let body = '';
  for (let i = declarations.indexOf('{', start); i < declarations.length; i++) {
    const c = declarations[i];
    if (c === '{') depth++;
    if (c === '}' && --depth === 0) break;
    if (depth === 1) body += c;
  }
  const members = [...body.matchAll(/^\s*(\w+)\??\s*[(:]/gm)].map((m) => m[1]);
  return new Set(members.filter((m) => !EMBIND_INTERNALS.has(m)));
}

describe('TypeScript declarations match the bound module', async () => {
  const d = await loadDescent();
  const boundFunctions = new Set(Object.keys(d).filter((k) => typeof d[k] === 'function' && typeof d[k].argCount === 'number'));
  // Written in JavaScript (api.post.js), not bound by Embind.
  const scriptFunctions = ['loadDataset'];
  const boundClasses = new Set(Object.keys(d).filter((k) => typeof d[k] === 'function' && d[k].prototype?.isAliasOf));
  const methods = (cls) => new Set(Object.getOwnPropertyNames(d[cls].prototype).filter((m) => !EMBIND_INTERNALS.has(m)));

  it('finds the bound names (the check has something to check)', () => {
    expect(boundFunctions.size).toBeGreaterThanOrEqual(10);
    expect([...boundClasses].sort()).toEqual(['Experiment', 'Network', 'Objective', 'Optimizer']);
  });

  it('declares every module function and class, and no others', () => {
    for (const name of scriptFunctions) expect(typeof d[name], name).toBe('function');
    expect([...declaredMembers('DescentModule')].sort()).toEqual([...boundFunctions, ...boundClasses, ...scriptFunctions].sort());
  });

  it.each(['Optimizer', 'Objective', 'Experiment', 'Network'])('declares the methods of %s', (cls) => {
    expect([...declaredMembers(cls)].sort()).toEqual([...methods(cls)].sort());
  });

  it('declares the default export as the factory', () => {
    expect(declarations).toMatch(/export default function createDescent\(/);
  });
});

import { describe, expect, it } from 'vitest';
import { errorMessage, handleMessage, handlers } from '../../web/src/worker/handlers.js';

const optimizers = [{ type: 'sgd', label: 'SGD', formula: 'x', torch: '', notes: '', needsHessian: false, options: [] }];
const fakeModule = (listOptimizers) => ({ listOptimizers });

describe('worker handlers', () => {
  it('answers listOptimizers with ok and the module result', async () => {
    const reply = await handleMessage(fakeModule(() => optimizers), { id: 7, type: 'listOptimizers' });
    expect(reply).toEqual({ id: 7, ok: true, result: optimizers });
  });

  it('accepts a promise of the module', async () => {
    const reply = await handleMessage(Promise.resolve(fakeModule(() => optimizers)), { id: 1, type: 'listOptimizers' });
    expect(reply).toEqual({ id: 1, ok: true, result: optimizers });
  });

  it('turns a thrown Error into { ok: false, error: message }', async () => {
    const reply = await handleMessage(fakeModule(() => { throw new Error('lr must be > 0'); }), { id: 2, type: 'listOptimizers' });
    expect(reply).toEqual({ id: 2, ok: false, error: 'lr must be > 0' });
  });

  it('turns a thrown non-Error into its string', async () => {
    const reply = await handleMessage(fakeModule(() => { throw 'plain string'; }), { id: 3, type: 'listOptimizers' });
    expect(reply).toEqual({ id: 3, ok: false, error: 'plain string' });
  });

  it('reports a module that failed to load', async () => {
    const failed = Promise.reject(new Error('bad magic number'));
    const reply = await handleMessage(failed, { id: 4, type: 'listOptimizers' });
    expect(reply.ok).toBe(false);
    expect(reply.id).toBe(4);
    expect(reply.error).toContain('bad magic number');
  });

  it('rejects unknown and malformed requests', async () => {
    const module = fakeModule(() => optimizers);
    expect(await handleMessage(module, { id: 5, type: 'nope' })).toEqual({ id: 5, ok: false, error: 'Unknown request type: nope' });
    expect(await handleMessage(module, { id: 6, type: 'toString' })).toMatchObject({ id: 6, ok: false });
    expect(await handleMessage(module, null)).toMatchObject({ id: undefined, ok: false });
    expect(await handleMessage(module, { id: 8 })).toMatchObject({ id: 8, ok: false });
  });

  it('exposes listOptimizers as a plain function of the module', () => {
    expect(handlers.listOptimizers(fakeModule(() => 'x'))).toBe('x');
    expect(errorMessage({ message: 'from an object' })).toBe('from an object');
  });
});

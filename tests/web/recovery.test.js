// The page's recovery from a dead module: reload once with a note, never in a loop.
import { describe, expect, it } from 'vitest';
import { restartAfterFatal, takeRestartNotice } from '../../web/src/recovery.js';

function memoryStorage() {
  const items = new Map();
  return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => { items.set(k, String(v)); } };
}

describe('recovery from a dead module', () => {
  it('reloads once with a note, then says what happened once', () => {
    const storage = memoryStorage();
    let reloads = 0;
    const error = new Error('The computation engine stopped (abort())');
    expect(restartAfterFatal(error, { storage, reload: () => reloads++, now: 1000 })).toBe(true);
    expect(reloads).toBe(1);
    expect(takeRestartNotice({ storage })).toBe('The computation engine stopped (abort()); the page restarted it with your setup (a run in progress starts again from its beginning).');
    expect(takeRestartNotice({ storage })).toBeNull();
    // Dying again within a minute: no second reload (the caller shows the error).
    expect(restartAfterFatal(error, { storage, reload: () => reloads++, now: 30000 })).toBe(false);
    expect(reloads).toBe(1);
    // Much later it may restart again.
    expect(restartAfterFatal(error, { storage, reload: () => reloads++, now: 120000 })).toBe(true);
    expect(reloads).toBe(2);
  });

  it('does not reload without storage, or when storage refuses', () => {
    let reloads = 0;
    expect(restartAfterFatal(new Error('x'), { storage: null, reload: () => reloads++ })).toBe(false);
    const refusing = { getItem: () => null, setItem: () => { throw new Error('SecurityError'); } };
    expect(restartAfterFatal(new Error('x'), { storage: refusing, reload: () => reloads++ })).toBe(false);
    expect(reloads).toBe(0);
    expect(takeRestartNotice({ storage: { getItem: () => '{bad json' } })).toBeNull();
  });
});

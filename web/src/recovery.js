// When the worker's module dies (a trap or abort inside the WebAssembly), the page reloads itself:
// every view writes its settings into the URL as they change, so the new page, with a new worker,
// has the same setup, and a note kept in sessionStorage makes it say what happened. A second death
// within a minute is not retried (a module that dies as it starts would reload for ever): the
// caller shows the error instead. Pure but for its defaults, so tests/web/recovery.test.js runs it.

const KEY = 'descent-restarted';
const RETRY_AFTER_MS = 60000;

function read(storage) {
  try {
    return JSON.parse(storage.getItem(KEY) ?? 'null');
  } catch {
    return null;
  }
}

/** Reloads for a fatal error and returns true, or returns false (too soon again, or no storage). */
export function restartAfterFatal(error, { storage = globalThis.sessionStorage, reload = () => globalThis.location.reload(), now = Date.now() } = {}) {
  const last = storage ? read(storage) : null;
  if (!storage || (last && now - last.at < RETRY_AFTER_MS)) return false;
  try {
    storage.setItem(KEY, JSON.stringify({ at: now, message: String(error?.message ?? error), shown: false }));
  } catch {
    return false; // storage refused (a sandboxed frame): better the error than a silent reload
  }
  reload();
  return true;
}

/** The notice for a page that was just restarted (once), or null. */
export function takeRestartNotice({ storage = globalThis.sessionStorage } = {}) {
  const last = storage ? read(storage) : null;
  if (!last || last.shown) return null;
  try {
    storage.setItem(KEY, JSON.stringify({ ...last, shown: true }));
  } catch { /* shown once more next time: harmless */ }
  return `${last.message}; the page restarted it with your setup (a run in progress starts again from its beginning).`;
}

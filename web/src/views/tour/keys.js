// The tour's keyboard: which key presses it takes (pure, tested in Node). Arrow keys belong to
// whatever has focus when that is a field, a slider, a menu or the tab list (the tabs move with
// them), so the tour only takes keys that reach it from the page itself, without modifiers.

const OWN_KEYS = 'input, select, textarea, button[role="tab"], [role="tab"], [role="slider"], [contenteditable=""], [contenteditable="true"], dialog';

/** True when the tour may act on this keydown event. */
export function isTourKey(event) {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return false;
  const target = event.target;
  if (target && typeof target.closest === 'function' && target.closest(OWN_KEYS)) return false;
  return tourKeyAction(event.key) !== null;
}

/** 'next' | 'previous' | 'leave-presenter' | null for a KeyboardEvent.key. */
export function tourKeyAction(key) {
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
      return 'next';
    case 'ArrowLeft':
    case 'PageUp':
      return 'previous';
    case 'Escape':
      return 'leave-presenter';
    default:
      return null;
  }
}

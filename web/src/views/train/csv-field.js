// The Train view's CSV input: a text box, a file picker, and files dropped on the box. Text past
// the library's 20 MB limit never enters the box: a file is refused from its size before it is
// read, and a paste or drop is refused from its length before the browser inserts it (laying out
// a 100 MB text box freezes the tab for minutes, long before the limit's own message could show).
import { h } from '../dom.js';
import { CSV_MAX_BYTES } from './spec.js';

const LIMIT = '20 MB';

/**
 * The field: `text` to start with; onText(text) when the box's text changes (on change, or a file
 * read); showError(message) / clearError() for what is refused.
 */
export function csvField({ id, text, onText, showError, clearError }) {
  const area = h('textarea', { id, rows: 6, spellcheck: 'false', placeholder: 'x1,x2,label\n0.5,1.2,0\n-0.3,0.8,1\n…', 'aria-describedby': `${id}-error` });
  area.value = text ?? '';
  area.addEventListener('change', () => onText(area.value));

  async function load(file) {
    if (file.size > CSV_MAX_BYTES) {
      showError(`csv: the file is larger than ${LIMIT} (${file.size} bytes); use a smaller table`);
      return;
    }
    area.value = await file.text();
    clearError();
    onText(area.value);
  }

  // The box's length once `inserted` replaces its selection: what a paste or a dropped text makes.
  const lengthWith = (inserted) => area.value.length - (area.selectionEnd - area.selectionStart) + inserted.length;
  function refuseLong(event, inserted, how) {
    if (lengthWith(inserted) <= CSV_MAX_BYTES) return false;
    event.preventDefault();
    showError(`csv: the ${how} text would make the table larger than ${LIMIT} (${lengthWith(inserted)} characters); load a smaller table`);
    return true;
  }
  area.addEventListener('paste', (event) => refuseLong(event, event.clipboardData?.getData('text/plain') ?? '', 'pasted'));
  // A text box takes dropped text by itself; dropped files only when dragover says it will.
  area.addEventListener('dragover', (event) => { if (event.dataTransfer?.types?.includes('Files')) event.preventDefault(); });
  area.addEventListener('drop', (event) => {
    const file = event.dataTransfer?.files?.[0];
    if (file) {
      event.preventDefault(); // the browser would open the file in place of the page
      load(file);
      return;
    }
    refuseLong(event, event.dataTransfer?.getData('text/plain') ?? '', 'dropped');
  });

  const picker = h('input', { type: 'file', id: `${id}-file`, accept: '.csv,.txt,text/csv,text/plain' });
  picker.addEventListener('change', () => {
    const chosen = picker.files?.[0];
    picker.value = ''; // choosing the same file again reads it again
    if (chosen) load(chosen);
  });

  return h('div', { class: 'tv-field csv' },
    h('label', { for: id }, 'CSV (numbers; the last column is the label or target; or drop a file here)'), area,
    h('label', { class: 'csv-file', for: picker.id }, 'or load a file: '), picker,
    h('p', { id: `${id}-error`, class: 'csv-error', role: 'alert', hidden: true }));
}

// Pure helpers shared by the views' exports (train history, landscape race): CSV cells, unique
// labels, file names. No DOM; tested in Node (tests/web/train-export.test.js, tests/web/elements-export.test.js).

/** Labels made unique by appending " (2)", " (3)", ... to repeats, so that rows can be grouped. */
export function uniqueLabels(labels) {
  const seen = new Map();
  return labels.map((label) => {
    const text = String(label ?? '');
    const n = (seen.get(text) ?? 0) + 1;
    seen.set(text, n);
    return n === 1 ? text : `${text} (${n})`;
  });
}

/** A number as a CSV cell: shortest round-trip text; NaN, ±Infinity, null and undefined are empty. */
export function csvNumber(value) {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

/**
 * A text as a CSV cell: quoted when it holds a comma, quote or line break (quotes doubled), and
 * prefixed with ' when a spreadsheet would read it as a formula (=, +, -, @, tab, CR).
 */
export function csvText(value) {
  let text = String(value ?? '');
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Reads a CSV line of historyToCsv back into cells (for tests and round trips). */
export function parseCsvLine(line) {
  const cells = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let text = '';
      i += 1;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') { text += '"'; i += 2; } else if (line[i] === '"') { i += 1; break; } else { text += line[i]; i += 1; }
      }
      cells.push(text);
      i += 1; // the comma
    } else {
      const end = line.indexOf(',', i);
      const stop = end < 0 ? line.length : end;
      cells.push(line.slice(i, stop));
      i = stop + 1;
    }
  }
  return cells;
}

/** A file name stem safe everywhere: letters, digits, '-' (e.g. "descent-spiral-epoch-40"). */
export function fileStem(...parts) {
  return parts.map((p) => String(p ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')).filter(Boolean).join('-') || 'descent';
}

// The run's history as files: CSV (one row per optimizer and epoch, RFC 4180) and JSON (one object
// per optimizer, one array per column). Pure, tested in Node (tests/web/train-export.test.js);
// the download itself (Blob + a temporary <a download>) is downloadBlob(), which needs a page.
//
// `history`: per optimizer the epoch points trainHistory returns ({ epoch, trainLoss, testLoss,
// trainAccuracy, testAccuracy, gradNorm, weightNorm, lr, diverged, divergedAt, reason }; missing
// or null columns are empty). `labels`: one display name per optimizer.

export const HISTORY_COLUMNS = ['epoch', 'trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy', 'gradNorm', 'weightNorm', 'lr'];
export const CSV_HEADER = ['optimizer', ...HISTORY_COLUMNS];
export const JSON_FORMAT = 'descent-train-history';

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

/** The CSV text: a header line, then one line per optimizer and epoch; CRLF line ends. */
export function historyToCsv(history, labels) {
  const names = uniqueLabels(history.map((_, k) => labels?.[k] ?? `optimizer ${k + 1}`));
  const lines = [CSV_HEADER.join(',')];
  history.forEach((h, k) => {
    const n = h?.epoch?.length ?? 0;
    for (let i = 0; i < n; i++) {
      lines.push([csvText(names[k]), ...HISTORY_COLUMNS.map((c) => csvNumber(h[c]?.[i]))].join(','));
    }
  });
  return `${lines.join('\r\n')}\r\n`;
}

const jsonNumber = (value) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/**
 * The JSON document (an object; JSON.stringify it): { format, version, exportedAt, setup,
 * stepsPerEpoch, optimizers: [{ index, label, spec, diverged, divergedAt, reason, epoch: [...],
 * trainLoss: [...], ... }] }. Non-finite values become null; absent columns are null.
 */
export function historyToJson(history, labels, { spec = null, stepsPerEpoch = null, state = null, exportedAt = null } = {}) {
  const names = uniqueLabels(history.map((_, k) => labels?.[k] ?? `optimizer ${k + 1}`));
  return {
    format: JSON_FORMAT,
    version: 1,
    exportedAt,
    setup: { spec, state },
    stepsPerEpoch,
    optimizers: history.map((h, k) => {
      const out = {
        index: k,
        label: names[k],
        spec: spec?.optimizers?.[k] ?? null,
        diverged: Boolean(h?.diverged),
        divergedAt: h?.diverged ? h.divergedAt : null,
        reason: h?.reason || '',
      };
      for (const c of HISTORY_COLUMNS) out[c] = h?.[c] ? Array.from(h[c], jsonNumber) : null;
      return out;
    }),
  };
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

/** Starts a download of `blob` as `filename` (a temporary object URL and <a download>). Page only. */
export function downloadBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// The run's history as files: CSV (one row per optimizer and epoch, RFC 4180) and JSON (one object
// per optimizer, one array per column). Pure, tested in Node (tests/web/train-export.test.js);
// the download itself (Blob + a temporary <a download>) is downloadBlob(), which needs a page.
//
// `history`: per optimizer the epoch points trainHistory returns ({ epoch, trainLoss, testLoss,
// trainAccuracy, testAccuracy, gradNorm, weightNorm, lr, diverged, divergedAt, reason }; missing
// or null columns are empty). `labels`: one display name per optimizer.

import { csvNumber, csvText, fileStem, parseCsvLine, uniqueLabels } from '../../export/csv.js';
import { downloadBlob } from '../../export/download.js';

// Re-exported: they used to live here (tests and callers import them from this module).
export { csvNumber, csvText, downloadBlob, fileStem, parseCsvLine, uniqueLabels };

export const HISTORY_COLUMNS = ['epoch', 'trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy', 'gradNorm', 'weightNorm', 'lr'];
export const CSV_HEADER = ['optimizer', ...HISTORY_COLUMNS];
export const JSON_FORMAT = 'descent-train-history';

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

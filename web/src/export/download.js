// The download itself: a Blob saved under a file name. Page only (needs document and URL).

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

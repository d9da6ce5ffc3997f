// LaTeX to HTML (+ MathML for screen readers) with KaTeX; a formula with an error shows in red
// instead of throwing.
import katex from 'katex';

export function renderMath(tex, { displayMode = false } = {}) {
  return katex.renderToString(String(tex ?? ''), { displayMode, throwOnError: false });
}

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Prose with inline $...$ math (the registry's notes) as HTML: text escaped, math typeset. */
export function renderRichText(text) {
  return String(text ?? '')
    .split(/(\$[^$]+\$)/)
    .map((part) => (part.length > 2 && part.startsWith('$') && part.endsWith('$')
      ? renderMath(part.slice(1, -1))
      : escapeHtml(part)))
    .join('');
}

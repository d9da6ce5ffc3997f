// LaTeX to HTML (+ MathML for screen readers) with KaTeX; a formula with an error shows in red
// instead of throwing.
import katex from 'katex';

export function renderMath(tex, { displayMode = false } = {}) {
  return katex.renderToString(String(tex ?? ''), { displayMode, throwOnError: false });
}

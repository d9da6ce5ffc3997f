// The embed snippets the page's "Copy embed code" dialog offers: a custom element after one script
// tag, or an iframe of the page itself. Pure, tested in Node (tests/web/elements.test.js).

/** Text for an HTML attribute value in double quotes. */
export function escapeAttribute(value) {
  return String(value ?? '').replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export const ELEMENT_TAGS = Object.freeze({
  landscape: 'descent-landscape', train: 'descent-train', momentum: 'descent-momentum', decay: 'descent-decay', schedules: 'descent-schedules', init: 'descent-init', tour: 'descent-tour',
});

/** The URL of descent-elements.js beside the page at `pageUrl` (same folder, no hash or query). */
export function scriptUrl(pageUrl) {
  const url = new URL('descent-elements.js', pageUrl);
  url.hash = '';
  url.search = '';
  return url.href;
}

/**
 * `<script src="..."></script>` and the element, e.g.
 * <descent-landscape state="f=booth" hide="objective"></descent-landscape>.
 * state and hide are left out when empty.
 */
export function elementSnippet({ view, state = '', hide = '', src }) {
  const tag = ELEMENT_TAGS[view];
  if (!tag) throw new Error(`unknown view ${view}`);
  const attrs = [];
  if (state) attrs.push(` state="${escapeAttribute(state)}"`);
  if (hide) attrs.push(` hide="${escapeAttribute(hide)}"`);
  return `<script src="${escapeAttribute(src)}"></script>\n<${tag}${attrs.join('')}></${tag}>`;
}

/** An iframe of the page at `url` (with its hash: the setup). */
export function iframeSnippet({ url, title = 'Descent: optimizers for training neural networks', height = 900 }) {
  return `<iframe src="${escapeAttribute(url)}" title="${escapeAttribute(title)}" width="100%" height="${Number(height) || 900}" `
    + 'style="border: 0" loading="lazy"></iframe>';
}

// The page's "Copy embed code" dialog: the current setup as a custom element after one script tag,
// or as an iframe of this page, with check boxes for the control groups a lesson hides (the
// element's `hide` attribute). A <dialog> opened modally (Escape closes it, focus returns to the
// button), labelled by its heading; each snippet is copied with navigator.clipboard, or selected
// for Ctrl+C when the clipboard is not available. The snippets are built by elements/snippets.js.
import { h } from '../views/dom.js';
import { GROUPS, formatHide } from '../elements/hide.js';
import { elementSnippet, iframeSnippet, scriptUrl } from '../elements/snippets.js';

let uid = 0;
const VIEWS = ['landscape', 'train', 'momentum', 'decay', 'init', 'schedules', 'tour'];
const LABELS = { landscape: 'Landscape', train: 'Train', momentum: 'Momentum', decay: 'Weight decay', init: 'Initialisation', schedules: 'Schedules', tour: 'Tour (from this step)' };

/**
 * opener: the button that opens it. current(): { view: 'landscape' | 'train' | 'momentum' | 'decay' | 'init' | 'schedules' | 'tour', stateText(view),
 * pageUrl(view) } at the time of opening (the page's live setup).
 */
export function createEmbedDialog(opener, { current }) {
  const id = `embed-${++uid}`;
  const title = h('h2', { id: `${id}-title` }, 'Embed this setup');
  const viewRadios = VIEWS.map((view) => h('input', { type: 'radio', name: `${id}-view`, id: `${id}-view-${view}`, value: view }));
  const hideList = h('div', { class: 'embed-hide-list' });
  const elementText = h('textarea', { id: `${id}-element`, class: 'embed-code', rows: 3, readonly: true, spellcheck: 'false' });
  const iframeText = h('textarea', { id: `${id}-iframe`, class: 'embed-code', rows: 4, readonly: true, spellcheck: 'false' });
  const copyElement = h('button', { type: 'button', class: 'button primary' }, 'Copy element code');
  const copyIframe = h('button', { type: 'button', class: 'button' }, 'Copy iframe code');
  const status = h('p', { class: 'embed-status', role: 'status', 'aria-live': 'polite' });
  const close = h('button', { type: 'button', class: 'button' }, 'Close');
  const dialog = h('dialog', { class: 'embed-dialog', 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-intro` },
    h('div', { class: 'embed-head' }, title, close),
    h('p', { id: `${id}-intro`, class: 'embed-intro' },
      'Put Descent into a course page: one script tag and an element with this setup, or an iframe of this page.'),
    h('fieldset', { class: 'embed-views' }, h('legend', {}, 'View'),
      viewRadios.map((radio) => h('span', { class: 'embed-choice' }, radio, h('label', { for: radio.id }, LABELS[radio.value])))),
    h('fieldset', { class: 'embed-hide' }, h('legend', {}, 'Hide these controls (the element\'s hide attribute; their values still apply)'), hideList),
    h('div', { class: 'embed-section' },
      h('label', { for: elementText.id }, 'Custom element (needs descent-elements.js beside this page, or copied to your site)'),
      elementText, copyElement),
    h('div', { class: 'embed-section' },
      h('label', { for: iframeText.id }, 'Iframe of this page (all tabs; hiding controls needs the element)'),
      iframeText, copyIframe),
    status);
  document.body.append(dialog);

  let view = 'landscape';
  let info = null;
  const hidden = Object.fromEntries(VIEWS.map((v) => [v, new Set()]));

  function renderHideList() {
    hideList.replaceChildren(...GROUPS[view].map((group) => {
      const box = h('input', { type: 'checkbox', id: `${id}-hide-${group.name}`, value: group.name, checked: hidden[view].has(group.name) });
      box.addEventListener('change', () => {
        if (box.checked) hidden[view].add(group.name); else hidden[view].delete(group.name);
        update();
      });
      return h('span', { class: 'embed-choice' }, box, h('label', { for: box.id }, h('code', {}, group.name), ' ', group.label));
    }));
  }

  function update() {
    const pageUrl = info.pageUrl(view);
    elementText.value = elementSnippet({ view, state: info.stateText(view), hide: formatHide([...hidden[view]], view), src: scriptUrl(pageUrl) });
    iframeText.value = iframeSnippet({ url: pageUrl });
    dialog.dataset.view = view;
    status.textContent = '';
  }

  function setView(next) {
    view = next;
    viewRadios.forEach((r) => { r.checked = r.value === view; });
    renderHideList();
    update();
  }
  viewRadios.forEach((radio) => radio.addEventListener('change', () => { if (radio.checked) setView(radio.value); }));

  async function copy(textarea, what) {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(textarea.value);
      status.textContent = `The ${what} code is copied.`;
      dialog.dataset.copied = what;
    } catch {
      textarea.focus();
      textarea.select();
      status.textContent = `The ${what} code is selected: press Ctrl+C (⌘C) to copy it.`;
      dialog.dataset.copied = 'selected';
    }
  }
  copyElement.addEventListener('click', () => copy(elementText, 'element'));
  copyIframe.addEventListener('click', () => copy(iframeText, 'iframe'));
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => opener.focus());

  opener.addEventListener('click', () => {
    info = current();
    setView(VIEWS.includes(info.view) ? info.view : 'landscape');
    delete dialog.dataset.copied;
    dialog.showModal();
    elementText.focus();
    elementText.select();
  });
  return { dialog };
}

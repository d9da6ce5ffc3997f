// The part both custom elements share: light DOM (the page's stylesheet, scoped to the elements,
// is injected once per document by elements.js), a notice line for bad attributes, a status line
// while loading, and the `hide` attribute mirrored as data-hide for the CSS of hide.js.
import { h } from '../views/dom.js';
import { hideNotice, parseHide } from './hide.js';
import { onDescentRestart, sharedDescent } from './shared.js';

export class DescentElement extends HTMLElement {
  static observedAttributes = ['state', 'hide'];

  /** 'landscape' | 'train' (set by the subclass). */
  get view() { return ''; }

  constructor() {
    super();
    this.mounted = null; // the view's handle once mounted
    this.mounting = null;
    this.stateNotice = null;
    this.hideMessage = null;
    this.restartMessage = null; // set when the shared module died and this view was mounted again
  }

  connectedCallback() {
    this.applyHide();
    this.stopListening ??= onDescentRestart((error) => this.restart(error));
    if (this.mounted || this.mounting) return;
    this.noticeBox = h('div', { class: 'notice descent-notice', role: 'status', hidden: true });
    this.statusLine = h('p', { class: 'status descent-status', role: 'status' }, 'Loading Descent…');
    this.viewRoot = h('div', { class: 'descent-view' });
    this.replaceChildren(this.noticeBox, this.statusLine, this.viewRoot);
    const { client, registries } = sharedDescent();
    this.mounting = registries
      .then((registry) => {
        if (!this.isConnected) return;
        this.mounted = this.mountView(client, registry);
        return this.mounted.ready;
      })
      .then(() => {
        if (!this.mounted) return; // disconnected meanwhile
        this.statusLine.hidden = true;
        this.dataset.ready = 'true';
        this.dispatchEvent(new CustomEvent('descent-ready', { bubbles: true }));
      })
      .catch((error) => {
        this.statusLine.hidden = false;
        this.statusLine.className = 'error descent-error';
        this.statusLine.setAttribute('role', 'alert');
        this.statusLine.textContent = `Descent could not start: ${error?.message ?? error}`;
        this.dataset.ready = 'error';
      })
      .finally(() => { this.mounting = null; });
  }

  disconnectedCallback() {
    this.unmount();
    this.stopListening?.();
    this.stopListening = null;
  }

  unmount() {
    this.mounted?.destroy?.();
    this.mounted = null;
    delete this.dataset.ready;
  }

  /** The shared module died and a new worker took over: mount the view again with its current state. */
  restart(error) {
    const state = this.mounted ? this.stateText : null;
    this.unmount();
    if (state !== null) this.setAttribute('state', state); // not mounted: only recorded
    this.restartMessage = `${error.message}; restarted with this setup.`;
    this.mounting = null;
    this.connectedCallback();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (name === 'hide') this.applyHide();
    else if (name === 'state' && this.mounted) sharedDescent().registries.then((registry) => this.mounted && this.updateState(registry));
  }

  applyHide() {
    const { groups, unknown } = parseHide(this.getAttribute('hide') ?? '', this.view);
    if (groups.length) this.dataset.hide = groups.join(' ');
    else delete this.dataset.hide;
    this.hideMessage = hideNotice(unknown, this.view);
    this.showNotices();
  }

  setStateNotice(notice) {
    this.stateNotice = notice;
    this.showNotices();
  }

  showNotices() {
    if (!this.noticeBox) return;
    const text = [this.restartMessage, this.stateNotice, this.hideMessage].filter(Boolean).join(' ');
    this.noticeBox.textContent = text;
    this.noticeBox.hidden = !text;
  }

  /** Tells the host page the view's setup changed: `descent-change` with { state } (the attribute's text). */
  changed(state) {
    this.dispatchEvent(new CustomEvent('descent-change', { bubbles: true, detail: { state } }));
  }
}

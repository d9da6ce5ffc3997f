// The elements whose view keeps its settings in a slice of the page's state (Weight decay,
// Schedules, Initialisation): the state attribute is decoded into that slice, the view is mounted
// on it, changes are reported as the slice's attribute text, and a new attribute is merged into
// the same object and the view reloaded. One class per view, made here, so they cannot drift.
import { DescentElement } from './base.js';
import { nextIdPrefix } from './shared.js';

/**
 * view: the element's view name (hide groups, snippets); mount(root, options): the view's mount
 * function (returns { reload(), hide(), ready? }); decode(text, registry) -> { state, notice };
 * encode(state, registry) -> the attribute's text.
 */
export function stateElement({ view, mount, decode, encode }) {
  return class extends DescentElement {
    get view() { return view; }

    mountView(client, registry) {
      const { state, notice } = decode(this.getAttribute('state') ?? '', registry);
      this.setStateNotice(notice);
      this.state = state;
      this.registry = registry;
      const handle = mount(this.viewRoot, {
        client, registry, state, idPrefix: nextIdPrefix(), onChange: () => this.changed(encode(this.state, registry)),
      });
      return { ready: handle.ready ?? Promise.resolve(), view: handle, destroy: () => handle.hide() };
    }

    updateState(registry) {
      const { state, notice } = decode(this.getAttribute('state') ?? '', registry);
      this.setStateNotice(notice);
      Object.assign(this.state, state);
      this.mounted.view.reload();
    }

    get stateText() {
      return this.state ? encode(this.state, this.registry) : (this.getAttribute('state') ?? '');
    }
  };
}

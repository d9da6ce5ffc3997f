// Accessible tabs over static panels (index.html): role=tablist/tab/tabpanel, aria-selected,
// roving tabindex, Left/Right/Home/End move between tabs (and select them, as the APG's
// "automatic activation" pattern does).

/**
 * tablist: the element with role=tablist holding buttons with role=tab and aria-controls.
 * onSelect(name) is called when the user selects a tab (name = the tab's data-view).
 * Returns { select(name, { focus }) , selected() }.
 */
export function createTabs(tablist, { onSelect } = {}) {
  const tabs = [...tablist.querySelectorAll('[role="tab"]')];
  let current = null;

  function select(name, { focus = false, notify = false } = {}) {
    const tab = tabs.find((t) => t.dataset.view === name) ?? tabs[0];
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      const panel = document.getElementById(t.getAttribute('aria-controls'));
      if (panel) panel.hidden = !on;
    }
    if (focus) tab.focus();
    const changed = current !== tab.dataset.view;
    current = tab.dataset.view;
    if (notify && changed) onSelect?.(current);
  }

  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => select(tab.dataset.view, { notify: true }));
    tab.addEventListener('keydown', (event) => {
      let next = null;
      if (event.key === 'ArrowRight') next = tabs[(i + 1) % tabs.length];
      else if (event.key === 'ArrowLeft') next = tabs[(i - 1 + tabs.length) % tabs.length];
      else if (event.key === 'Home') next = tabs[0];
      else if (event.key === 'End') next = tabs[tabs.length - 1];
      if (!next) return;
      event.preventDefault();
      select(next.dataset.view, { focus: true, notify: true });
    });
  });

  return { select, selected: () => current };
}

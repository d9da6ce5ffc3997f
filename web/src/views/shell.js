// Accessible tabs over static panels (index.html): role=tablist/tab/tabpanel, aria-selected,
// roving tabindex, Left/Right/Home/End move between tabs (and select them, as the APG's
// "automatic activation" pattern does). On a narrow screen the tabs are one row that scrolls
// sideways (styles.css), and the selected tab is scrolled into that row.

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
    if (focus) tab.focus({ preventScroll: true });
    revealInRow(tablist, tab);
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

  tablist.addEventListener('scroll', () => markHiddenEnds(tablist), { passive: true });
  if (typeof ResizeObserver === 'function') new ResizeObserver(() => markHiddenEnds(tablist)).observe(tablist);

  return { select, selected: () => current };
}

/** Marks which ends of a sideways-scrolling row hide tabs (data-more: left, right, both), for the CSS fades. */
function markHiddenEnds(row) {
  const left = row.scrollLeft > 1;
  const right = row.scrollLeft + row.clientWidth < row.scrollWidth - 1;
  const more = left && right ? 'both' : left ? 'left' : right ? 'right' : '';
  if (more) row.dataset.more = more;
  else delete row.dataset.more;
}

/** Scrolls a sideways-scrolling row so that `tab` is inside it (only the row: the page stays put). */
function revealInRow(row, tab) {
  if (row.scrollWidth <= row.clientWidth) return;
  const box = tab.getBoundingClientRect();
  const left = box.left - row.getBoundingClientRect().left + row.scrollLeft;
  const right = left + box.width;
  const margin = 24; // a little of the neighbour shows, so the row reads as one that scrolls
  if (left < row.scrollLeft) row.scrollLeft = Math.max(0, left - margin);
  else if (right > row.scrollLeft + row.clientWidth) row.scrollLeft = right - row.clientWidth + margin;
  markHiddenEnds(row);
}

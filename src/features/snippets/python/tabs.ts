/**
 * "Python | TypeScript" tabs for a paired snippet (`data-snippet-tabs`, see
 * remark-runnable-snippets.ts), after the WAI-ARIA tabs pattern: arrow keys,
 * Home and End move between tabs, the reader's last choice is remembered in
 * localStorage for every pair on every page. Without JavaScript both snippets
 * stay visible one after the other.
 */
const STORAGE_KEY = 'snippet-language';
const NAMES = ['Python', 'TypeScript'] as const;

function remembered(): number {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'TypeScript' ? 1 : 0;
  } catch {
    return 0; // Storage disabled: Python first, as the notes are about Python.
  }
}

function remember(index: number): void {
  try {
    localStorage.setItem(STORAGE_KEY, NAMES[index]!);
  } catch {
    // The choice is then kept for this page only.
  }
}

type Select = (index: number, focus: boolean) => void;
const groups: Select[] = [];

function initTabs(wrapper: HTMLElement, number: number): void {
  const panels = [...wrapper.children].filter((child): child is HTMLElement =>
    child.classList.contains('snippet-tabpanel'),
  );
  if (panels.length !== 2) return;
  const tablist = document.createElement('div');
  tablist.className = 'snippet-tablist';
  tablist.setAttribute('role', 'tablist');
  tablist.setAttribute('aria-label', 'Language of the example');
  const tabs = NAMES.map((name, index) => {
    const tab = document.createElement('button');
    tab.type = 'button';
    tab.setAttribute('role', 'tab');
    tab.id = `snippet-tab-${number}-${index}`;
    tab.textContent = name;
    const panel = panels[index]!;
    panel.id = `snippet-panel-${number}-${index}`;
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', tab.id);
    tab.setAttribute('aria-controls', panel.id);
    return tab;
  });
  const select: Select = (selected, focus) => {
    tabs.forEach((tab, index) => {
      tab.setAttribute('aria-selected', String(index === selected));
      tab.tabIndex = index === selected ? 0 : -1;
      panels[index]!.hidden = index !== selected;
    });
    if (focus) tabs[selected]!.focus();
  };
  tabs.forEach((tab, index) => {
    tab.addEventListener('click', () => {
      remember(index);
      groups.forEach((group) => group(index, false));
      tab.focus();
    });
    tab.addEventListener('keydown', (event) => {
      const target =
        event.key === 'ArrowRight' || event.key === 'ArrowLeft'
          ? 1 - index
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? 1
              : -1;
      if (target < 0) return;
      event.preventDefault();
      tabs[target]!.click();
    });
  });
  tablist.append(...tabs);
  wrapper.prepend(tablist);
  groups.push(select);
  select(remembered(), false);
}

export function initSnippetTabs(): void {
  document.querySelectorAll<HTMLElement>('[data-snippet-tabs]').forEach(initTabs);
}

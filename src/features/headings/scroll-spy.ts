/**
 * Marks the outline link of the section being read with `aria-current` and names
 * that section in the outline bar of narrow screens (OutlineBar.astro): the last
 * section whose heading has passed the upper third of the window. An
 * IntersectionObserver wakes it only when a heading crosses that line or the
 * top edge. It also closes the outline's popover (narrow screens) when the reader
 * picks a section; the first pick scrolls the page, which is what loads this
 * script, so an outline found open at its start is closed too. It is a classic script of its own (Vite's `?worker&url`), loaded on
 * the first scroll by the page script (search.ts), so an article fetches none
 * of it before the reader moves; it starts itself.
 */
const links = [...document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')];
const headings = links.map((link) => document.getElementById(decodeURIComponent(link.hash.slice(1))));
const barCurrent = document.querySelector('[data-toc-current]');

function markSectionBeingRead(): void {
  let reading: HTMLAnchorElement | undefined;
  headings.forEach((heading, index) => {
    if (heading && heading.getBoundingClientRect().top < innerHeight / 3) reading = links[index];
  });
  for (const link of links) {
    if (link === reading) link.setAttribute('aria-current', 'true');
    else link.removeAttribute('aria-current');
  }
  if (barCurrent) barCurrent.textContent = reading?.textContent ?? '';
}

const observer = new IntersectionObserver(markSectionBeingRead, { rootMargin: '0px 0px -67% 0px' });
for (const heading of headings) if (heading) observer.observe(heading);

const outline = document.getElementById('toc');
const closeOutline = (): void => {
  if (outline?.matches(':popover-open')) outline.hidePopover();
};
outline?.addEventListener('click', (event) => {
  if (event.target instanceof Element && event.target.closest('a')) closeOutline();
});
closeOutline();

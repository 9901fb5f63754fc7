/**
 * The timeline under a run's output (its own chunk, loaded by controller.ts after a run that recorded one): an SVG
 * picture with one lane per task, a legend, the table that is the picture's text alternative, and a sentence on what
 * was measured. Everything in it comes from untrusted code (names, output lines), so it is built with text nodes and
 * setAttribute only.
 */
import type { OutputLine, Runtime, Timeline } from '../runner/protocol.ts';
import { formatMs, GEOMETRY, layout, type Lane, type TimelineLayout } from './layout.ts';
// A URL, not a CSS import: Astro would inline an imported stylesheet into every snippet page as a <style>; as a file
// it loads with this chunk, as a <link> the policy's style-src 'self' allows.
import stylesheetUrl from './timeline.css?url';

const SVG = 'http://www.w3.org/2000/svg';

/** The narrowest and widest picture: a phone's column, and a line of prose at most. */
const WIDTH = { min: 280, max: 960 } as const;

/** A long output line's tooltip shows its start. */
const TITLE_CHARS = 200;

/** What each runtime's recorder records, and what no timeline can show. */
const MEASURED: Record<Runtime, string> = {
  python:
    "Measured by the page's Python: each asyncio task's steps, from the event loop resuming it until it next awaits " +
    'or ends (running), and the time it could have resumed, its sleep over or its result in, while another task ' +
    'held the thread (ready, blocked). It cannot show what happens inside a step, time the browser took for itself, ' +
    "or threads: asyncio.to_thread does not run in the page's Python.",
  typescript:
    "Measured in the snippet's sandbox: its top-level code (main) and each call of its async functions, from a " +
    'start or resume to the next await (running); each timer, ready from when it was due until it ran; and each ' +
    'Worker, whose bar is the time from a message sent to it until its reply arrives, as seen from the page, not its ' +
    'own thread. While one async function calls another, only the innermost counts as running. It cannot show ' +
    "promise callbacks outside the snippet's own async functions, nor time the browser took for itself.",
};

const STATES = [
  ['running', 'running'],
  ['ready', 'ready, blocked by another task'],
  ['waiting', 'waiting'],
  ['mark', 'an output line'],
] as const;

let pictures = 0;
let stylesheet: Promise<void> | undefined;

/** The view's stylesheet, once a page: resolved when it applies (or failed: the picture still has its shapes). */
function loadStylesheet(): Promise<void> {
  return (stylesheet ??= new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = stylesheetUrl;
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => resolve());
    document.head.append(link);
  }));
}

function svg<K extends keyof SVGElementTagNameMap>(
  name: K,
  attributes: Record<string, string | number>,
  className?: string,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (className) element.setAttribute('class', className);
  return element;
}

function html<K extends keyof HTMLElementTagNameMap>(
  name: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(name);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

const texted = <T extends SVGElement>(element: T, text: string): T => {
  element.textContent = text;
  return element;
};

/** The hatch of ready bars: drawn, not coloured, so it reads in print and to colour-blind eyes. */
function hatch(id: string): SVGPatternElement {
  const pattern = svg('pattern', {
    id,
    patternUnits: 'userSpaceOnUse',
    width: 5,
    height: 5,
    patternTransform: 'rotate(45)',
  });
  pattern.append(
    svg('rect', { width: 5, height: 5 }, 'timeline-hatch-ground'),
    svg('line', { x1: 1, y1: 0, x2: 1, y2: 5 }, 'timeline-hatch-line'),
  );
  return pattern;
}

function picture(shape: TimelineLayout): SVGSVGElement {
  const { barHeight, pad } = GEOMETRY;
  const hatchId = `timeline-hatch-${++pictures}`;
  const root = svg(
    'svg',
    { viewBox: `0 0 ${shape.width} ${shape.height}`, role: 'img', 'aria-label': shape.label },
    'timeline-picture',
  );
  const defs = svg('defs', {});
  defs.append(hatch(hatchId));
  root.append(defs);

  const axis = svg('g', {}, 'timeline-axis');
  shape.ticks.forEach((tick, index) => {
    const last = index === shape.ticks.length - 1 && index > 0;
    // The last label ends at its tick when it would run off the picture.
    const anchor = index === 0 ? 'start' : last && tick.x > shape.width - 40 ? 'end' : 'middle';
    axis.append(
      svg('line', { x1: tick.x, y1: 16, x2: tick.x, y2: shape.height }, 'timeline-grid'),
      texted(svg('text', { x: tick.x, y: 11, 'text-anchor': anchor }), tick.label),
    );
  });
  root.append(axis);

  for (const lane of shape.lanes) {
    const group = svg('g', { 'data-lane': lane.lane.name }, `timeline-lane timeline-kind-${lane.lane.kind}`);
    group.append(texted(svg('text', { x: pad, y: lane.labelY }, 'timeline-label'), lane.label));
    for (const bar of lane.bars) {
      const thin = bar.state === 'waiting';
      const height = thin ? 2 : barHeight;
      const rect = svg(
        'rect',
        {
          x: bar.x,
          y: lane.barY - height / 2,
          width: bar.width,
          height,
          'data-from': bar.from.toFixed(1),
          'data-to': bar.to.toFixed(1),
        },
        `timeline-${bar.state}`,
      );
      if (bar.state === 'ready') rect.setAttribute('fill', `url(#${hatchId})`);
      group.append(rect);
    }
    root.append(group);
  }

  const output = svg('g', {}, 'timeline-output');
  output.append(texted(svg('text', { x: pad, y: shape.output.labelY }, 'timeline-label'), 'output'));
  for (const mark of shape.output.marks) {
    const rect = svg(
      'rect',
      {
        x: mark.x - 1,
        y: shape.output.barY - barHeight / 2,
        width: 2,
        height: barHeight,
        'data-ms': mark.ms.toFixed(1),
      },
      mark.level === 'error' ? 'timeline-mark timeline-mark-error' : 'timeline-mark',
    );
    const text = mark.text.length > TITLE_CHARS ? `${mark.text.slice(0, TITLE_CHARS)}…` : mark.text;
    rect.append(texted(svg('title', {}), `${formatMs(mark.ms)}: ${text}`));
    output.append(rect);
  }
  root.append(output);
  return root;
}

function legend(): HTMLUListElement {
  const list = html('ul', 'timeline-legend');
  for (const [state, words] of STATES) {
    const item = html('li');
    const key = html('span', `timeline-key timeline-key-${state}`);
    key.setAttribute('aria-hidden', 'true');
    item.append(key, words);
    list.append(item);
  }
  return list;
}

function table(lanes: readonly Lane[]): HTMLElement {
  const wrap = html('div', 'timeline-table');
  // It may scroll sideways on a phone: focusable, so a keyboard can scroll it.
  wrap.tabIndex = 0;
  wrap.setAttribute('role', 'group');
  wrap.setAttribute('aria-label', 'Tasks of the run, as a table');
  const element = html('table');
  element.append(html('caption', undefined, 'Each task of the run'));
  const head = element.createTHead().insertRow();
  for (const title of ['Task', 'Started', 'Ended', 'Running', 'Ready (blocked)', 'Waiting']) {
    const cell = html('th', undefined, title);
    cell.scope = 'col';
    head.append(cell);
  }
  const body = element.createTBody();
  for (const lane of lanes) {
    const row = body.insertRow();
    const name = html('th', undefined, lane.name);
    name.scope = 'row';
    row.append(name);
    const cells = [
      formatMs(lane.started),
      lane.ended === undefined ? 'still pending' : formatMs(lane.ended),
      formatMs(lane.totals.running),
      formatMs(lane.totals.ready),
      formatMs(lane.totals.waiting),
    ];
    for (const text of cells) row.insertCell().textContent = text;
  }
  wrap.append(element);
  return wrap;
}

/**
 * Puts the run's timeline after `output` (the output box), in a fold that is open when there is more than one lane
 * to compare. The caller removes it before the next run and on Reset (`.snippet-timeline`).
 */
export async function showTimeline(
  output: HTMLElement,
  timeline: Timeline,
  lines: readonly OutputLine[],
  runtime: Runtime,
  current: () => boolean,
): Promise<void> {
  await loadStylesheet();
  if (!current()) return;
  const width = Math.min(Math.max(Math.round(output.getBoundingClientRect().width), WIDTH.min), WIDTH.max);
  const shape = layout(timeline, lines, width);
  const fold = html('details', 'snippet-timeline');
  fold.open = shape.lanes.length > 1;
  fold.append(html('summary', undefined, shape.summary));
  const body = html('div', 'timeline-body');
  body.append(picture(shape), legend(), table(shape.lanes.map((lane) => lane.lane)));
  if (shape.cut) body.append(html('p', 'timeline-note', shape.cut));
  body.append(html('p', 'timeline-note', MEASURED[runtime]));
  fold.append(body);
  output.after(fold);
}

/**
 * The embed page: reads its parameters (with Zod), applies them to the chart as data,
 * never as HTML, and tells the host page its height so that /embed.js can size the iframe.
 */
import { parseEmbedParams } from '../lib/embed/params.ts';
import { serializeViewState } from '../lib/timeline/view-state.ts';

const chart = document.querySelector<HTMLElement>('timeline-chart')!;
// The chart is drawn twice (across, and down a phone): each lane counts once.
const incidents = [...new Set([...chart.querySelectorAll<SVGGElement>('.tl-lane')].map((lane) => lane.dataset.incident!))];
const events = new Set([...chart.querySelectorAll<SVGAElement>('a.tl-mark')].map((mark) => mark.dataset.eventId!));
const { params, invalid } = parseEmbedParams(location.search, { incidents, events });

if (params.theme !== 'auto') document.documentElement.dataset.theme = params.theme;
// One heading says what is shown: the educator's title in place of the default, or the
// default naming the incidents kept and the alignment chosen.
const heading = chart.querySelector<HTMLElement>('.tl-heading')!;
const laneTitles = new Map(
  [...chart.querySelectorAll<SVGGElement>('.tl-lane')].map((lane) => [
    lane.dataset.incident!,
    lane.querySelector('.tl-lane-title')?.textContent ?? '',
  ]),
);
if (params.title) {
  heading.textContent = params.title;
  document.title = `${params.title} · ${document.title}`;
  chart.dataset.downloadTitle = params.title;
} else {
  // The words come from the page's dictionary, as data attributes on the heading.
  const words = heading.dataset;
  const subject =
    params.incidents && params.incidents.length < laneTitles.size
      ? params.incidents.map((id) => laneTitles.get(id)).join(words.textAnd)
      : words.textSubject!;
  heading.textContent = words[params.align === 'calendar' ? 'textCalendar' : 'textVote']!.replace('{subject}', subject);
}
if (invalid.length) {
  const notice = document.querySelector<HTMLElement>('.embed-notice')!;
  notice.textContent = `${notice.dataset.text ?? ''} ${[...new Set(invalid)].join(', ')}.`;
  notice.hidden = false;
}

const view = {
  align: params.align,
  scale: params.scale,
  kinds: params.kinds,
  incidents: params.incidents,
  event: params.event,
  range: null,
};
const query = serializeViewState(view);
chart.dataset.view = query;
if (params.from) chart.dataset.from = params.from;
if (params.to) chart.dataset.to = params.to;
const fullLinks = [...document.querySelectorAll<HTMLAnchorElement>('.embed-full-link')];
const base = fullLinks.map((link) => link.getAttribute('href') ?? '/');
const linkTo = (search: string) =>
  fullLinks.forEach((link, i) => {
    link.href = new URL(`${base[i]}${search}`, location.href).href;
  });
linkTo(query);
// "Open on the full site" follows the view as the reader zooms and filters.
chart.addEventListener('timeline:view', (event) => linkTo((event as CustomEvent<{ query: string }>).detail.query));
// The chart waited for its view; it enhances itself now (see timeline-chart.ts).
chart.removeAttribute('data-defer');

if (window.parent !== window) {
  let last = 0;
  const post = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'timeline:height', height }, '*');
  };
  new ResizeObserver(post).observe(document.documentElement);
  addEventListener('load', post);
  // A host script that started after this page loaded asks for the height again.
  addEventListener('message', (event) => {
    if (event.source !== window.parent || (event.data as { type?: unknown } | null)?.type !== 'timeline:request-height') return;
    last = 0;
    post();
  });
  post();
}

/** The words around the chart that count what it shows: its description (in the scale drawn), the table's caption, the T−0 footnote. */
import type { AxisKind } from '../../lib/timeline/axis.ts';
import { fillTemplate } from '../../lib/timeline/names.ts';

export interface DescribeTexts {
  /** Per axis: the description for one lane and for many, with {lanes} and {events}. */
  descriptions: Partial<Record<AxisKind, { one: string; many: string }>>;
  captionAll?: string;
  captionSome?: string;
}

export function readTexts(root: HTMLElement): DescribeTexts {
  let descriptions: DescribeTexts['descriptions'] = {};
  try {
    descriptions = JSON.parse(root.dataset.textDescriptions ?? '{}') as DescribeTexts['descriptions'];
  } catch {
    descriptions = {};
  }
  return { descriptions, captionAll: root.dataset.textCaptionAll, captionSome: root.dataset.textCaptionSome };
}

export function describe(
  root: HTMLElement,
  texts: DescribeTexts,
  shown: { axis: AxisKind; lanes: number; events: number; filtered: boolean },
) {
  const description = root.querySelector('.tl-description');
  const templates = texts.descriptions[shown.axis];
  const template = shown.lanes === 1 ? templates?.one : templates?.many;
  if (description && template) description.textContent = fillTemplate(template, { lanes: shown.lanes, events: shown.events });
  const caption = root.querySelector('.tl-table-caption');
  const captionTemplate = shown.filtered ? texts.captionSome : texts.captionAll;
  if (caption && captionTemplate) caption.textContent = fillTemplate(captionTemplate, { rows: shown.events });
}

/** The T−0 footnote (and the asterisk that points to it) only while a lane it concerns is shown. */
export function syncFootnote(root: HTMLElement, svg: SVGSVGElement, incidents: readonly string[] | null) {
  const footnote = root.querySelector<HTMLElement>('.tl-footnote[data-incidents]');
  if (!footnote) return;
  const concerned = (footnote.dataset.incidents ?? '').split(' ').filter(Boolean);
  const shown = concerned.some((id) => !incidents || incidents.includes(id));
  footnote.hidden = !shown;
  const label = svg.querySelector('.tl-vote text');
  if (label) label.textContent = `${(label.textContent ?? '').replace(/\*$/, '')}${shown ? '*' : ''}`;
}

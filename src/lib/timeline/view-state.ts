/**
 * The chart's view, kept in the address so that any view can be shared:
 * ?align=vote|calendar, ?scale=log|linear, ?kinds=leak,attribution,
 * ?incidents=macron-2017,dnc-2016, ?event=<incident-id>/<slug>, and the visible range on the
 * active axis: ?from=-72h&to=6h (hours from T−0) when aligned on the vote,
 * ?from=2017-05-01T00:00Z&to=2017-05-08T00:00Z when aligned on the calendar.
 * Anything invalid falls back to its default and is reported, never thrown.
 */
import { EVENT_ID_PATTERN, EVENT_KINDS, ID_PATTERN, type EventKind } from '../vocabulary.ts';
import type { Align, ScaleKind } from './axis.ts';

/** What the chart shows: alignment, scale, kinds, incidents, the event in focus and the range. */
export interface ViewState {
  align: Align;
  scale: ScaleKind;
  /** Kinds shown; null for all. */
  kinds: EventKind[] | null;
  /** Incidents shown; null for all. */
  incidents: string[] | null;
  /** The selected event, highlighted and centred. */
  event: string | null;
  /** The visible range on the active axis (hours from T−0, or UTC instants in ms); null for the whole chart. */
  range: [number, number] | null;
}

/** The chart as it first shows: aligned on the vote, log scale, everything. */
export const DEFAULT_VIEW: ViewState = { align: 'vote', scale: 'log', kinds: null, incidents: null, event: null, range: null };

const HOURS_PATTERN = /^(-?\d{1,7}(?:\.\d{1,4})?)h$/;
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?Z)?$/;

/** One end of a visible range as written in the address, or undefined if it is not one. */
export function parseRangeEnd(value: string, align: Align): number | undefined {
  if (align === 'calendar') {
    if (!INSTANT_PATTERN.test(value)) return undefined;
    const ms = Date.parse(value.length === 10 ? `${value}T00:00Z` : value);
    return Number.isFinite(ms) ? ms : undefined;
  }
  const match = HOURS_PATTERN.exec(value);
  return match ? Number(match[1]) : undefined;
}

/** One end of a visible range, written for the address: "-72h", or "2017-05-05T18:00Z". */
export function formatRangeEnd(value: number, align: Align): string {
  // Exact for anything the parser reads back (4 decimals, whole milliseconds): written, read, written again is stable.
  if (align === 'calendar')
    return new Date(Math.round(value))
      .toISOString()
      .replace(/:00\.000Z$/, 'Z')
      .replace(/\.000Z$/, 'Z');
  return `${Number(value.toFixed(4))}h`;
}

/** A view read from an address, with the parameters that were not understood. */
export interface ParsedView {
  view: ViewState;
  /** Parameter names whose values were ignored. */
  invalid: string[];
}

/** The incidents and events that exist, to check an address against. */
export interface KnownValues {
  incidents: readonly string[];
  /** Event ids, when known, so that ?event= can only select a real event. */
  events?: Pick<ReadonlySet<string>, 'has'>;
}

const MAX_LENGTH = 2000;

/** The alignments a view can have. */
export const ALIGNS = ['vote', 'calendar'] as const;
/** The scales a view can have. */
export const SCALES = ['log', 'linear'] as const;

function list(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .slice(0, 100);
}

/** The known kinds named in a comma list, in canonical order, and whether every name was known. */
export function parseKindList(value: string): { kinds: EventKind[]; complete: boolean } {
  const items = list(value);
  const kinds = EVENT_KINDS.filter((kind) => items.includes(kind));
  return { kinds, complete: kinds.length > 0 && kinds.length === new Set(items).size };
}

/** The known incidents named in a comma list, in lane order, and whether every name was known. */
export function parseIncidentList(value: string, known: readonly string[]): { incidents: string[]; complete: boolean } {
  const items = list(value);
  const incidents = known.filter((id) => items.includes(id) && ID_PATTERN.test(id));
  return { incidents, complete: incidents.length > 0 && incidents.length === new Set(items).size };
}

/** Whether a value names an event of the chart. */
export function isKnownEvent(value: string, events?: Pick<ReadonlySet<string>, 'has'>): boolean {
  return EVENT_ID_PATTERN.test(value) && (!events || events.has(value));
}

/** Reads a view from a query string; never throws, whatever the input. */
export function parseViewState(search: string | URLSearchParams, known: KnownValues): ParsedView {
  let params: URLSearchParams;
  try {
    params = typeof search === 'string' ? new URLSearchParams(search.slice(0, MAX_LENGTH * 4)) : search;
  } catch {
    params = new URLSearchParams();
  }
  const view: ViewState = { ...DEFAULT_VIEW };
  const invalid: string[] = [];
  const get = (name: string) => {
    const value = params.get(name);
    return value === null ? null : value.slice(0, MAX_LENGTH);
  };

  const align = get('align');
  if (align !== null) {
    if ((ALIGNS as readonly string[]).includes(align)) view.align = align as Align;
    else invalid.push('align');
  }
  const scale = get('scale');
  if (scale !== null) {
    if ((SCALES as readonly string[]).includes(scale)) view.scale = scale as ScaleKind;
    else invalid.push('scale');
  }
  const kinds = get('kinds');
  if (kinds !== null) {
    const parsed = parseKindList(kinds);
    if (parsed.kinds.length) view.kinds = parsed.kinds;
    if (!parsed.complete) invalid.push('kinds');
  }
  const incidents = get('incidents');
  if (incidents !== null) {
    const parsed = parseIncidentList(incidents, known.incidents);
    if (parsed.incidents.length) view.incidents = parsed.incidents;
    if (!parsed.complete) invalid.push('incidents');
  }
  const event = get('event');
  if (event !== null) {
    if (isKnownEvent(event, known.events)) view.event = event;
    else invalid.push('event');
  }
  const from = get('from');
  const to = get('to');
  if (from !== null || to !== null) {
    const v0 = from === null ? undefined : parseRangeEnd(from, view.align);
    const v1 = to === null ? undefined : parseRangeEnd(to, view.align);
    if (v0 !== undefined && v1 !== undefined && v0 < v1) view.range = [v0, v1];
    else invalid.push(...(from === null ? [] : ['from']), ...(to === null ? [] : ['to']));
  }
  return { view, invalid };
}

/** The query string of a view, listing only what differs from the default ("" for the default view). */
export function serializeViewState(view: ViewState): string {
  const params = new URLSearchParams();
  if (view.align !== DEFAULT_VIEW.align) params.set('align', view.align);
  if (view.scale !== DEFAULT_VIEW.scale) params.set('scale', view.scale);
  if (view.kinds) params.set('kinds', view.kinds.join(','));
  if (view.incidents) params.set('incidents', view.incidents.join(','));
  if (view.event) params.set('event', view.event);
  if (view.range) {
    params.set('from', formatRangeEnd(view.range[0], view.align));
    params.set('to', formatRangeEnd(view.range[1], view.align));
  }
  const text = params.toString().replace(/%2C/g, ',').replace(/%2F/g, '/').replace(/%3A/g, ':');
  return text ? `?${text}` : '';
}

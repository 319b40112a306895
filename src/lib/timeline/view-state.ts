/**
 * The chart's view, kept in the address so that any view can be shared:
 * ?align=vote|calendar, ?scale=log|linear, ?kinds=leak,attribution,
 * ?incidents=macron-2017,dnc-2016, ?event=<incident-id>/<slug>.
 * Anything invalid falls back to its default and is reported, never thrown.
 */
import { EVENT_ID_PATTERN, EVENT_KINDS, ID_PATTERN, type EventKind } from '../vocabulary.ts';
import type { Align, ScaleKind } from './axis.ts';

export interface ViewState {
  align: Align;
  scale: ScaleKind;
  /** Kinds shown; null for all. */
  kinds: EventKind[] | null;
  /** Incidents shown; null for all. */
  incidents: string[] | null;
  /** The selected event, highlighted and centred. */
  event: string | null;
}

export const DEFAULT_VIEW: ViewState = { align: 'vote', scale: 'log', kinds: null, incidents: null, event: null };

export interface ParsedView {
  view: ViewState;
  /** Parameter names whose values were ignored. */
  invalid: string[];
}

export interface KnownValues {
  incidents: readonly string[];
  /** Event ids, when known, so that ?event= can only select a real event. */
  events?: ReadonlySet<string>;
}

const MAX_LENGTH = 2000;

function list(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .slice(0, 100);
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
    if (align === 'vote' || align === 'calendar') view.align = align;
    else invalid.push('align');
  }
  const scale = get('scale');
  if (scale !== null) {
    if (scale === 'log' || scale === 'linear') view.scale = scale;
    else invalid.push('scale');
  }
  const kinds = get('kinds');
  if (kinds !== null) {
    const items = list(kinds);
    const valid = EVENT_KINDS.filter((kind) => items.includes(kind));
    if (valid.length && valid.length === new Set(items).size) view.kinds = valid;
    else if (valid.length) {
      view.kinds = valid;
      invalid.push('kinds');
    } else invalid.push('kinds');
  }
  const incidents = get('incidents');
  if (incidents !== null) {
    const items = list(incidents).filter((id) => ID_PATTERN.test(id));
    const valid = known.incidents.filter((id) => items.includes(id));
    if (valid.length) view.incidents = valid;
    if (!valid.length || valid.length !== new Set(list(incidents)).size) invalid.push('incidents');
  }
  const event = get('event');
  if (event !== null) {
    const ok = EVENT_ID_PATTERN.test(event) && (!known.events || known.events.has(event));
    if (ok) view.event = event;
    else invalid.push('event');
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
  const text = params.toString().replace(/%2C/g, ',').replace(/%2F/g, '/');
  return text ? `?${text}` : '';
}

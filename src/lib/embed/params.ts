/**
 * Query parameters of the embed (/embed/timeline/?…), parsed with Zod: each parameter on
 * its own, so that an invalid one falls back to its default (and is named in a notice)
 * while the valid ones still apply. Values are only ever used as data or as text.
 */
import * as z from 'zod/mini';
import {
  ALIGNS,
  DEFAULT_VIEW,
  SCALES,
  isKnownEvent,
  parseIncidentList,
  parseKindList,
  type KnownValues,
  type ViewState,
} from '../timeline/view-state.ts';

/** The embed's colour themes: follow the reader's setting, or force light or dark. */
export const THEMES = ['auto', 'light', 'dark'] as const;
/** One of THEMES. */
export type Theme = (typeof THEMES)[number];

/** What an embed shows: the chart's view, a date range, a theme and an optional title. */
export interface EmbedParams extends Omit<ViewState, 'range'> {
  /** First and last day shown (YYYY-MM-DD), inclusive. */
  from: string | null;
  to: string | null;
  theme: Theme;
  /** A heading shown above the chart, as plain text. */
  title: string | null;
}

const { range: _range, ...VIEW_DEFAULTS } = DEFAULT_VIEW;
/** The embed with no parameters: the default view, every date, the automatic theme, no title. */
export const DEFAULT_EMBED: EmbedParams = { ...VIEW_DEFAULTS, from: null, to: null, theme: 'auto', title: null };

const MAX_TITLE = 120;

/** A real calendar day written YYYY-MM-DD (2017-02-30 is not one). Small on purpose: this runs in every embed. */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

const calendarDay = z.string().check(z.refine(isCalendarDay, 'must be a date written YYYY-MM-DD'));

/** One schema per parameter; `known` says which incidents and events exist. */
export function embedParamSchemas(known: KnownValues) {
  return {
    align: z.enum(ALIGNS),
    scale: z.enum(SCALES),
    kinds: z.pipe(
      z.string(),
      z.transform((value: string, ctx) => {
        const parsed = parseKindList(value);
        if (!parsed.complete) ctx.issues.push({ code: 'custom', message: 'unknown kind', input: value });
        return parsed.kinds;
      }),
    ),
    incidents: z.pipe(
      z.string(),
      z.transform((value: string, ctx) => {
        const parsed = parseIncidentList(value, known.incidents);
        if (!parsed.complete) ctx.issues.push({ code: 'custom', message: 'unknown incident', input: value });
        return parsed.incidents;
      }),
    ),
    event: z.string().check(z.refine((value) => isKnownEvent(value, known.events), 'unknown event')),
    from: calendarDay,
    to: calendarDay,
    theme: z.enum(THEMES),
    title: z.pipe(
      z.string(),
      // Cut by code points (never half an emoji), then trim, so the title reads back the same.
      z.transform((value: string) =>
        Array.from(value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim())
          .slice(0, MAX_TITLE)
          .join('')
          .trim(),
      ),
    ),
  };
}

/** The name of a query parameter of the embed. */
export type EmbedParamName = keyof ReturnType<typeof embedParamSchemas>;

/** Reads the embed's parameters; never throws. `invalid` names those that fell back to defaults. */
export function parseEmbedParams(search: string, known: KnownValues): { params: EmbedParams; invalid: EmbedParamName[] } {
  const schemas = embedParamSchemas(known);
  let query: URLSearchParams;
  try {
    query = new URLSearchParams(search.slice(0, 8000));
  } catch {
    query = new URLSearchParams();
  }
  // The builder's form, sent without JavaScript, repeats ?incident=…&kind=… instead of lists.
  for (const [single, plural] of [
    ['incident', 'incidents'],
    ['kind', 'kinds'],
  ]) {
    if (!query.has(plural) && query.has(single)) query.set(plural, query.getAll(single).join(','));
  }
  const params: EmbedParams = { ...DEFAULT_EMBED };
  const invalid: EmbedParamName[] = [];
  for (const name of Object.keys(schemas) as EmbedParamName[]) {
    const raw = query.get(name);
    if (raw === null) continue;
    const result = schemas[name].safeParse(raw.slice(0, 2000));
    // A list keeps its known items even when some were unknown.
    const value = result.success
      ? result.data
      : name === 'kinds'
        ? parseKindList(raw).kinds
        : name === 'incidents'
          ? parseIncidentList(raw, known.incidents).incidents
          : undefined;
    if (!result.success) invalid.push(name);
    if (value === undefined || (Array.isArray(value) && value.length === 0) || value === '') continue;
    (params as unknown as Record<string, unknown>)[name] = value;
  }
  if (params.from && params.to && params.from > params.to) {
    params.from = null;
    params.to = null;
    invalid.push('from', 'to');
  }
  return { params, invalid };
}

/** The query string of an embed (only what differs from the defaults). */
export function serializeEmbedParams(params: EmbedParams): string {
  const query = new URLSearchParams();
  if (params.incidents) query.set('incidents', params.incidents.join(','));
  if (params.kinds) query.set('kinds', params.kinds.join(','));
  if (params.align !== DEFAULT_EMBED.align) query.set('align', params.align);
  if (params.scale !== DEFAULT_EMBED.scale) query.set('scale', params.scale);
  if (params.from) query.set('from', params.from);
  if (params.to) query.set('to', params.to);
  if (params.event) query.set('event', params.event);
  if (params.theme !== DEFAULT_EMBED.theme) query.set('theme', params.theme);
  if (params.title) query.set('title', params.title);
  const text = query.toString().replace(/%2C/g, ',').replace(/%2F/g, '/');
  return text ? `?${text}` : '';
}

/**
 * The iframe height written in the embed code, for hosts that strip <script> (embed.js then
 * never resizes it): the embed's content height at common widths from a 600 px blog column to
 * a 1280 px screen, for the number of lanes shown (narrower, on phones, the chart runs down the
 * page and scrolls inside the frame). Measured in tests/e2e/embed-view.test.ts.
 */
export function defaultFrameHeight(lanes: number): number {
  return 700 + 200 * Math.max(1, lanes);
}

/** Field types shared by incidents, actors and events. */
import { z } from 'astro/zod';
import { parsePartialDate, widestSpan } from '../dates.ts';
import { EVENT_ID_PATTERN, ID_PATTERN } from '../vocabulary.ts';

/** A lowercase kebab-case id. */
export const IdSchema = z.string().regex(ID_PATTERN, { error: 'must be a lowercase kebab-case id such as "apt28" or "en-marche"' });

/** An event id, "<incident-id>/<slug>". */
export const EventIdSchema = z.string().regex(EVENT_ID_PATTERN, {
  error: 'must be an event id "<incident-id>/<slug>", such as "macron-2017/emleaks-posted"',
});

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** Codes that Intl names but ISO 3166-1 does not assign to a country, with what to write instead. */
const NOT_COUNTRIES: Record<string, string> = {
  UK: ' (the United Kingdom is GB)',
  EU: ' (the European Union is not a country)',
  EZ: '',
  UN: '',
  ZZ: '',
};

/** ISO 3166-1 alpha-2 country code: FR, US. */
export const CountrySchema = z
  .string()
  .regex(/^[A-Z]{2}$/, { error: 'must be a two-letter ISO 3166-1 code in capitals, such as FR or US', abort: true })
  .refine(
    (code) => {
      try {
        return regionNames.of(code) !== undefined && !Object.hasOwn(NOT_COUNTRIES, code) && !/^(Q[M-Z]|X[A-Z]|AA)$/.test(code);
      } catch {
        return false;
      }
    },
    { error: (issue) => `"${String(issue.input)}" is not an ISO 3166-1 country code${NOT_COUNTRIES[String(issue.input)] ?? ''}` },
  );

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** BCP 47 language tag of a real language: en, fr, pt-BR (not "French" or "english"). */
export const LanguageSchema = z.string().refine(
  (tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length === 1 && languageNames.of(tag) !== undefined;
    } catch {
      return false;
    }
  },
  { error: (issue) => `"${String(issue.input)}" is not a BCP 47 language tag: write a code such as en, fr or pt-BR` },
);

/** An IANA time zone: Europe/Paris, America/New_York. */
export const TimeZoneSchema = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return zone.includes('/') || zone === 'UTC';
    } catch {
      return false;
    }
  },
  { error: 'must be an IANA time zone such as Europe/Paris or America/New_York' },
);

/**
 * True when an address carries a user name or password (`https://lemonde.fr@evil.example/`):
 * the link text would show one site and lead to another. Any "@" before the host counts.
 */
export function hasCredentials(url: string): boolean {
  const authority = /^[a-z][a-z0-9+.-]*:[\\/]*([^/?#]*)/i.exec(url.trim())?.[1] ?? '';
  return authority.includes('@');
}

const NO_CREDENTIALS = {
  error: 'must not hold a user name or password (an "@" before the host): "https://site.example@other.example/" leads to other.example',
};

/** An http or https address; anything else (javascript:, data:, ftp:) is refused. */
export const WebUrlSchema = z
  .httpUrl({ error: 'must be a full http:// or https:// address' })
  .max(2000, { error: 'must be at most 2000 characters' })
  .refine((url) => !hasCredentials(url), NO_CREDENTIALS);

/** An https address. */
export const HttpsUrlSchema = z
  .url({ protocol: /^https$/, hostname: z.regexes.domain, error: 'must be a full https:// address' })
  .max(2000, { error: 'must be at most 2000 characters' })
  .refine((url) => !hasCredentials(url), NO_CREDENTIALS);

/** Characters that never belong in text: C0/C1 controls (but tab and newline) and bidirectional overrides. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const BIDI_OVERRIDE = /[\u202A-\u202E\u2066-\u2069]/u;
/** Text made only of spaces and zero-width characters shows as nothing. */
const INVISIBLE_ONLY = /^[\s\u00AD\u034F\u115F\u1160\u180E\u200B-\u200F\u2060-\u2064\u3164\uFEFF\uFFA0]*$/u;

/**
 * Free text of at most `max` characters, as contributors may write it: not empty, not
 * invisible, no control characters, no bidirectional overrides (which make text display in
 * another order than it reads, e.g. to disguise an address).
 */
export function freeText(max: number) {
  return z
    .string()
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: (issue) => `must be at most ${max} characters (it has ${String(issue.input).length})` })
    .refine((text) => !CONTROL.test(text), {
      error: (issue) =>
        `must not contain control characters (found ` +
        `U+${String(issue.input).match(CONTROL)![0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}); retype the text`,
    })
    .refine((text) => !BIDI_OVERRIDE.test(text), {
      error: 'must not contain bidirectional override characters (U+202A–U+202E, U+2066–U+2069), which reorder how text displays',
    })
    .refine((text) => !INVISIBLE_ONLY.test(text), { error: 'must contain visible text, not only spaces or zero-width characters' });
}

/** Plain text of at most `max` characters: no Markdown links or HTML tags. */
export function plainText(max: number) {
  return freeText(max)
    .refine((text) => !/<\/?[a-z!]/i.test(text), { error: 'must be plain text, without HTML tags' })
    .refine((text) => !/\]\(/.test(text), { error: 'must be plain text, without Markdown links' });
}

/** A non-empty single-line label: names, titles, channels. */
export const LabelSchema = freeText(300);

/**
 * A partial ISO 8601 date at the precision written: 2016, 2016-07, 2016-07-22 or
 * 2017-05-05T20:35+02:00 (a time needs an offset). YAML may hand over a year as a number.
 */
/** The shape of a partial date, for the JSON Schema given to editors' tools. */
export const DATE_PATTERN = '^\\d{4}(-\\d{2}(-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2}))?)?)?$';

/** A full calendar date, YYYY-MM-DD, for the JSON Schema given to editors. */
export const DAY_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
/** A date with a time and an offset, for the JSON Schema given to editors. */
export const TIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2})$';
/** Date schemas that need more than a partial date, with the exact pattern editors' tools should check. */
export const EXACT_DATE_PATTERNS = new WeakMap<object, string>();

/** A partial ISO 8601 date field, parsed to a PartialDate; optionally never in the future, or with a time required. */
export function partialDate({ notInFuture = false, timeRequired = false } = {}) {
  const schema = z.union([z.string(), z.int()]).transform((value, ctx) => {
    const parsed = parsePartialDate(String(value));
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.message, input: value });
      return z.NEVER;
    }
    const { date } = parsed;
    if (timeRequired && date.offsetMinutes === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `"${date.text}" needs a time and an offset, e.g. 2017-05-07T20:00+02:00`,
        input: value,
      });
      return z.NEVER;
    }
    if (notInFuture && widestSpan(date).start > Date.now()) {
      ctx.addIssue({ code: 'custom', message: `"${date.text}" is in the future`, input: value });
      return z.NEVER;
    }
    return date.text;
  });
  if (timeRequired) EXACT_DATE_PATTERNS.set(schema, TIME_PATTERN);
  return schema;
}

/** An ISO calendar date (YYYY-MM-DD), not in the future: the last editorial review. */
export const ReviewedSchema = z.union([z.string(), z.int()]).transform((value, ctx) => {
  const parsed = parsePartialDate(String(value));
  if (!parsed.ok || parsed.date.precision !== 'day') {
    ctx.addIssue({
      code: 'custom',
      message: parsed.ok ? `"${value}" must be a full date, YYYY-MM-DD` : parsed.message,
      input: value,
    });
    return z.NEVER;
  }
  if (widestSpan(parsed.date).start > Date.now()) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is in the future`, input: value });
    return z.NEVER;
  }
  return parsed.date.text;
});
EXACT_DATE_PATTERNS.set(ReviewedSchema, DAY_PATTERN);

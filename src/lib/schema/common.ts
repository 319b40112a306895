/** Field types shared by incidents, actors and events. */
import { z } from 'astro/zod';
import { parsePartialDate, widestSpan } from '../dates.ts';
import { EVENT_ID_PATTERN, ID_PATTERN } from '../vocabulary.ts';

export { ID_PATTERN, EVENT_ID_PATTERN };

export const IdSchema = z
  .string()
  .regex(ID_PATTERN, { error: 'must be a lowercase kebab-case id such as "apt28" or "en-marche"' });

export const EventIdSchema = z.string().regex(EVENT_ID_PATTERN, {
  error: 'must be an event id "<incident-id>/<slug>", such as "macron-2017/emleaks-posted"',
});

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** ISO 3166-1 alpha-2 country code: FR, US. */
export const CountrySchema = z
  .string()
  .regex(/^[A-Z]{2}$/, { error: 'must be a two-letter ISO 3166-1 code in capitals, such as FR or US' })
  .refine((code) => regionNames.of(code) !== undefined && code !== 'ZZ', {
    error: 'is not an ISO 3166-1 country code',
  });

/** BCP 47 language tag: en, fr, pt-BR. */
export const LanguageSchema = z.string().refine(
  (tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length === 1;
    } catch {
      return false;
    }
  },
  { error: 'must be a BCP 47 language tag such as en, fr or pt-BR' },
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

/** An http or https address; anything else (javascript:, data:, ftp:) is refused. */
export const WebUrlSchema = z.httpUrl({ error: 'must be a full http:// or https:// address' });

/** An https address. */
export const HttpsUrlSchema = z.url({ protocol: /^https$/, hostname: z.regexes.domain, error: 'must be a full https:// address' });

/** Plain text of at most `max` characters: no Markdown links or HTML tags. */
export function plainText(max: number) {
  return z
    .string()
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: (issue) => `must be at most ${max} characters (it has ${String(issue.input).length})` })
    .refine((text) => !/<\/?[a-z!]/i.test(text), { error: 'must be plain text, without HTML tags' })
    .refine((text) => !/\]\(/.test(text), { error: 'must be plain text, without Markdown links' });
}

/** A non-empty single-line string. */
export const LabelSchema = z.string().trim().min(1, { error: 'must not be empty' });

/**
 * A partial ISO 8601 date at the precision written: 2016, 2016-07, 2016-07-22 or
 * 2017-05-05T20:35+02:00 (a time needs an offset). YAML may hand over a year as a number.
 */
/** The shape of a partial date, for the JSON Schema given to editors' tools. */
export const DATE_PATTERN = '^\\d{4}(-\\d{2}(-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2}))?)?)?$';

export function partialDate({ notInFuture = false, timeRequired = false } = {}) {
  return z.union([z.string(), z.int()]).transform((value, ctx) => {
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

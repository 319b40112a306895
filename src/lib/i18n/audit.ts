/**
 * Checks a built page of one edition for words of the other: the interface words of one
 * dictionary that the other never uses, looked for in what a reader sees or hears (text,
 * aria-label, title, alt, placeholder), leaving out content that is not interface —
 * elements marked lang="en", quotations, citations, code.
 */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Elements whose content is never interface text in the page's language. */
const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'code', 'pre', 'cite', 'blockquote', 'q', 'title', 'textarea']);
const SPOKEN_ATTRIBUTES = ['aria-label', 'title', 'alt', 'placeholder'];

/** Every string a dictionary holds (functions called with placeholders). */
export function dictionaryStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') {
    const args = Array.from({ length: value.length }, () => '0');
    try {
      return dictionaryStrings(value(...args));
    } catch {
      return [];
    }
  }
  if (value && typeof value === 'object') return Object.values(value).flatMap(dictionaryStrings);
  return [];
}

/** Lowercase words of at least four letters. */
export function words(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/\p{L}[\p{L}'’-]*\p{L}/gu) ?? []).filter((w) => w.length >= 4));
}

/** The interface words of `own` that `other` never uses: these must not appear on `other`'s pages. */
export function foreignWords(own: unknown, other: unknown): Set<string> {
  const otherWords = words(dictionaryStrings(other).join(' '));
  return new Set([...words(dictionaryStrings(own).join(' '))].filter((w) => !otherWords.has(w)));
}

const decode = (text: string) =>
  text
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');

/**
 * What a reader of the page's own language sees and hears in `<body>`: text and spoken
 * attributes, without elements in another language (`lang` not starting with `lang`) and
 * without quotations, citations, code and scripts. `keep` names skipped elements to hear all
 * the same: a form's <template> rows and <noscript> text are interface too.
 */
export function pageLanguageText(html: string, lang: string, { keep = [] }: { keep?: readonly string[] } = {}): string[] {
  const start = html.indexOf('<body');
  const body = start >= 0 ? html.slice(start) : html;
  const out: string[] = [];
  const stack: { name: string; skip: boolean }[] = [];
  const skipping = () => stack.some((e) => e.skip);
  const tag = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  let last = 0;
  // The lines of one SVG text (its <tspan>s) are one chunk: a quotation may run over two lines.
  let pending = '';
  for (const m of body.matchAll(tag)) {
    const [, closing, rawName, attributes] = m;
    const name = rawName?.toLowerCase();
    if (!skipping()) pending += ` ${decode(body.slice(last, m.index))}`;
    if (name !== 'tspan') {
      out.push(pending);
      pending = '';
    }
    last = m.index + m[0].length;
    if (m[0].startsWith('<!--')) continue;
    if (closing) {
      const at = stack.map((e) => e.name).lastIndexOf(name);
      if (at >= 0) stack.length = at;
      continue;
    }
    const elementLang = /\slang="([^"]*)"/.exec(attributes)?.[1];
    const skip = (SKIPPED.has(name) && !keep.includes(name)) || (elementLang !== undefined && !elementLang.startsWith(lang));
    if (!skip && !skipping()) {
      for (const attribute of SPOKEN_ATTRIBUTES) {
        const value = new RegExp(`\\s${attribute}="([^"]*)"`).exec(attributes)?.[1];
        if (value) out.push(decode(value));
      }
    }
    if (!VOID.has(name) && !attributes.trimEnd().endsWith('/')) stack.push({ name, skip });
  }
  out.push(pending);
  return out.map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

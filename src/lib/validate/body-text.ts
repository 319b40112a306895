/**
 * The body rules that need no MDX parser: link addresses, shapes that would exhaust a
 * parser, elements and their attributes. The validator applies them to the tree Sätteri
 * parses (mdx-safety.ts); the /contribute/ form, where Sätteri cannot run (see
 * lib/contribute/check.ts), applies them to the text (bodyTextProblems), so that a person
 * hears about a broken link or a refused element before sending. Only what needs the full
 * parser (MDX syntax errors, HTML comments, how Markdown nests) is left to the pull
 * request's check. No Sätteri, no file system: this module is bundled for the browser.
 */
import { isCommentOnlyExpression } from '../content/mdx-options.ts';
import { MDX_COMPONENTS, MDX_HTML_ELEMENTS } from '../mdx-components.ts';

/** A problem in an event body, at a line and column of the body. */
export interface BodyProblem {
  line: number;
  column: number;
  message: string;
}

/** Elements named by the content model as never allowed. */
const FORBIDDEN_ELEMENTS = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'frame',
  'frameset',
  'link',
  'meta',
  'base',
  'form',
  'svg',
  'math',
]);
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/** Limits that keep the parser fast and within its stack (it is native code: a crash is a crash). */
export const BODY_LIMITS = { nesting: 32, quoteDepth: 8, indent: 64, lineLength: 5_000 } as const;

/** A node of the tree, as much of it as the policy reads. */
export interface MdNode {
  type: string;
  name?: string | null;
  value?: unknown;
  url?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdNode[];
  position?: { start: { line: number; column: number } };
}

/** Is this URL one an event body may link to? (http(s), mailto, same-site paths and fragments) */
export function isSafeBodyUrl(url: string): boolean {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  // Another host, without saying which scheme.
  if (compact.startsWith('//') || compact.startsWith('/\\') || compact.startsWith('\\')) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  return scheme === null || SAFE_SCHEMES.has(scheme[1].toLowerCase());
}

/** What is wrong with a body link an editor typed by hand, if anything. */
export function linkSlip(url: string): string | undefined {
  if (/^https?\/\//i.test(url) || /^https?\/[^/]/i.test(url))
    return `link "${url}" is missing the colon: write ${url.replace(/^(https?)\/+/i, '$1://')}`;
  if (/^https?:\/(?!\/)/i.test(url)) return `link "${url}" needs two slashes: write ${url.replace(/^(https?):\/+/i, '$1://')}`;
  if (/^www\./i.test(url)) return `link "${url}" has no https://, so it would lead to a page of this site: write https://${url}`;
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|org|net|fr|uk|de|ru|gov|int|eu|info|io)(\/|$)/i.test(url))
    return `link "${url}" has no https://, so it would lead to a page of this site: write https://${url}`;
  return undefined;
}

/** The policy's messages for what a body may not hold (mdx-safety.ts and the text check say the same). */
export const BODY_MESSAGES = {
  esm: 'import and export statements are not allowed; the site components (Quote, Aside) need no import',
  expression: 'JavaScript in {braces} is not allowed; only a comment, {/* like this */}, may stand in braces',
  image: 'images are not allowed in bodies: the page shows sources, never copies of material',
  html: 'raw HTML is not allowed; use Markdown',
  missingParen: 'a link is missing its closing ")": write [text](https://address)',
  spaceBeforeParen: 'a link has a space between "]" and "(": write [text](https://address) with nothing between them',
} as const;

/** What is wrong with a link's address (refused scheme, or a slip), if anything. */
export function linkProblem(url: string): string | undefined {
  if (!isSafeBodyUrl(url)) return `link to "${url}" is not allowed: use an http(s) address`;
  return linkSlip(url);
}

/** A link that Markdown read as plain text because of a slip: a missing ")" or a space before "(". */
export function brokenLinkInText(text: string): string | undefined {
  if (/\]\((?:https?:|www\.)[^)\s]*(?:\s|$)/i.test(text) || /\]\($/.test(text)) return BODY_MESSAGES.missingParen;
  if (/\]\s+\((?:https?:|www\.)/i.test(text) || /\]\s+\($/.test(text)) return BODY_MESSAGES.spaceBeforeParen;
  return undefined;
}

/**
 * Refuses, before parsing, bodies shaped to exhaust the parser: brackets or tags nested
 * deeper than any text needs, towers of quotes or indentation, endless lines.
 */
export function bodyShapeProblem(body: string): BodyProblem | undefined {
  let depth = 0;
  // Lines as the MDX parser counts them: a lone CR ends a line too (else "x\r\r- - - …"
  // would hide a tower of list markers from the checks below).
  const lines = body.split(/\r\n|\r|\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (line.trim() === '') continue; // blank, or the frontmatter blanked out by spaces
    const at = (column: number, message: string) => ({ line: index + 1, column, message });
    if (line.length > BODY_LIMITS.lineLength)
      return at(1, `this line has ${line.length} characters; break it into paragraphs of at most ${BODY_LIMITS.lineLength}`);
    const lead = /^[ \t>]*/.exec(line)![0];
    if ((lead.match(/>/g)?.length ?? 0) > BODY_LIMITS.quoteDepth)
      return at(1, `quotes are nested more than ${BODY_LIMITS.quoteDepth} deep`);
    if (lead.replace(/\t/g, '    ').length > BODY_LIMITS.indent)
      return at(1, `this line is indented more than ${BODY_LIMITS.indent} columns`);
    // "- - - - …" opens a list inside a list at every marker: thousands of them exhaust the
    // stack of whatever walks the tree (the validator's policy, the build's guard).
    if (CONTAINER_LEAD.exec(line)![0].replace(/\t/g, '    ').length > BODY_LIMITS.indent)
      return at(1, `lists or quotes start more than ${BODY_LIMITS.indent} columns deep on this line`);
    for (let i = 0; i < line.length; i++) {
      const char = line[i];
      const opens = char === '(' || char === '[' || char === '{' || (char === '<' && /[A-Za-z]/.test(line[i + 1] ?? ''));
      const closes =
        char === ')' || char === ']' || char === '}' || (char === '<' && line[i + 1] === '/') || (char === '/' && line[i + 1] === '>');
      if (opens && ++depth > BODY_LIMITS.nesting)
        return at(i + 1, `brackets or tags are nested more than ${BODY_LIMITS.nesting} deep here`);
      if (closes) depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/** The problems of an MDX element (a component or inline HTML): its name, then each attribute. */
export function elementProblems(node: MdNode, report: (node: MdNode, message: string) => void) {
  const name = node.name ?? '';
  if (name === '') {
    report(node, 'fragments (<>…</>) are not allowed');
    return;
  }
  const lower = name.toLowerCase();
  if (FORBIDDEN_ELEMENTS.has(lower)) {
    report(node, `<${name}> is not allowed in content files`);
    return;
  }
  const component = Object.hasOwn(MDX_COMPONENTS, name)
    ? (MDX_COMPONENTS as Record<string, { props: readonly string[] }>)[name]
    : undefined;
  const htmlAttributes = Object.hasOwn(MDX_HTML_ELEMENTS, name) ? MDX_HTML_ELEMENTS[name] : undefined;
  if (!component && !htmlAttributes) {
    if (/^[A-Z]/.test(name) || name.includes('.')) {
      report(node, `component <${name}> is not provided by the site; available: ${Object.keys(MDX_COMPONENTS).join(', ')}`);
    } else {
      report(node, `<${name}> is not allowed; use Markdown, or one of: ${Object.keys(MDX_HTML_ELEMENTS).join(', ')}`);
    }
    return;
  }
  const allowed = component?.props ?? htmlAttributes ?? [];
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== 'mdxJsxAttribute') {
      report(node, `spread attributes ({...}) are not allowed on <${name}>`);
      continue;
    }
    const attr = attribute.name ?? '';
    if (/^on/i.test(attr)) {
      report(node, `event-handler attribute "${attr}" is not allowed`);
    } else if (attribute.value !== null && attribute.value !== undefined && typeof attribute.value !== 'string') {
      report(node, `attribute "${attr}" on <${name}> must be a plain "string", not a {expression}`);
    } else if (!allowed.includes(attr)) {
      report(node, `<${name}> does not take "${attr}"${allowed.length ? `; it takes: ${allowed.join(', ')}` : ''}`);
    } else if (typeof attribute.value === 'string' && /(href|src|cite)$/i.test(attr) && !isSafeBodyUrl(attribute.value)) {
      report(node, `"${attr}" address "${attribute.value}" is not allowed: use an http(s) address`);
    }
  }
}

/**
 * What the form tells a person about a body, without Sätteri: the shape limits, then, line by
 * line outside code, every link and link definition (refused schemes, `https//…`, `www.…`,
 * a missing ")" or a space before "("), images, `{expressions}` that are more than a
 * comment, import/export lines, and each element with its attributes. The messages are the
 * validator's own. Positions are in the text given (the file, when the frontmatter is
 * blanked out); a link read as text is reported at its "[", where the validator names the
 * start of the text around it. What needs the parser (MDX syntax errors, HTML comments, how
 * Markdown nests) is left to the pull request's check.
 */
export function bodyTextProblems(body: string): BodyProblem[] {
  const shape = bodyShapeProblem(body);
  if (shape) return [shape];
  const problems: BodyProblem[] = [];
  const lines = body.split('\n');
  let fence: string | undefined;
  let paragraphStart = true;
  let esm = false;
  let masked: string[] = [];
  let maskedFrom = 0;
  /** Where an expression that ran over several lines ends. */
  let skipTo: { index: number; column: number } | undefined;
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index].replace(/\r$/, '');
    const at = (column: number, message: string) => problems.push({ line: index + 1, column: column + 1, message });
    // Fences may stand in a quote or a list item ("> ```", "- ```").
    const inner = raw.replace(CONTAINER_MARKS, '');
    const fenceMark = /^ {0,3}(`{3,}|~{3,})/.exec(inner)?.[1];
    if (fence) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length && inner.trim() === fenceMark) fence = undefined;
      paragraphStart = true;
      continue;
    }
    if (fenceMark) {
      fence = fenceMark;
      esm = false;
      continue;
    }
    if (raw.trim() === '') {
      paragraphStart = true;
      esm = false;
      continue;
    }
    // An import/export line starts a block of JavaScript that runs to the next blank line.
    if (paragraphStart && /^(import|export)\s/.test(raw)) {
      at(0, BODY_MESSAGES.esm);
      esm = true;
    }
    if (paragraphStart) {
      // Code spans may run over several lines of a paragraph: mask them paragraph by paragraph.
      let end = index;
      while (
        end + 1 < lines.length &&
        lines[end + 1].trim() !== '' &&
        !/^ {0,3}(`{3,}|~{3,})/.test(lines[end + 1].replace(CONTAINER_MARKS, ''))
      )
        end++;
      masked = maskCode(
        lines
          .slice(index, end + 1)
          .map((l) => l.replace(/\r$/, ''))
          .join('\n'),
      ).split('\n');
      maskedFrom = index;
    }
    paragraphStart = false;
    if (esm) continue;
    const line = masked[index - maskedFrom] ?? raw;
    if (skipTo && index < skipTo.index) continue;
    const from = skipTo && index === skipTo.index ? skipTo.column : 0;
    skipTo = undefined;
    const definition = /^( {0,3}\[[^\]]+\]:[ \t]*)(<[^>]*>|\S+)/.exec(line);
    if (definition) {
      const problem = linkProblem(definition[2].replace(/^<|>$/g, ''));
      if (problem) at(definition[1].search(/\S/), problem);
      continue;
    }
    for (let i = from; i < line.length; i++) {
      const char = line[i];
      // A bare address (GFM autolink literal) runs to the next space or "<", brackets and braces included.
      const before = i === 0 ? ' ' : line[i - 1];
      const bare =
        (/^www\./i.test(line.slice(i, i + 4)) ? /[\s*_~()[\]]/.test(before) : !/[A-Za-z]/.test(before)) &&
        /^(?:https?:\/\/|www\.)(?:\\[!-/:-@[-`{-~]|[^\s<\\])*\\?/i.exec(line.slice(i));
      if (bare) {
        i += bare[0].length - 1;
      } else if (char === '\\') {
        i++; // an escaped character is text
      } else if (char === '[' || (char === '!' && line[i + 1] === '[')) {
        const open = char === '!' ? i + 1 : i;
        const close = matching(line, open, '[', ']');
        if (close < 0) continue;
        if (char === '!') {
          const image = line[close + 1] === '(' ? linkDestination(line, close + 1) : undefined;
          if (image) {
            at(i, BODY_MESSAGES.image);
            i = image.end;
          }
          continue;
        }
        // What follows, to the end of the paragraph (the text the parser would hold).
        const after = [line.slice(close + 1), ...masked.slice(index - maskedFrom + 1)].join('\n');
        const link = after.startsWith('(') ? linkDestination(line, close + 1) : undefined;
        if (link) {
          const problem = linkProblem(link.url);
          if (problem) at(i, problem);
          i = link.end;
        } else {
          const slip = brokenLinkInText(`]${after}`);
          if (slip) at(i, slip);
        }
      } else if (char === '{') {
        const close = matching(line, i, '{', '}');
        if (close >= 0) {
          if (!isCommentOnlyExpression(line.slice(i + 1, close))) at(i, BODY_MESSAGES.expression);
          i = close;
          continue;
        }
        // An expression may run over the next lines of its paragraph.
        const rest = [line.slice(i), ...masked.slice(index - maskedFrom + 1)].join('\n');
        const end = matching(rest, 0, '{', '}');
        if (end < 0 || !isCommentOnlyExpression(rest.slice(1, end))) at(i, BODY_MESSAGES.expression);
        if (end >= 0) {
          const skipped = rest.slice(0, end + 1).split('\n');
          skipTo = { index: index + skipped.length - 1, column: skipped.length === 1 ? i + end + 1 : skipped[skipped.length - 1].length };
          break;
        }
      } else if (char === '<' && /[A-Za-z>]/.test(line[i + 1] ?? '')) {
        const tag = /^<([A-Za-z][\w.-]*)?((?:\s+(?:[A-Za-z_:][\w:.-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|\{[^}]*\}))?|\{[^}]*\}))*)\s*\/?>/.exec(
          line.slice(i),
        );
        if (!tag) continue;
        const attributes = [...tag[2].matchAll(/([A-Za-z_:][\w:.-]*)(?:\s*=\s*("[^"]*"|'[^']*'|\{[^}]*\}))?|\{([^}]*)\}/g)].map((m) =>
          m[3] !== undefined
            ? { type: 'mdxJsxExpressionAttribute' }
            : {
                type: 'mdxJsxAttribute',
                name: m[1],
                value: m[2] === undefined ? null : m[2].startsWith('{') ? { type: 'expression' } : m[2].slice(1, -1),
              },
        );
        elementProblems({ type: 'mdxJsxTextElement', name: tag[1] ?? '', attributes }, (_node, message) => at(i, message));
        i += tag[0].length - 1;
      }
    }
  }
  return problems;
}

/** Indentation with the quote and list markers among it, at the start of a line. */
const CONTAINER_LEAD = /^(?:[ \t>]|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))*/;

/** Quote and list markers at the start of a line. */
const CONTAINER_MARKS = /^(?:[ \t]*(?:>|[-*+]|\d{1,9}[.)])(?=[ \t]|$)[ \t]?)*/;

/**
 * The text with its `code spans` turned to U+0001, line breaks kept (same length, so
 * positions stay): neither a space, a letter nor a sign, so that nothing around a code span
 * reads differently (a bare address before it runs on through it, as in GFM).
 */
function maskCode(text: string): string {
  return text.replace(/(?<!`)(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, (span) => span.replace(/[^\n]/g, '\u0001'));
}

/** Index of the bracket that closes the one at `open` on this line, or -1. */
function matching(line: string, open: number, opening: string, closing: string): number {
  let depth = 0;
  for (let i = open; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === opening) depth++;
    else if (line[i] === closing && --depth === 0) return i;
  }
  return -1;
}

/** The address of an inline link whose "(" is at `open`, and where the link ends; undefined if it is not closed. */
function linkDestination(line: string, open: number): { url: string; end: number } | undefined {
  let i = open + 1;
  while (line[i] === ' ' || line[i] === '\t') i++;
  let url = '';
  if (line[i] === '<') {
    const close = line.indexOf('>', i);
    if (close < 0) return undefined;
    url = line.slice(i + 1, close);
    i = close + 1;
  } else {
    let depth = 0;
    for (; i < line.length; i++) {
      const char = line[i];
      if (char === '\\') {
        url += line[i + 1] ?? '';
        i++;
        continue;
      }
      if (/\s/.test(char)) break;
      if (char === '(') depth++;
      else if (char === ')' && depth-- === 0) break;
      url += char;
    }
  }
  while (line[i] === ' ' || line[i] === '\t') i++;
  const title = /^("[^"]*"|'[^']*'|\([^)]*\))\s*/.exec(line.slice(i));
  if (title) i += title[0].length;
  return line[i] === ')' ? { url, end: i } : undefined;
}

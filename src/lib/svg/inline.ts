/**
 * SVG markup made to stand on its own: parsed into a small tree (from Astro's HTML output or
 * the browser's XMLSerializer alike), its stylesheet applied to every element as plain
 * presentation attributes (custom properties and currentColor resolved to colours, elements
 * the stylesheet hides left out), and written back as well-formed XML with every text and
 * attribute escaped. The result needs no CSS at all, so that it renders the same in
 * browsers, librsvg, Inkscape and presentation software, and a title holding `<`, `&` or
 * quotes cannot break it. Pure string work, for the build and the browser.
 */
import { escapeXml } from '../escape.ts';

/** An element of the parsed SVG tree: name, attributes in order, children. */
export interface SvgElement {
  name: string;
  attrs: [string, string][];
  children: SvgNode[];
}
/** An element or a text node. */
export type SvgNode = SvgElement | string;

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Text with its character references and the common named entities decoded. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const point = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(point) && point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : '';
    }
    return NAMED_ENTITIES[code.toLowerCase()] ?? whole;
  });
}

const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<[?!][^>]*>|<\/([^\s>]+)\s*>|<([A-Za-z][^\s/>]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>|([^<]+)|</g;
const ATTR = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

/** Parses SVG markup (one root element) into a tree. Lenient: unclosed elements end with their parent. */
export function parseSvg(markup: string): SvgElement {
  const root: SvgElement = { name: '#root', attrs: [], children: [] };
  const stack: SvgElement[] = [root];
  for (const match of markup.matchAll(TOKEN)) {
    const [, cdata, close, open, attrText, selfClose, text] = match;
    const top = stack[stack.length - 1];
    if (cdata !== undefined) top.children.push(cdata);
    else if (close !== undefined) {
      let at = stack.length - 1;
      while (at >= 0 && stack[at].name !== close) at--;
      if (at > 0) stack.length = at;
    } else if (open !== undefined) {
      const attrs: [string, string][] = [];
      for (const [, name, a, b, c] of (attrText ?? '').matchAll(ATTR)) attrs.push([name, decodeEntities(a ?? b ?? c ?? '')]);
      const element: SvgElement = { name: open, attrs, children: [] };
      top.children.push(element);
      if (!selfClose) stack.push(element);
    } else if (text !== undefined) top.children.push(decodeEntities(text));
  }
  const first = root.children.find((c): c is SvgElement => typeof c !== 'string');
  if (!first) throw new Error('no SVG element in the markup');
  return first;
}

/** The tree written back as well-formed XML, every text and attribute escaped. */
export function serializeSvg(node: SvgNode): string {
  if (typeof node === 'string') return escapeXml(node);
  let out = `<${node.name}`;
  for (const [name, value] of node.attrs) out += ` ${name}="${escapeXml(value)}"`;
  if (!node.children.length) return `${out}/>`;
  out += '>';
  for (const child of node.children) out += serializeSvg(child);
  return `${out}</${node.name}>`;
}

/** The value of an attribute of an element, if it has it. */
export const attr = (element: SvgElement, name: string) => element.attrs.find(([n]) => n === name)?.[1];
/** Sets an attribute of an element, in place if it has it, else at the end. */
export function setAttr(element: SvgElement, name: string, value: string) {
  const found = element.attrs.find(([n]) => n === name);
  if (found) found[1] = value;
  else element.attrs.push([name, value]);
}

// ------------------------------------------------------------------ a stylesheet, applied

interface Compound {
  tag?: string;
  classes: string[];
  attrs: { name: string; value?: string }[];
  not: Compound[];
}
interface Selector {
  /** Right to left: the subject first, then each ancestor step with the combinator that leads to it. */
  parts: { compound: Compound; combinator: ' ' | '>' }[];
  specificity: number;
}
interface Rule {
  selectors: Selector[];
  declarations: [string, string][];
  order: number;
}

function parseCompound(text: string): Compound | null {
  const compound: Compound = { classes: [], attrs: [], not: [] };
  const re = /^(\*|[a-zA-Z][\w-]*)|\.([\w-]+)|\[([\w-]+)(?:=['"]?([^'"\]]*)['"]?)?\]|:not\(([^)]*)\)|(::?[\w-]+(?:\([^)]*\))?)|(#[\w-]+)/g;
  let consumed = 0;
  for (const m of text.matchAll(re)) {
    if (m.index !== consumed) return null;
    consumed += m[0].length;
    if (m[1]) compound.tag = m[1] === '*' ? undefined : m[1];
    else if (m[2]) compound.classes.push(m[2]);
    else if (m[3]) compound.attrs.push({ name: m[3], value: m[4] });
    else if (m[5] !== undefined) {
      const inner = parseCompound(m[5].trim());
      if (!inner) return null;
      compound.not.push(inner);
    } else return null; // states (:hover, :focus…), pseudo-elements and ids never match a picture
  }
  return consumed === text.length ? compound : null;
}

function parseSelector(text: string): Selector | null {
  const tokens = text
    .trim()
    .replace(/\s*>\s*/g, ' > ')
    .split(/\s+/);
  const parts: Selector['parts'] = [];
  let combinator: ' ' | '>' = ' ';
  let specificity = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i];
    if (token === '>') {
      combinator = '>';
      continue;
    }
    if (/[+~]/.test(token)) return null;
    const compound = parseCompound(token);
    if (!compound) return null;
    specificity += (compound.classes.length + compound.attrs.length + compound.not.length) * 100 + (compound.tag ? 1 : 0);
    parts.push({ compound, combinator });
    combinator = ' ';
  }
  return parts.length ? { parts, specificity } : null;
}

/** The rules of a stylesheet outside at-rules (media queries are about pages, not pictures). */
export function parseCss(css: string): Rule[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: Rule[] = [];
  let i = 0;
  while (i < text.length) {
    const brace = text.indexOf('{', i);
    if (brace < 0) break;
    const prelude = text.slice(i, brace).trim();
    // Find the matching close brace (nested blocks inside at-rules).
    let depth = 1;
    let j = brace + 1;
    while (j < text.length && depth) {
      if (text[j] === '{') depth++;
      else if (text[j] === '}') depth--;
      j++;
    }
    const body = text.slice(brace + 1, j - 1);
    i = j;
    if (prelude.startsWith('@')) continue;
    const selectors = prelude
      .split(',')
      .map(parseSelector)
      .filter((s): s is Selector => !!s);
    if (!selectors.length) continue;
    const declarations = body
      .split(';')
      .map((d) => {
        const colon = d.indexOf(':');
        return colon < 0
          ? null
          : ([
              d.slice(0, colon).trim(),
              d
                .slice(colon + 1)
                .replace(/!important/, '')
                .trim(),
            ] as [string, string]);
      })
      .filter((d): d is [string, string] => !!d && !!d[0] && !!d[1]);
    rules.push({ selectors, declarations, order: rules.length });
  }
  return rules;
}

/** An element with its class names, split once (an element is matched against many selectors, and as an ancestor). */
interface Classed {
  element: SvgElement;
  classes: string[];
}

function matchesCompound(node: Classed, compound: Compound): boolean {
  if (compound.tag && compound.tag !== node.element.name) return false;
  for (const name of compound.classes) if (!node.classes.includes(name)) return false;
  for (const a of compound.attrs) {
    const value = attr(node.element, a.name);
    if (a.value === undefined ? value === undefined : value !== a.value) return false;
  }
  for (const not of compound.not) if (matchesCompound(node, not)) return false;
  return true;
}

/** `ancestors` runs from the root to the element's parent. */
function matches(selector: Selector, node: Classed, ancestors: Classed[]): boolean {
  const { parts } = selector;
  if (!matchesCompound(node, parts[0].compound)) return false;
  let at = ancestors.length - 1;
  let combinator = parts[0].combinator;
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i];
    if (combinator === '>') {
      if (at < 0 || !matchesCompound(ancestors[at], part.compound)) return false;
      at--;
    } else {
      while (at >= 0 && !matchesCompound(ancestors[at], part.compound)) at--;
      if (at < 0) return false;
      at--;
    }
    combinator = part.combinator;
  }
  return true;
}

const INHERITED = new Set([
  'color',
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linejoin',
  'stroke-linecap',
  'paint-order',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'visibility',
]);
/** Properties written out as SVG presentation attributes. */
const PRESENTATION = new Set([...INHERITED, 'opacity']);
PRESENTATION.delete('color');

/** What inlining the stylesheet needs: the custom properties to resolve, and attributes to drop. */
export interface InlineOptions {
  /** Custom properties defined above the picture (the site's palette and fonts). */
  variables: Record<string, string>;
  /** Attributes to drop (scripting and accessibility plumbing of the page). */
  dropAttribute?: (name: string) => boolean;
}

/** Resolves var(--x, fallback) against `scope`. */
function resolveVars(value: string, scope: Record<string, string>, depth = 0): string {
  if (depth > 8 || !value.includes('var(')) return value;
  return value.replace(/var\(\s*(--[\w-]+)\s*(?:,\s*((?:[^()]|\([^()]*\))*))?\)/g, (_, name: string, fallback?: string) => {
    const found = scope[name] ?? fallback ?? '';
    return resolveVars(found, scope, depth + 1);
  });
}

/** Splits the `font` shorthand as the chart's stylesheet writes it: `[style] [weight] size[/line-height] family`. */
function expandFont(value: string): [string, string][] {
  const m = /^(?:(italic|normal)\s+)?(?:(bold|[1-9]00)\s+)?([\d.]+(?:px|pt|em|rem|%))(?:\/[\d.]+\w*)?\s+(.+)$/.exec(value.trim());
  if (!m) return [];
  const out: [string, string][] = [
    ['font-size', m[3]],
    ['font-family', m[4]],
  ];
  if (m[1]) out.push(['font-style', m[1]]);
  if (m[2]) out.push(['font-weight', m[2]]);
  return out;
}

/** A selector with its rule, filed under what its subject requires. */
interface FiledSelector {
  rule: Rule;
  selector: Selector;
}
/**
 * A stylesheet's selectors filed under what their subject requires (a class, else a tag, else
 * nothing), so that an element is matched only against selectors that can apply to it: a chart
 * has thousands of elements and the stylesheet hundreds of selectors. Order does not matter:
 * declarations are sorted by specificity and source order.
 */
interface CompiledSheet {
  universal: FiledSelector[];
  byTag: Map<string, FiledSelector[]>;
  byClass: Map<string, FiledSelector[]>;
}

/** The last stylesheet compiled: every picture of a build (and every download in a browser) inlines the same one. */
let lastSheet: { css: string; sheet: CompiledSheet } | undefined;

function compiledSheet(css: string): CompiledSheet {
  if (lastSheet?.css === css) return lastSheet.sheet;
  const sheet: CompiledSheet = { universal: [], byTag: new Map(), byClass: new Map() };
  const file = (map: Map<string, FiledSelector[]>, key: string, filed: FiledSelector) => {
    const list = map.get(key);
    if (list) list.push(filed);
    else map.set(key, [filed]);
  };
  for (const rule of parseCss(css)) {
    for (const selector of rule.selectors) {
      const subject = selector.parts[0].compound;
      if (subject.classes.length) file(sheet.byClass, subject.classes[0], { rule, selector });
      else if (subject.tag) file(sheet.byTag, subject.tag, { rule, selector });
      else sheet.universal.push({ rule, selector });
    }
  }
  lastSheet = { css, sheet };
  return sheet;
}

/**
 * Applies `css` to the tree: each element gets, as attributes, the presentation properties the
 * stylesheet sets on it (resolved to plain values); elements it hides are removed; attributes
 * named by `dropAttribute` go. Class names stay, as names only: nothing styles them any more.
 */
export function inlineStyles(root: SvgElement, css: string, options: InlineOptions): SvgElement {
  const sheet = compiledSheet(css);
  const drop = options.dropAttribute ?? (() => false);
  /** The element's ancestors while it is visited, root first. */
  const ancestors: Classed[] = [];
  // What an element inherits: one scope for the whole walk, each element's settings undone when
  // the walk leaves it (copying the scope for each of a picture's thousands of elements cost more
  // than the rest of the work).
  const scope: Record<string, string> = { ...options.variables };
  const visit = (element: SvgElement): SvgElement | null => {
    const declared: { property: string; value: string; specificity: number; order: number }[] = [];
    const node: Classed = { element, classes: (attr(element, 'class') ?? '').split(/\s+/).filter(Boolean) };
    const best = new Map<Rule, number>();
    const consider = (candidates: FiledSelector[] | undefined) => {
      if (!candidates) return;
      for (const { rule, selector } of candidates) {
        if (selector.specificity > (best.get(rule) ?? -1) && matches(selector, node, ancestors)) best.set(rule, selector.specificity);
      }
    };
    consider(sheet.universal);
    consider(sheet.byTag.get(element.name));
    for (const name of node.classes) consider(sheet.byClass.get(name));
    for (const [rule, specificity] of best) {
      for (const [property, value] of rule.declarations) {
        if (property === 'font')
          for (const [p, v] of expandFont(value)) declared.push({ property: p, value: v, specificity, order: rule.order });
        else declared.push({ property, value, specificity, order: rule.order });
      }
    }
    declared.sort((a, b) => a.specificity - b.specificity || a.order - b.order);
    // Presentation attributes already on the element count below any stylesheet rule; a style attribute above.
    const own: Record<string, string> = {};
    for (const [name, value] of element.attrs) if (PRESENTATION.has(name) || name === 'color' || name === 'display') own[name] = value;
    for (const d of declared) own[d.property] = d.value;
    for (const part of (attr(element, 'style') ?? '').split(';')) {
      const colon = part.indexOf(':');
      if (colon > 0) own[part.slice(0, colon).trim()] = part.slice(colon + 1).trim();
    }
    const parentColor = scope.color;
    const saved: [string, string | undefined][] = [];
    const set = (name: string, value: string) => {
      saved.push([name, scope[name]]);
      scope[name] = value;
    };
    const restore = () => {
      for (let i = saved.length - 1; i >= 0; i--) {
        const [name, value] = saved[i];
        if (value === undefined) delete scope[name];
        else scope[name] = value;
      }
    };
    const entries = Object.entries(own);
    for (const [name, value] of entries) if (name.startsWith('--')) set(name, resolveVars(value, scope));
    const resolve = (value: string) => resolveVars(value, scope);
    if (own.color) set('color', resolve(own.color).replace(/currentcolor/i, parentColor ?? '#000'));
    if (resolve(own.display ?? '') === 'none') {
      restore();
      return null;
    }
    const attrs: [string, string][] = [];
    for (const [name, value] of element.attrs) {
      if (name === 'style' || name === 'color' || name === 'display' || PRESENTATION.has(name) || drop(name)) continue;
      attrs.push([name, value]);
    }
    for (const [name, value] of entries) {
      if (!PRESENTATION.has(name)) continue;
      const plain = resolve(value)
        .replace(/currentcolor/gi, scope.color ?? '#000')
        .trim();
      if (!plain) continue;
      attrs.push([name, plain]);
      if (INHERITED.has(name)) set(name, plain);
    }
    const children: SvgNode[] = [];
    ancestors.push(node);
    for (const child of element.children) {
      if (typeof child === 'string') children.push(child);
      else {
        const kept = visit(child);
        if (kept) children.push(kept);
      }
    }
    ancestors.pop();
    restore();
    return { name: element.name, attrs, children };
  };
  const result = visit(root);
  if (!result) throw new Error('the stylesheet hides the whole picture');
  return result;
}

/**
 * MDX bodies arrive from outside contributors, and MDX is code. This parses a body with the
 * build's own MDX parser (Sätteri, with the build's features) and refuses what could run
 * code, load something, or break the page. The build runs the same policy again on the
 * tree it compiles (src/lib/content/mdx-guard.ts).
 */
import { mdxToMdast } from 'satteri';
import { MDX_FEATURES, isCommentOnlyExpression } from '../content/mdx-options.ts';
import { MDX_COMPONENTS, MDX_HTML_ELEMENTS } from '../mdx-components.ts';

export interface BodyProblem {
  line: number;
  column: number;
  message: string;
}

/** Elements named by the content model as never allowed. */
const FORBIDDEN_ELEMENTS = new Set(['script', 'style', 'iframe', 'object', 'embed', 'frame', 'frameset', 'link', 'meta', 'base', 'form', 'svg', 'math']);
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
  if (compact.startsWith('//') || compact.startsWith('/\\') || compact.startsWith('\\')) return false; // another host, without saying which scheme
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  return scheme === null || SAFE_SCHEMES.has(scheme[1].toLowerCase());
}

/** What is wrong with a body link an editor typed by hand, if anything. */
export function linkSlip(url: string): string | undefined {
  if (/^https?\/\//i.test(url) || /^https?\/[^/]/i.test(url)) return `link "${url}" is missing the colon: write ${url.replace(/^(https?)\/+/i, '$1://')}`;
  if (/^https?:\/(?!\/)/i.test(url)) return `link "${url}" needs two slashes: write ${url.replace(/^(https?):\/+/i, '$1://')}`;
  if (/^www\./i.test(url)) return `link "${url}" has no https://, so it would lead to a page of this site: write https://${url}`;
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|org|net|fr|uk|de|ru|gov|int|eu|info|io)(\/|$)/i.test(url)) return `link "${url}" has no https://, so it would lead to a page of this site: write https://${url}`;
  return undefined;
}

/**
 * Refuses, before parsing, bodies shaped to exhaust the parser: brackets or tags nested
 * deeper than any text needs, towers of quotes or indentation, endless lines.
 */
export function bodyShapeProblem(body: string): BodyProblem | undefined {
  let depth = 0;
  const lines = body.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (line.trim() === '') continue; // blank, or the frontmatter blanked out by spaces
    const at = (column: number, message: string) => ({ line: index + 1, column, message });
    if (line.length > BODY_LIMITS.lineLength) return at(1, `this line has ${line.length} characters; break it into paragraphs of at most ${BODY_LIMITS.lineLength}`);
    const lead = /^[ \t>]*/.exec(line)![0];
    if ((lead.match(/>/g)?.length ?? 0) > BODY_LIMITS.quoteDepth) return at(1, `quotes are nested more than ${BODY_LIMITS.quoteDepth} deep`);
    if (lead.replace(/\t/g, '    ').length > BODY_LIMITS.indent) return at(1, `this line is indented more than ${BODY_LIMITS.indent} columns`);
    for (let i = 0; i < line.length; i++) {
      const char = line[i];
      const opens = char === '(' || char === '[' || char === '{' || (char === '<' && /[A-Za-z]/.test(line[i + 1] ?? ''));
      const closes = char === ')' || char === ']' || char === '}' || (char === '<' && line[i + 1] === '/') || (char === '/' && line[i + 1] === '>');
      if (opens && ++depth > BODY_LIMITS.nesting) return at(i + 1, `brackets or tags are nested more than ${BODY_LIMITS.nesting} deep here`);
      if (closes) depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/** Parses a body as the build does; throws the parser's error (with line and column). */
export function parseBody(body: string): MdNode {
  return mdxToMdast(body, { features: MDX_FEATURES }) as unknown as MdNode;
}

/**
 * Checks an MDX body. `body` is the file with its frontmatter blanked out (as the build
 * compiles it), so positions are positions in the file.
 */
export function checkMdxBody(body: string): BodyProblem[] {
  const shape = bodyShapeProblem(body);
  if (shape) return [shape];
  let tree: MdNode;
  try {
    tree = parseBody(body);
  } catch (error) {
    const message = String((error as Error).message ?? error);
    const where = /^(\d+):(\d+):\s*/.exec(message);
    const reason = message.replace(/^(\d+):(\d+):\s*/, '').replace(/\s*\((?:mdx|micromark)[^)]*\)\s*$/, '');
    return [{ line: where ? Number(where[1]) : 1, column: where ? Number(where[2]) : 1, message: `MDX syntax error: ${reason}` }];
  }
  return bodyPolicyProblems(tree);
}

/** Every node of a parsed body that the content model refuses, with a message for the editor. */
export function bodyPolicyProblems(tree: MdNode): BodyProblem[] {
  const problems: BodyProblem[] = [];
  const report = (node: MdNode, message: string) =>
    problems.push({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1, message });

  const visit = (node: MdNode) => {
    switch (node.type) {
      case 'mdxjsEsm':
        report(node, 'import and export statements are not allowed; the site components (Quote, Aside) need no import');
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!isCommentOnlyExpression(String(node.value ?? ''))) {
          report(node, 'JavaScript in {braces} is not allowed; only a comment, {/* like this */}, may stand in braces');
        }
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(node, report);
        break;
      case 'link':
      case 'definition':
        if (node.url !== undefined && !isSafeBodyUrl(node.url)) {
          report(node, `link to "${node.url}" is not allowed: use an http(s) address`);
        } else if (node.url !== undefined) {
          const slip = linkSlip(node.url);
          if (slip) report(node, slip);
        }
        break;
      case 'text': {
        const text = String(node.value ?? '');
        if (/\]\((?:https?:|www\.)[^)\s]*(?:\s|$)/i.test(text) || /\]\($/.test(text)) report(node, 'a link is missing its closing ")": write [text](https://address)');
        else if (/\]\s+\((?:https?:|www\.)/i.test(text) || /\]\s+\($/.test(text)) report(node, 'a link has a space between "]" and "(": write [text](https://address) with nothing between them');
        break;
      }
      case 'image':
      case 'imageReference':
        report(node, 'images are not allowed in bodies: the page shows sources, never copies of material');
        break;
      case 'html':
      case 'yaml':
      case 'toml':
        report(node, 'raw HTML is not allowed; use Markdown');
        break;
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  return problems;
}

function checkElement(node: MdNode, report: (node: MdNode, message: string) => void) {
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
  const component = Object.hasOwn(MDX_COMPONENTS, name) ? (MDX_COMPONENTS as Record<string, { props: readonly string[] }>)[name] : undefined;
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

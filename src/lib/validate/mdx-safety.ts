/**
 * MDX bodies arrive from outside contributors, and MDX is code. This parses a body with
 * the real MDX parser and refuses what could run code, load something, or break the page.
 */
import { createProcessor } from '@mdx-js/mdx';
import { MDX_COMPONENTS, MDX_HTML_ELEMENTS } from '../mdx-components.ts';

export interface BodyProblem {
  line: number;
  column: number;
  message: string;
}

/** Elements named by the content model as never allowed. */
const FORBIDDEN_ELEMENTS = new Set(['script', 'style', 'iframe', 'object', 'embed', 'frame', 'frameset', 'link', 'meta', 'base', 'form', 'svg', 'math']);
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

const processor = createProcessor({ format: 'mdx' });

interface MdNode {
  type: string;
  name?: string | null;
  value?: string;
  url?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdNode[];
  position?: { start: { line: number; column: number } };
}

/** Is this URL one an event body may link to? (http(s), mailto, same-site paths and fragments) */
export function isSafeBodyUrl(url: string): boolean {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (compact.startsWith('//')) return false; // another host, without saying which scheme
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  return scheme === null || SAFE_SCHEMES.has(scheme[1].toLowerCase());
}

function isCommentOnly(expression: string): boolean {
  return /^\s*(\/\*[\s\S]*?\*\/\s*)*$/.test(expression);
}

/** Checks an MDX body; line numbers are shifted so that they point into the whole file. */
export function checkMdxBody(body: string, bodyStartLine = 1): BodyProblem[] {
  const problems: BodyProblem[] = [];
  let tree: MdNode;
  try {
    tree = processor.parse(body) as unknown as MdNode;
  } catch (error) {
    const e = error as { line?: number; column?: number; reason?: string; message?: string };
    return [
      {
        line: (e.line ?? 1) + bodyStartLine - 1,
        column: e.column ?? 1,
        message: `MDX syntax error: ${e.reason ?? e.message}`,
      },
    ];
  }
  const report = (node: MdNode, message: string) =>
    problems.push({
      line: (node.position?.start.line ?? 1) + bodyStartLine - 1,
      column: node.position?.start.column ?? 1,
      message,
    });

  const visit = (node: MdNode) => {
    switch (node.type) {
      case 'mdxjsEsm':
        report(node, 'import and export statements are not allowed; the site components (Quote, Aside) need no import');
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!isCommentOnly(node.value ?? '')) report(node, 'JavaScript expressions in {braces} are not allowed');
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(node, report);
        break;
      case 'link':
      case 'definition':
        if (node.url !== undefined && !isSafeBodyUrl(node.url)) {
          report(node, `link to "${node.url}" is not allowed: use an http(s) address`);
        }
        break;
      case 'image':
      case 'imageReference':
        report(node, 'images are not allowed in bodies: the page shows sources, never copies of material');
        break;
      case 'html':
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
  const component = (MDX_COMPONENTS as Record<string, { props: readonly string[] }>)[name];
  const htmlAttributes = MDX_HTML_ELEMENTS[name];
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
    } else if (typeof attribute.value === 'object' && attribute.value !== null) {
      report(node, `attribute "${attr}" on <${name}> must be a plain "string", not a {expression}`);
    } else if (!allowed.includes(attr)) {
      report(node, `<${name}> does not take "${attr}"${allowed.length ? `; it takes: ${allowed.join(', ')}` : ''}`);
    } else if (typeof attribute.value === 'string' && /(href|src|cite)$/i.test(attr) && !isSafeBodyUrl(attribute.value)) {
      report(node, `"${attr}" address "${attribute.value}" is not allowed: use an http(s) address`);
    }
  }
}

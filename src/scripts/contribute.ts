/**
 * The /contribute/ page's script (loaded by that page alone). Reads the form into event data,
 * writes the file with src/lib/contribute/draft.ts, checks it with the validator's reader,
 * schema and messages, and offers download, copy and GitHub's "new file" page.
 * User text is only ever put in the page with textContent, never as HTML.
 */
import type { ArchiveFacts } from '../lib/contribute/check.ts';
import { composeDate, eventFileText, eventFilePath, newFileUrl, offsetIn, slugFromTitle, type Precision } from '../lib/contribute/draft.ts';
import { formatProblem, type Problem } from '../lib/validate/problems.ts';
import type { Dictionary } from '../lib/i18n/en.ts';
import { fillTemplate } from '../lib/timeline/names.ts';

/** The page's words, in its language (the dictionary's contribute.script, written by the page). */
const texts = JSON.parse(document.getElementById('contribute-form')?.dataset.texts ?? '{}') as Dictionary['contribute']['script'];

/** The checker runs in a worker (see contribute-check.worker.ts); each answer carries its request's number. */
const checker = new Worker(new URL('./contribute-check.worker.ts', import.meta.url), { type: 'module' });
let requests = 0;
/** Beyond this many characters, an address may be refused or cut short by a browser or a server. */
const LONG_URL = 8000;
checker.addEventListener('error', () => {
  const status = document.getElementById('check-status');
  if (status) status.textContent = texts.checkerFailed;
  document.getElementById('output')?.removeAttribute('hidden');
});
const pending = new Map<number, (problems: Problem[]) => void>();
checker.addEventListener('message', (event: MessageEvent<{ id: number; problems: Problem[] }>) => {
  pending.get(event.data.id)?.(event.data.problems);
  pending.delete(event.data.id);
});
function checkInWorker(text: string, incident: string, slug: string, facts: ArchiveFacts): Promise<Problem[]> {
  const id = ++requests;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    checker.postMessage({ id, text, incident, slug, facts });
  });
}

const form = document.getElementById('contribute-form') as HTMLFormElement | null;
if (form) init(form);

function init(form: HTMLFormElement) {
  const facts = JSON.parse(form.dataset.facts ?? '{"actors":[],"incidents":[]}') as ArchiveFacts;
  const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const incident = $<HTMLSelectElement>('f-incident');
  const slug = $<HTMLInputElement>('f-slug');
  const title = $<HTMLInputElement>('f-title');
  const kind = $<HTMLSelectElement>('f-kind');
  const hasEnd = $<HTMLInputElement>('f-has-end');
  const body = $<HTMLTextAreaElement>('f-body');
  const summary = $('error-summary');
  const errorList = $('error-list');
  const output = $('output');
  const fileText = $<HTMLTextAreaElement>('file-text');
  let slugEdited = false;
  let checked = false;

  // ---------------------------------------------------------------- defaults and helpers
  const reviewed = $<HTMLInputElement>('f-reviewed');
  if (!reviewed.value) reviewed.value = new Date().toISOString().slice(0, 10);
  title.addEventListener('input', () => {
    if (!slugEdited) slug.value = slugFromTitle(title.value);
  });
  slug.addEventListener('input', () => (slugEdited = slug.value !== ''));

  const showKind = () => {
    for (const block of form.querySelectorAll<HTMLFieldSetElement>('[data-block]')) block.hidden = block.dataset.block !== kind.value;
    if (kind.value === 'blackout') hasEnd.checked = true;
    showEnd();
  };
  const showEnd = () => {
    $('g-end').hidden = !hasEnd.checked;
  };
  kind.addEventListener('change', showKind);
  hasEnd.addEventListener('change', showEnd);

  const dateParts = (group: HTMLElement) => {
    const part = (name: string) => (group.querySelector<HTMLInputElement>(`[data-part="${name}"]`)?.value ?? '').trim();
    return {
      precision: part('precision') as Precision,
      year: part('year'),
      month: part('month'),
      day: part('day'),
      time: part('time'),
      offset: part('offset'),
    };
  };
  for (const group of form.querySelectorAll<HTMLElement>('[data-date]')) {
    const update = () => {
      const parts = dateParts(group);
      const order: Precision[] = ['year', 'month', 'day', 'minute'];
      for (const needs of group.querySelectorAll<HTMLElement>('[data-needs]')) {
        needs.hidden = order.indexOf(needs.dataset.needs as Precision) > order.indexOf(parts.precision);
      }
      group.querySelector('[data-date-preview]')!.textContent = parts.year ? composeDate(parts) : texts.notYet;
    };
    group.addEventListener('input', update);
    group.addEventListener('change', update);
    group.querySelector('[data-offset-helper]')?.addEventListener('click', () => {
      const zone = incident.selectedOptions[0]?.dataset.timezone ?? 'UTC';
      const parts = dateParts(group);
      const day = composeDate({ ...parts, precision: 'day' });
      const offset = offsetIn(zone, day, parts.time || '12:00');
      const status = group.querySelector('[data-date-preview]')!;
      if (!offset) {
        status.textContent = texts.giveDateFirst;
        return;
      }
      group.querySelector<HTMLInputElement>('[data-part="offset"]')!.value = offset;
      update();
      status.textContent += fillTemplate(texts.zoneOnDay, { zone });
    });
    update();
  }

  // ---------------------------------------------------------------- repeatable groups
  const addItem = (name: string) => {
    const list = form.querySelector<HTMLOListElement>(`[data-repeat="${name}"]`)!;
    const template = document.getElementById(`t-${name}`) as HTMLTemplateElement;
    const item = template.content.firstElementChild!.cloneNode(true) as HTMLLIElement;
    list.append(item);
    item.querySelector<HTMLButtonElement>('[data-remove]')!.addEventListener('click', () => {
      item.remove();
      renumber(name);
      ($(`f-${name}`) as HTMLElement).focus();
    });
    renumber(name);
    return item;
  };
  /** Ids follow the validator's field names: sources[1].url is #f-sources-1-url. */
  const renumber = (name: string) => {
    form.querySelectorAll<HTMLLIElement>(`[data-repeat="${name}"] > li`).forEach((item, index) => {
      for (const n of item.querySelectorAll('[data-n]')) n.textContent = String(index + 1);
      for (const control of item.querySelectorAll<HTMLElement>('[data-field]')) {
        const field = control.dataset.field!;
        control.id = `f-${name}-${index}-${field}`;
        control.dataset.path = `${name}.${index}.${field}`;
        item.querySelector(`[data-for="${field}"]`)?.setAttribute('for', control.id);
        const help = item.querySelector(`[data-help="${field}"]`);
        if (help) {
          help.id = `h-${control.id}`;
          control.setAttribute('aria-describedby', help.id);
        }
      }
    });
  };
  for (const button of form.querySelectorAll<HTMLButtonElement>('[data-add]')) {
    button.addEventListener('click', () => {
      const item = addItem(button.dataset.add!);
      item.querySelector<HTMLElement>('[data-field]')?.focus();
    });
  }
  addItem('sources');

  // ---------------------------------------------------------------- preview
  const preview = $('body-preview');
  const renderPreview = () => preview.replaceChildren(...markdownPreview(body.value));
  body.addEventListener('input', renderPreview);
  renderPreview();

  // ---------------------------------------------------------------- reading the form
  const readData = (): Record<string, unknown> => {
    const data: Record<string, unknown> = {};
    const set = (path: string, value: unknown) => {
      const keys = path.split('.');
      let node = data as Record<string, unknown>;
      keys.forEach((key, i) => {
        if (i === keys.length - 1) node[key] = value;
        else {
          node[key] ??= /^\d+$/.test(keys[i + 1]) ? [] : {};
          node = node[key] as Record<string, unknown>;
        }
      });
    };
    for (const control of form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('[data-path]')) {
      if (control.closest('[hidden]')) continue;
      let value: unknown = control instanceof HTMLInputElement && control.type === 'checkbox' ? control.checked : control.value;
      if (control.dataset.type === 'round' && typeof value === 'string' && /^\d+$/.test(value.trim())) value = Number(value);
      set(control.dataset.path!, value);
    }
    for (const group of form.querySelectorAll<HTMLElement>('[data-date]')) {
      if (group.hidden) continue;
      const parts = dateParts(group);
      set(group.dataset.date!, parts.year ? composeDate(parts) : '');
    }
    return data;
  };

  // ---------------------------------------------------------------- checking
  const controlFor = (field: string): HTMLElement | null => {
    if (field === 'file') return slug;
    if (field === 'frontmatter') return title;
    let id = `f-${field.replace(/\[(\d+)\]/g, '.$1').replace(/\./g, '-')}`;
    for (;;) {
      const element = document.getElementById(id);
      if (element) return element;
      const block = document.getElementById(id.replace(/^f-/, 'g-'));
      if (block) return block.querySelector('input, select, textarea');
      if (!id.includes('-', 2)) return title;
      id = id.slice(0, id.lastIndexOf('-'));
    }
  };
  const clearErrors = () => {
    for (const error of form.querySelectorAll('.field-error')) {
      const control = document.querySelector<HTMLElement>(`[aria-describedby~="${error.id}"]`);
      if (control) {
        control.setAttribute(
          'aria-describedby',
          (control.getAttribute('aria-describedby') ?? '')
            .split(' ')
            .filter((id) => id !== error.id)
            .join(' '),
        );
        control.removeAttribute('aria-invalid');
      }
      error.remove();
    }
  };
  const showProblems = (problems: Problem[]) => {
    clearErrors();
    errorList.replaceChildren();
    problems.forEach((problem, index) => {
      const control = controlFor(problem.field);
      const item = document.createElement('li');
      const where = document.createElement('span');
      where.textContent = `${problem.file}:${problem.line}:${problem.column}  `;
      const link = document.createElement('a');
      link.href = `#${control?.id ?? 'f-title'}`;
      // The validator's own words, in English on every edition (the list is marked lang="en").
      link.textContent = `${problem.field}: ${problem.message}`;
      link.addEventListener('click', (event) => {
        event.preventDefault();
        control?.focus();
      });
      item.append(where, link);
      item.dataset.problem = formatProblem(problem);
      errorList.append(item);
      if (control) {
        const error = document.createElement('p');
        error.className = 'field-error';
        error.id = `e-${index}`;
        error.textContent = `${problem.field}: ${problem.message}`;
        error.lang = 'en';
        control.setAttribute('aria-invalid', 'true');
        control.setAttribute('aria-describedby', `${control.getAttribute('aria-describedby') ?? ''} ${error.id}`.trim());
        const anchor = control.closest('label.check') ?? control;
        // Several messages for one field read in the order of the list.
        let last: Element = anchor;
        while (last.nextElementSibling?.classList.contains('field-error')) last = last.nextElementSibling;
        last.after(error);
      }
    });
    summary.hidden = problems.length === 0;
    $('error-summary-heading').textContent = fillTemplate(problems.length === 1 ? texts.toFixOne : texts.toFixMany, { n: problems.length });
  };

  let latest = 0;
  const check = async (focus: boolean) => {
    const data = readData();
    const text = eventFileText(data, body.value);
    fileText.value = text;
    const mine = ++latest;
    $('check-status').textContent = texts.checking;
    const problems = await checkInWorker(text, incident.value, slug.value.trim(), facts);
    if (mine !== latest) return; // a newer check is on its way
    showProblems(problems);
    const path = eventFilePath(incident.value, slug.value.trim());
    $('check-status').textContent = problems.length
      ? fillTemplate(problems.length === 1 ? texts.problemsOne : texts.problemsMany, { n: problems.length })
      : texts.noProblems;
    output.hidden = problems.length > 0;
    if (problems.length) {
      if (focus) summary.focus();
      return;
    }
    $('file-path').textContent = path;
    const github = newFileUrl(form.dataset.repository!, form.dataset.branch!, path, text);
    ($('open-github') as HTMLAnchorElement).href = github;
    // Very long addresses get cut short on the way to GitHub: then upload the downloaded file instead.
    $('long-note').hidden = github.length <= LONG_URL;
    if (focus) $('output-heading').focus();
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    checked = true;
    void check(true);
  });
  form.addEventListener('change', () => {
    if (checked) void check(false);
  });

  // ---------------------------------------------------------------- output
  const status = $('output-status');
  $('download').addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([fileText.value], { type: 'text/markdown;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${slug.value.trim()}.mdx`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    status.textContent = fillTemplate(texts.downloaded, { name: a.download });
  });
  $('copy').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(fileText.value);
      status.textContent = texts.copied;
    } catch {
      fileText.select();
      status.textContent = texts.selectToCopy;
    }
  });
  showKind();
}

/**
 * A preview of a Markdown body built from DOM nodes with textContent only: headings,
 * paragraphs, lists, quotes, emphasis, strong, code and links (shown, not followed).
 */
function markdownPreview(markdown: string): Node[] {
  const nodes: Node[] = [];
  const blocks = markdown.replace(/\r\n?/g, '\n').split(/\n{2,}/);
  for (const block of blocks) {
    const text = block.trim();
    if (!text) continue;
    const heading = /^(#{1,6})\s+(.*)$/s.exec(text);
    if (heading) {
      const h = document.createElement(`h${Math.min(6, heading[1].length + 2)}`);
      h.append(...inline(heading[2]));
      nodes.push(h);
    } else if (/^([-*+]|\d+\.)\s/.test(text)) {
      const list = document.createElement(/^\d/.test(text) ? 'ol' : 'ul');
      for (const line of text.split(/\n(?=\s*(?:[-*+]|\d+\.)\s)/)) {
        const li = document.createElement('li');
        li.append(...inline(line.replace(/^\s*(?:[-*+]|\d+\.)\s+/, '')));
        list.append(li);
      }
      nodes.push(list);
    } else if (text.startsWith('>')) {
      const quote = document.createElement('blockquote');
      quote.append(...inline(text.replace(/^>\s?/gm, '')));
      nodes.push(quote);
    } else {
      const p = document.createElement('p');
      p.append(...inline(text));
      nodes.push(p);
    }
  }
  if (!nodes.length) {
    const p = document.createElement('p');
    p.className = 'muted';
    p.textContent = texts.nothingToPreview;
    nodes.push(p);
  }
  return nodes;
}

function inline(text: string): Node[] {
  const out: Node[] = [];
  const pattern = /\*\*(.+?)\*\*|\*(.+?)\*|_(.+?)_|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/gs;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index! > last) out.push(document.createTextNode(text.slice(last, match.index)));
    const [, strong, em, em2, code, linkText, url] = match;
    let element: HTMLElement;
    const withText = (tag: string, content: string) => {
      const made = document.createElement(tag);
      made.textContent = content;
      return made;
    };
    if (strong !== undefined) element = withText('strong', strong);
    else if (em !== undefined || em2 !== undefined) element = withText('em', em ?? em2);
    else if (code !== undefined) element = withText('code', code);
    else {
      element = document.createElement('span');
      element.className = 'preview-link';
      const u = document.createElement('u');
      u.textContent = linkText;
      element.append(u, document.createTextNode(` (${url})`));
    }
    out.push(element);
    last = match.index! + match[0].length;
  }
  if (last < text.length) out.push(document.createTextNode(text.slice(last)));
  return out;
}

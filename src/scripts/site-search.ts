/**
 * The header search, loaded on the first focus of the field: Pagefind's browser API
 * (/pagefind/pagefind.js, written by the build, with its index in the page's language and
 * its own worker), results as the reader types, and filters by incident, kind, status and
 * actor (from the data-pagefind-filter marks on event pages). Every text from the index is
 * put in the page as text; only Pagefind's <mark> highlighting becomes elements. Built as a
 * classic script of its own (SiteSearch.astro adds it with ?worker&url) that starts itself.
 */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; context?: string };
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  debouncedSearch(
    query: string,
    options?: { filters?: Record<string, string> },
    ms?: number,
  ): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

const FILTERS = ['incident', 'kind', 'status', 'actor'] as const;
const SHOWN = 8;

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ''));

/** Pagefind's excerpt: text with <mark>…</mark> around the matched words, entities escaped. */
export function excerptNodes(excerpt: string, doc: Document): Node[] {
  const decode = (text: string) =>
    text.replace(
      /&(amp|lt|gt|quot|#39|#x27);/g,
      (m, name) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[name as string] ?? m,
    );
  const nodes: Node[] = [];
  excerpt.split(/(<mark>[^<]*<\/mark>)/).forEach((part) => {
    const marked = /^<mark>([^<]*)<\/mark>$/.exec(part);
    if (marked) {
      const mark = doc.createElement('mark');
      mark.textContent = decode(marked[1]);
      nodes.push(mark);
    } else if (part) nodes.push(doc.createTextNode(decode(part.replace(/<[^>]*>/g, ''))));
  });
  return nodes;
}

export async function startSearch(root: HTMLElement) {
  const d = root.dataset;
  const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
  const form = root.querySelector<HTMLFormElement>('form')!;
  const panel = root.querySelector<HTMLElement>('.site-search-panel')!;
  const status = panel.querySelector<HTMLElement>('.site-search-status')!;
  const list = panel.querySelector<HTMLOListElement>('.site-search-results')!;
  const filterBox = panel.querySelector<HTMLElement>('.site-search-filters')!;
  const base = d.base ?? '/';
  let pagefind: Pagefind;
  try {
    pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await pagefind.options({ baseUrl: base, excerptLength: 24 });
    await pagefind.init();
  } catch {
    panel.hidden = false;
    status.textContent = d.textFailed ?? '';
    return;
  }
  root.dataset.searchReady = '';

  const chosen: Record<string, string> = {};
  try {
    const available = await pagefind.filters();
    for (const name of FILTERS) {
      const values = Object.keys(available[name] ?? {}).sort((a, b) => a.localeCompare(b));
      if (!values.length) continue;
      const label = document.createElement('label');
      label.append(`${d[`text${name[0].toUpperCase()}${name.slice(1)}`] ?? name} `);
      const select = document.createElement('select');
      select.dataset.filter = name;
      select.append(new Option(d.textAny ?? 'any', ''));
      for (const value of values) select.append(new Option(value, value));
      select.addEventListener('change', () => {
        if (select.value) chosen[name] = select.value;
        else delete chosen[name];
        void run();
      });
      label.append(select);
      filterBox.append(label);
    }
  } catch {
    // No filters: plain search still works.
  }

  let first: string | undefined;
  async function run() {
    const query = input.value.trim();
    const filtered = Object.keys(chosen).length > 0;
    if (!query && !filtered) {
      panel.hidden = true;
      list.replaceChildren();
      return;
    }
    panel.hidden = false;
    const search = await pagefind.debouncedSearch(query || (null as unknown as string), { filters: { ...chosen } }, 200);
    if (!search) return; // a newer keystroke replaced this search
    const data = await Promise.all(search.results.slice(0, SHOWN).map((result) => result.data()));
    first = data[0]?.url;
    status.textContent = data.length ? fill(d.textCount ?? '{count}', { count: search.results.length }) : (d.textNone ?? '');
    list.replaceChildren(
      ...data.map((item) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = item.url;
        a.textContent = item.meta.title ?? item.url;
        const context = document.createElement('small');
        context.textContent = item.meta.context ?? '';
        const p = document.createElement('p');
        p.append(...excerptNodes(item.excerpt, document));
        li.append(a, ' ', context, p);
        return li;
      }),
    );
  }

  input.addEventListener('input', () => void run());
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      panel.hidden = true;
      input.select();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (first) location.href = first;
  });
  document.addEventListener('click', (event) => {
    if (!root.contains(event.target as Node)) panel.hidden = true;
  });
  status.textContent = '';
  if (input.value.trim()) void run();
}

const searchRoot = typeof document !== 'undefined' ? document.querySelector<HTMLElement>('[data-site-search]') : null;
if (searchRoot) void startSearch(searchRoot);

/** The embed builder: form → parameters → live preview, embed code and direct link. */
import { embedCode } from '../lib/embed/code.ts';
import { DEFAULT_EMBED, defaultFrameHeight, serializeEmbedParams, type EmbedParams } from '../lib/embed/params.ts';
import type { EventKind } from '../lib/vocabulary.ts';

const root = document.querySelector<HTMLElement>('.builder')!;
const form = root.querySelector<HTMLFormElement>('form')!;
const code = root.querySelector<HTMLTextAreaElement>('.builder-code')!;
const link = root.querySelector<HTMLAnchorElement>('.builder-link')!;
const preview = root.querySelector<HTMLIFrameElement>('.builder-preview')!;
const status = root.querySelector<HTMLElement>('.builder-status')!;
const embedUrl = root.dataset.embedUrl!;
const scriptUrl = root.dataset.scriptUrl!;

function readForm(): EmbedParams {
  const data = new FormData(form);
  const all = (name: string) => [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)];
  const checked = (name: string) =>
    all(name)
      .filter((input) => input.checked)
      .map((input) => input.value);
  const incidents = checked('incident');
  const kinds = checked('kind') as EventKind[];
  const text = (name: string) => String(data.get(name) ?? '').trim() || null;
  return {
    ...DEFAULT_EMBED,
    incidents: incidents.length && incidents.length < all('incident').length ? incidents : null,
    kinds: kinds.length && kinds.length < all('kind').length ? kinds : null,
    align: data.get('align') === 'calendar' ? 'calendar' : 'vote',
    scale: data.get('scale') === 'linear' ? 'linear' : 'log',
    from: text('from'),
    to: text('to'),
    theme: (['light', 'dark'].includes(String(data.get('theme'))) ? data.get('theme') : 'auto') as EmbedParams['theme'],
    title: text('title'),
  };
}

let timer = 0;
function update() {
  const params = readForm();
  const url = `${embedUrl}${serializeEmbedParams(params)}`;
  const title = params.title ?? root.dataset.textTitle ?? 'hack-and-leak operations aligned on the vote';
  const height = defaultFrameHeight(params.incidents?.length ?? form.querySelectorAll('input[name="incident"]').length);
  code.value = embedCode({ url, title, height, scriptUrl, colon: root.dataset.textColon });
  link.href = url;
  clearTimeout(timer);
  timer = window.setTimeout(() => {
    const next = new URL(url).pathname + new URL(url).search;
    // Setting the same address again would reload the preview for nothing.
    if (preview.getAttribute('src') !== next) preview.src = next;
  }, 250);
}

async function copy(text: string, what: string) {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = (root.dataset.textCopied ?? '{what} copied.').replace('{what}', what);
  } catch {
    code.select();
    status.textContent = (root.dataset.textPress ?? 'Press Ctrl+C (⌘C) to copy the selected {what}.').replace('{what}', what.toLowerCase());
  }
}

form.addEventListener('input', update);
form.addEventListener('change', update);
form.addEventListener('submit', (event) => event.preventDefault());
root.querySelector('[data-copy="code"]')!.addEventListener('click', () => copy(code.value, root.dataset.textCode ?? 'Embed code'));
root.querySelector('[data-copy="link"]')!.addEventListener('click', () => copy(link.href, root.dataset.textLink ?? 'Link'));

// The preview is sized like any host page sizes its embeds.
addEventListener('message', (event) => {
  if (event.origin !== location.origin || event.source !== preview.contentWindow) return;
  const data = event.data as { type?: string; height?: unknown };
  if (data?.type === 'timeline:height' && typeof data.height === 'number' && data.height > 50 && data.height < 20000) {
    preview.style.height = `${Math.ceil(data.height)}px`;
  }
});
update();

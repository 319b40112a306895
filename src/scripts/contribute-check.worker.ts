/**
 * The /contribute/ page's checker, in a Web Worker: Vite bundles a worker on its own, so the
 * schema, Zod and the YAML readers it needs share no chunk with any other page's script.
 * Message in: { id, text, incident, slug, facts }; message out: { id, problems }.
 */
import { z } from 'astro/zod';
import { checkEventFile, type ArchiveFacts } from '../lib/contribute/check.ts';

// The site's Content Security Policy has no 'unsafe-eval': tell Zod not to try.
z.config({ jitless: true });

interface Request {
  id: number;
  text: string;
  incident: string;
  slug: string;
  facts: ArchiveFacts;
}

self.addEventListener('message', (event: MessageEvent<Request>) => {
  const { id, text, incident, slug, facts } = event.data;
  self.postMessage({ id, problems: checkEventFile(text, incident, slug, facts) });
});

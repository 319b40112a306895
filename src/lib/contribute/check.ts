/**
 * Checks the /contribute/ form's file the way `npm run validate` does (same reader, same
 * schema, same messages), as far as a browser can. It runs in a Web Worker
 * (src/scripts/contribute-check.worker.ts), bundled apart from the rest of the site, so
 * that Zod and the YAML readers never land in a chunk that another page loads.
 *
 * What the browser cannot do: parse the MDX body with Sätteri. Its browser build is a
 * separate 3 MB WebAssembly package that shares memory with worker threads, which browsers
 * allow only on cross-origin-isolated pages (COOP/COEP headers, which GitHub Pages cannot
 * send), and it would need 'wasm-unsafe-eval' in the site's CSP. So the body gets the rules
 * that need no parser (lib/validate/body-text.ts: links such as `https//…` or `www.…`, a
 * missing ")", images, {expressions}, elements and attributes, too deep or too long), with
 * the validator's messages; what only the parser sees (MDX syntax errors) is left to the
 * pull request's check, and the page says so (the dictionary's contribute.bodyLeftToCi).
 */
import { idFromEntryPath } from '../content/layout.ts';
import { reservedIdProblem } from '../routes.ts';
import { parsePartialDate } from '../dates.ts';
import type { TimelineEvent } from '../schema/event.ts';
import { bodyTextProblems } from '../validate/body-text.ts';
import { eventProblems, fileProblems } from '../validate/entry-checks.ts';
import { sortProblems, type Problem } from '../validate/problems.ts';
import { eventFilePath } from './draft.ts';

/** What the page knows about the archive, to check references as the validator does. */
export interface ArchiveFacts {
  actors: readonly string[];
  incidents: readonly { id: string; vote: string; timezone: string }[];
}

/**
 * Checks an event file's text as `npm run validate` does, with the same messages: the file's
 * place and id, the frontmatter's syntax, the schema, references to actors and incidents,
 * dates against the incident's vote, placeholders, and the body's rules that need no parser.
 * It runs the validator's own per-file and per-event checks (lib/validate/entry-checks.ts);
 * tests/unit/contribute/contribute.test.ts compares the two on a table of slips.
 */
export function checkEventFile(text: string, incident: string, slug: string, facts: ArchiveFacts): Problem[] {
  const file = eventFilePath(incident, slug);
  const problems: Problem[] = [];
  const done = () => sortProblems(problems);
  const id = idFromEntryPath('events', `${incident}/${slug}.mdx`);
  // The validator stops at a bad file name; the form goes on, so that a person sees every problem at once.
  if (!id.ok) problems.push({ file, line: 1, column: 1, field: 'file', message: id.message });
  const reserved = id.ok ? reservedIdProblem('events', id.id) : undefined;
  if (reserved) problems.push({ file, line: 1, column: 1, field: 'file', message: reserved });
  // The same per-file and per-event checks as `npm run validate`, with the parser-free body rules.
  const checked = fileProblems('events', file, text, bodyTextProblems);
  problems.push(...checked.problems);
  if (checked.data === undefined) return done();
  const zone = facts.incidents.find((i) => i.id === incident);
  problems.push(
    ...eventProblems(checked.data as TimelineEvent, {
      id: `${incident}/${slug}`,
      file,
      parsed: checked.parsed,
      incident: zone && parsePartialDate(zone.vote).ok ? zone : undefined,
      incidentExists: !!zone,
      incidentIds: facts.incidents.map((i) => i.id),
      actorIds: new Set(facts.actors),
    }),
  );
  return done();
}

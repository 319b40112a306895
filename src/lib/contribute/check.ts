/**
 * Checks the /contribute/ form's file the way `npm run validate` does (same reader, same
 * schema, same messages), as far as a browser can. It runs in a Web Worker
 * (src/scripts/contribute-check.worker.ts), bundled apart from the rest of the site, so
 * that Zod and the YAML readers never land in a chunk that another page loads.
 *
 * What the browser cannot do: parse the MDX body with Sätteri. Its browser build is a
 * separate 3 MB WebAssembly package that shares memory with worker threads, which browsers
 * allow only on cross-origin-isolated pages (COOP/COEP headers, which GitHub Pages cannot
 * send), and it would need 'wasm-unsafe-eval' in the site's CSP. src/lib/validate/mdx-safety.ts
 * also imports Sätteri at its top, so even its parser-free shape check cannot be bundled
 * here. Bodies are checked by the pull request's CI.
 */
import { parseMdxSource } from '../content/frontmatter.ts';
import { idFromEntryPath } from '../content/layout.ts';
import { dateSpan, endsBeforeStart, parsePartialDate, toPartialDate } from '../dates.ts';
import { EventSchema, eventActorReferences, type TimelineEvent } from '../schema/event.ts';
import { fieldName, sortProblems, type Problem } from '../validate/problems.ts';
import { schemaProblems } from '../validate/schema-issues.ts';
import { eventFilePath } from './draft.ts';

/**
 * validate-content.ts's limit (it reads the disk, so it cannot be imported here);
 * tests/unit/contribute.test.ts checks the two agree.
 */
export const MAX_YEARS_FROM_VOTE = 30;

/** What the page knows about the archive, to check references as the validator does. */
export interface ArchiveFacts {
  actors: readonly string[];
  incidents: readonly { id: string; vote: string; timezone: string }[];
}

/**
 * Checks an event file's text as `npm run validate` does, with the same messages: the file's
 * place and id, the frontmatter's syntax, the schema, references to actors and incidents,
 * and dates against the incident's vote. Not the MDX body (see above).
 */
export function checkEventFile(text: string, incident: string, slug: string, facts: ArchiveFacts): Problem[] {
  const file = eventFilePath(incident, slug);
  const problems: Problem[] = [];
  const id = idFromEntryPath('events', `${incident}/${slug}.mdx`);
  if (!id.ok) problems.push({ file, line: 1, column: 1, field: 'file', message: id.message });
  const parsed = parseMdxSource(text);
  for (const error of parsed.syntaxErrors) problems.push({ file, ...error.position, field: 'frontmatter', message: error.message });
  if (parsed.data === undefined && parsed.syntaxErrors.length) return sortProblems(problems);
  const result = EventSchema.safeParse(parsed.data ?? {});
  if (!result.success) {
    problems.push(...schemaProblems(file, EventSchema, result.error.issues, parsed));
    return sortProblems(problems);
  }
  const event: TimelineEvent = result.data;
  const at = (path: (string | number)[], message: string) => problems.push({ file, ...parsed.locate(path), field: fieldName(path), message });
  const zone = facts.incidents.find((i) => i.id === incident);
  if (id.ok && !zone) {
    problems.push({ file, line: 1, column: 1, field: 'file', message: `folder "${incident}" names no incident: add src/content/incidents/${incident}.mdx` });
  }
  if (zone && event.end !== undefined && endsBeforeStart(toPartialDate(event.date), toPartialDate(event.end), zone.timezone)) {
    at(['end'], `end ${event.end} is before date ${event.date} (read in ${zone.timezone})`);
  }
  if (zone && parsePartialDate(zone.vote).ok) {
    const vote = dateSpan(toPartialDate(zone.vote), zone.timezone).start;
    const years = MAX_YEARS_FROM_VOTE * 365.25 * 24 * 3600 * 1000;
    for (const field of ['date', 'end'] as const) {
      const value = event[field];
      if (value === undefined) continue;
      const span = dateSpan(toPartialDate(value), zone.timezone);
      if (span.end < vote - years || span.start > vote + years) {
        at([field], `${value} is more than ${MAX_YEARS_FROM_VOTE} years from the vote (${zone.vote}); is the year a typo?`);
      }
    }
  }
  const actors = new Set(facts.actors);
  for (const ref of eventActorReferences(event)) {
    if (!actors.has(ref.id)) at(ref.path, `no actor "${ref.id}": add src/content/actors/${ref.id}.yaml or fix the id`);
  }
  return sortProblems(problems);
}


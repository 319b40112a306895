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
import { reservedIdProblem } from '../routes.ts';
import { dateSpan, endsBeforeStart, parsePartialDate, toPartialDate } from '../dates.ts';
import { EventSchema, eventActorReferences, type TimelineEvent } from '../schema/event.ts';
import { fieldName, sortProblems, type Problem } from '../validate/problems.ts';
import { didYouMean, schemaProblems, suggestIds } from '../validate/schema-issues.ts';
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

/** Hosts reserved for examples (RFC 2606): never a real source. (As in validate-content.ts.) */
function isExampleAddress(url: string): boolean {
  try {
    return /(^|\.)example(\.(com|org|net))?$/i.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** Every TODO left in the file. (As validate-content.ts's placeholderProblems, for an event file.) */
function placeholderProblems(file: string, text: string): Problem[] {
  const problems: Problem[] = [];
  let fences = 0;
  text.split('\n').forEach((line, index) => {
    if (/^---\s*$/.test(line)) fences++;
    const at = line.search(/\bTODO\b/);
    if (at < 0) return;
    const key = /^\s*(?:-\s+)?(?:\{\s*)?([A-Za-z]+):/.exec(line)?.[1];
    problems.push({
      file,
      line: index + 1,
      column: at + 1,
      field: fences < 2 ? (key ?? 'frontmatter') : 'body',
      message: 'a TODO from the template is still here: write the real value (and remove the TODO note), or delete the line',
    });
  });
  return problems;
}

/**
 * Checks an event file's text as `npm run validate` does, with the same messages: the file's
 * place and id, the frontmatter's syntax, the schema, references to actors and incidents,
 * dates against the incident's vote, placeholders. Not the MDX body (see above).
 * The same steps as validate-content.ts, in the same order; tests/unit/contribute.test.ts
 * compares the two on a table of slips.
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
  const parsed = parseMdxSource(text);
  problems.push(...placeholderProblems(file, text));
  for (const error of parsed.syntaxErrors) problems.push({ file, ...error.position, field: error.field ?? 'frontmatter', message: error.message });
  if (parsed.data === undefined && parsed.syntaxErrors.length) return done();
  const result = EventSchema.safeParse(parsed.data ?? {});
  if (!result.success) {
    const damaged = parsed.damaged;
    const isCascade = (problem: Problem) =>
      !!damaged?.any &&
      (problem.message === 'is required' || [...damaged.keys].some((key) => problem.field === key || problem.field.startsWith(`${key}.`) || problem.field.startsWith(`${key}[`)));
    problems.push(...schemaProblems(file, EventSchema, result.error.issues, parsed).filter((problem) => !isCascade(problem)));
    return done();
  }
  if (parsed.syntaxErrors.length) return done();
  const event: TimelineEvent = result.data;
  const at = (path: (string | number)[], message: string) => problems.push({ file, ...parsed.locate(path), field: fieldName(path), message });
  const zone = facts.incidents.find((i) => i.id === incident);
  if (!zone) {
    const hint = didYouMean(suggestIds(incident, facts.incidents.map((i) => i.id)));
    problems.push({ file, line: 1, column: 1, field: 'file', message: `folder "${incident}" names no incident${hint ? ` (${hint})` : ''}: add src/content/incidents/${incident}.mdx or move the file` });
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
  event.sources.forEach((source, i) => {
    for (const field of ['url', 'archived'] as const) {
      const url = source[field];
      if (url !== undefined && isExampleAddress(url)) at(['sources', i, field], `${new URL(url).hostname} is the template's placeholder: give the address of the source itself`);
    }
  });
  const actors = new Set(facts.actors);
  for (const ref of eventActorReferences(event)) {
    if (actors.has(ref.id)) continue;
    const hint = didYouMean(suggestIds(ref.id, actors));
    at(ref.path, `no actor "${ref.id}"${hint ? `; ${hint} If it is someone new,` : ':'} add src/content/actors/${ref.id}.yaml${hint ? '' : ' or fix the id'}`);
  }
  return done();
}

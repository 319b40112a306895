/**
 * npm run new-event -- --incident macron-2017 --kind leak --slug emleaks-posted --date 2017-05-05
 * Scaffolds src/content/events/<incident>/<slug>.mdx with the right block for its kind and
 * today's review date. Asks for whatever is missing when run in a terminal. Never overwrites.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { parsePartialDate, widestSpan } from '../src/lib/dates.ts';
import { parseMdxSource } from '../src/lib/content/frontmatter.ts';
import { EVENT_KINDS, ID_PATTERN, type EventKind } from '../src/lib/vocabulary.ts';
import { scaffoldEvent } from './lib/scaffold.ts';
import { classifyEntryPath, collectionDir, entryFile } from '../src/lib/content/layout.ts';

const USAGE = 'Usage: npm run new-event -- --incident <incident-id> --kind <kind> --slug <slug> --date <date>';
const { values } = parseArgs({
  options: {
    incident: { type: 'string' },
    kind: { type: 'string' },
    slug: { type: 'string' },
    date: { type: 'string' },
    help: { type: 'boolean' },
  },
});
if (values.help) {
  console.log(`${USAGE}\nkinds: ${EVENT_KINDS.join(', ')}\ndates: 2016, 2016-07, 2016-07-22 or 2017-05-05T20:35+02:00`);
  process.exit(0);
}

const incidentDir = collectionDir('incidents');
const incidents = existsSync(incidentDir)
  ? readdirSync(incidentDir).flatMap((f) => {
      // Incidents, not their translations (dnc-2016.fr.mdx).
      const path = classifyEntryPath('incidents', f);
      return path.ok && path.kind === 'original' ? [path.id] : [];
    })
  : [];

const checks: Record<string, (value: string) => string | undefined> = {
  incident: (v) => (incidents.includes(v) ? undefined : `no incident "${v}"; choose one of: ${incidents.join(', ')}`),
  kind: (v) => ((EVENT_KINDS as readonly string[]).includes(v) ? undefined : `kind must be one of: ${EVENT_KINDS.join(', ')}`),
  slug: (v) => (ID_PATTERN.test(v) ? undefined : 'slug must be lowercase kebab-case, e.g. emleaks-posted'),
  date: (v) => {
    const parsed = parsePartialDate(v);
    if (!parsed.ok) return parsed.message;
    return widestSpan(parsed.date).start > Date.now() ? 'the date is in the future' : undefined;
  },
};

const { help: _help, ...given } = values;
const answers: Record<string, string | undefined> = { ...given };
const rl = process.stdin.isTTY ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
for (const field of ['incident', 'kind', 'slug', 'date']) {
  while (answers[field] === undefined || checks[field](answers[field]!)) {
    if (answers[field] !== undefined) console.error(`${field}: ${checks[field](answers[field]!)}`);
    if (!rl) {
      console.error(answers[field] === undefined ? `${field}: missing.\n${USAGE}` : USAGE);
      process.exit(1);
    }
    answers[field] = (await rl.question(`${field}? `)).trim();
  }
}
rl?.close();

const file = entryFile('events', `${answers.incident}/${answers.slug}`);
if (existsSync(file)) {
  console.error(`${file} already exists; nothing was written. Choose another slug or edit that file.`);
  process.exit(1);
}
const incidentSource = parseMdxSource(readFileSync(entryFile('incidents', answers.incident!), 'utf8'));
const target = ((incidentSource.data as { targets?: string[] })?.targets ?? [])[0] ?? 'TODO';
const today = new Date().toISOString().slice(0, 10);
// Who usually plays each role in this incident's other events: better defaults than the target.
const roleCounts: Record<string, Map<string, number>> = {};
const count = (role: string, id: unknown) => {
  if (typeof id !== 'string') return;
  roleCounts[role] ??= new Map();
  const counts = roleCounts[role];
  counts.set(id, (counts.get(id) ?? 0) + 1);
};
const eventDir = `${collectionDir('events')}/${answers.incident}`;
for (const name of existsSync(eventDir) ? readdirSync(eventDir).filter((f) => f.endsWith('.mdx')) : []) {
  const data = parseMdxSource(readFileSync(`${eventDir}/${name}`, 'utf8')).data as
    | Record<string, Record<string, unknown> | undefined>
    | undefined;
  count('speaker', data?.statement?.speaker);
  count('attributor', data?.attribution?.by);
  count('attributed', data?.attribution?.to);
  count('denier', data?.denial?.by);
  count('authority', data?.legal?.authority);
}
const defaults = Object.fromEntries(
  Object.entries(roleCounts).map(([role, counts]) => [role, [...counts].sort((a, b) => b[1] - a[1])[0][0]]),
);
mkdirSync(eventDir, { recursive: true });
writeFileSync(file, scaffoldEvent({ kind: answers.kind as EventKind, date: answers.date!, today, placeholderActor: target, defaults }), {
  flag: 'wx',
});
console.log(`Created ${file}\nReplace every TODO, then run: npm run validate`);

/** A valid event and the helpers the hostile-file and fuzz tests mutate it with. */
import { stringify } from 'yaml';

/** A valid statement event of macron-2017 naming only en-marche: the starting point of every mutation. */
export const VALID_EVENT = {
  title: 'A valid event',
  kind: 'statement',
  date: '2017-05-05T23:55+02:00',
  status: 'documented',
  summary: 'A short summary.',
  actors: [{ id: 'en-marche', role: 'speaker' }],
  statement: { speaker: 'en-marche' },
  sources: [{ title: 'A source', publisher: 'A publisher', url: 'https://www.lemonde.fr/a', published: '2017-05-06', language: 'en' }],
  reviewed: '2026-01-01',
};

/** Data as the YAML an editor would write, on unwrapped lines. */
export const yamlOf = (data: unknown) => stringify(data, { lineWidth: 0 });

/** Sets `value` at a field path of the docs tables ("sources[].url" → sources[0].url), creating what is missing. */
export function setField(data: Record<string, unknown>, field: string, value: unknown) {
  const path = field.replace(/\[\]/g, '.0').split('.');
  let node: Record<string, unknown> = data;
  path.slice(0, -1).forEach((key, i) => {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = /^\d+$/.test(path[i + 1]) ? [{}] : {};
    node = node[key] as Record<string, unknown>;
  });
  node[path[path.length - 1]] = value;
  return data;
}

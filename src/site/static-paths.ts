/**
 * The dynamic routes' pages, shared by both editions (src/pages/… and src/pages/fr/…), so
 * that every English page has its French twin and back.
 */
import { FIXED_HANDOUTS } from '../lib/routes.ts';
import { getArchive } from './archive.ts';
import { staticViews } from './standalone.ts';

export async function eventPaths() {
  const archive = await getArchive();
  return archive.events.map((event) => ({ params: { id: event.id }, props: { id: event.id } }));
}

export async function incidentPaths() {
  const archive = await getArchive();
  return archive.incidents.map((incident) => ({ params: { id: incident.id }, props: { id: incident.id } }));
}

export async function actorPaths() {
  const archive = await getArchive();
  return archive.actors.map((actor) => ({ params: { id: actor.id }, props: { id: actor.id } }));
}

export async function handoutPaths() {
  const archive = await getArchive();
  return [
    ...FIXED_HANDOUTS.map((id) => ({ params: { id }, props: { id: id as string } })),
    ...archive.incidents.map((incident) => ({ params: { id: incident.id }, props: { id: incident.id } })),
  ];
}

export async function picturePaths(lang: 'en' | 'fr' = 'en') {
  return (await staticViews(lang)).map((view) => ({ params: { file: view.file }, props: { view } }));
}

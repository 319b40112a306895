/**
 * The site's own generated names that content ids share a namespace with. Pages build their
 * routes from these, and the validator refuses ids that would collide with them, so the
 * two cannot drift apart.
 */

/** Ready-made pictures under /images/<file>.svg that do not come from an incident. */
export const FIXED_PICTURE_FILES = ['timeline', 'timeline-linear', 'timeline-calendar'] as const;

/** The ready-made picture of one incident: /images/timeline-<incident>.svg. */
export function incidentPictureFile(incidentId: string): string {
  return `timeline-${incidentId}`;
}

/** Handouts under /handouts/<id>/ that do not come from an incident. */
export const FIXED_HANDOUTS = ['comparison'] as const;

/** Why an id cannot be used in a collection because a generated page or file has that name. */
export function reservedIdProblem(collection: 'incidents' | 'actors' | 'events', id: string): string | undefined {
  const last = id.split('/').pop()!;
  if (last === 'index') return `"index" is reserved by the site's routes; choose another id`;
  if (collection !== 'incidents') return undefined;
  if ((FIXED_HANDOUTS as readonly string[]).includes(id))
    return `"${id}" is taken by the handout /handouts/${id}/; choose another incident id`;
  const picture = incidentPictureFile(id);
  if ((FIXED_PICTURE_FILES as readonly string[]).includes(picture))
    return `"${id}" would make /images/${picture}.svg, which is already a ready-made picture; choose another incident id`;
  return undefined;
}

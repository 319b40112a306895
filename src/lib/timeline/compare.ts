/**
 * The comparison panel beside the chart, computed from the events (never written by
 * hand): how long before the vote the first leak came, whether a leak fell inside a
 * legal campaign silence, how many public attributions came before the vote, and how
 * long until the first official attribution.
 */
import type { EventView, IncidentView } from '../archive.ts';
import { HOUR } from './axis.ts';

export interface IncidentComparison {
  incidentId: string;
  title: string;
  firstLeak?: EventView;
  silence?: EventView;
  /** A leak whose span overlaps the campaign silence, if any. */
  leakInSilence?: EventView;
  /** How long the first leak came before the silence began (ms), when it did. */
  leakBeforeSilenceMs?: number;
  attributionsBeforeVote: EventView[];
  firstOfficialAttribution?: EventView;
  /** The first official attribution made by the election country's own government. */
  firstDomesticOfficialAttribution?: EventView;
}

/** "3 hours", "77 days", "8 years": a rounded-down duration for readers. */
export function formatDuration(ms: number): string {
  const hours = Math.abs(ms) / HOUR;
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (hours < 1) return plural(Math.round(hours * 60), 'minute');
  if (hours < 72) return plural(Math.floor(hours), 'hour');
  const days = Math.floor(hours / 24);
  if (days < 730) return plural(days, 'day');
  return plural(Math.floor(days / 365.25), 'year');
}

const claims = (event: EventView) =>
  event.data.kind === 'attribution' && event.data.attribution!.stance !== 'contests';

export function compareIncidents(
  incidents: IncidentView[],
  actorCountry: (actorId: string) => string | undefined,
): IncidentComparison[] {
  return incidents.map((incident) => {
    const events = incident.events;
    const firstLeak = events.find((e) => e.data.kind === 'leak');
    const silence = events.find((e) => e.data.kind === 'blackout');
    const leakInSilence = silence && events.find((e) => e.data.kind === 'leak' && e.start < silence.stop && e.stop > silence.start);
    const official = events.filter((e) => claims(e) && e.data.attribution!.basis === 'official');
    return {
      incidentId: incident.id,
      title: incident.data.title,
      firstLeak,
      silence,
      leakInSilence,
      leakBeforeSilenceMs: silence && firstLeak && firstLeak.start < silence.start ? silence.start - firstLeak.start : undefined,
      attributionsBeforeVote: events.filter((e) => claims(e) && e.start < incident.voteInstant),
      firstOfficialAttribution: official[0],
      firstDomesticOfficialAttribution: official.find((e) => actorCountry(e.data.attribution!.by) === incident.data.country),
    };
  });
}

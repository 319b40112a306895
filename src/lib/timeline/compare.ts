/**
 * The comparison panel beside the chart, computed from the events (never written by
 * hand): how long before the vote the first leak of the target's material came, whether
 * a leak fell inside a legal campaign silence, how many public attributions came before
 * the vote, and when the first public, first government and first own-government
 * attributions came. An event counts as an attribution only when it is one (kind
 * `attribution`, stance other than `contests`): a statement that stops short of naming
 * who did it is modelled as a statement and never counts here.
 */
import type { EventView, IncidentView } from '../archive.ts';
import { formatDuration, type Duration } from '../format.ts';
import { dictionary } from '../i18n/en.ts';
import type { ActorKind } from '../vocabulary.ts';

/** Actor kinds that speak for a state: their attributions are a government's. */
export const GOVERNMENT_KINDS: readonly ActorKind[] = ['state', 'government', 'agency', 'military-unit'];

/** A figure and whether it must be read as "about": an approximate or disputed date under it. */
export interface Figure {
  duration: Duration;
  about: boolean;
  /** "about 47 hours", "7 years 11 months". */
  text: string;
}

/** A leak and how long before the vote it came. */
export interface LeakFigure {
  event: EventView;
  beforeVote: Figure;
}

/** An attribution, how long after the leak it came, and its stance and confidence in words. */
export interface AttributionFigure {
  event: EventView;
  /** How long after (or before, when negative `sign`) the first leak it came. */
  fromLeak?: Figure & { sign: number };
  /** "attributes it to", "corroborates an attribution to": followed by who is blamed. */
  stanceWords: string;
  /** "confidence not stated", "“high confidence”", "high confidence". */
  confidenceWords: string;
}

/** One incident's row of the comparison: its first leak, earlier leaks, attributions and silence period, figured from the vote. */
export interface IncidentComparison {
  incidentId: string;
  title: string;
  /** The first leak of material stolen from the incident's targets. */
  firstLeak?: EventView;
  /** The first leak figure before the vote, "about" when its date is approximate or disputed. */
  firstLeakBeforeVote?: Figure;
  /** Earlier leaks in the lane not recorded as of the targets' material: a note says why they do not count. */
  earlierOtherLeaks: LeakFigure[];
  /** The first later release of the targets' material by another publisher before the vote, for the note. */
  laterLeaks: LeakFigure[];
  silence?: EventView;
  /** A leak whose span overlaps the campaign silence, if any. */
  leakInSilence?: EventView;
  /** How long the first leak came before the silence began, when it did. */
  leakBeforeSilence?: Figure;
  attributionsBeforeVote: EventView[];
  firstPublicAttribution?: AttributionFigure;
  firstGovernmentAttribution?: AttributionFigure;
  /** The first attribution by a government of the election's own country. */
  firstOwnGovernmentAttribution?: AttributionFigure;
}

/** An event whose date a figure should not state exactly. */
export const isUncertain = (event: EventView) => event.data.approximate === true || event.data.status === 'disputed';

const isTimed = (event: EventView) => event.date.offsetMinutes !== undefined;

/** A figure between two events (or an event and an instant), with "about" when either is uncertain. */
export function figureBetween(
  from: { ms: number; timed: boolean; uncertain: boolean },
  to: { ms: number; timed: boolean; uncertain: boolean },
  timeZone: string,
  locale = 'en-GB',
): Figure {
  const duration = formatDuration(from.ms, to.ms, timeZone, { timed: from.timed && to.timed, locale });
  const about = from.uncertain || to.uncertain;
  return { duration, about, text: `${about ? dictionary(locale).units.about : ''}${duration.long}` };
}

const point = (event: EventView) => ({ ms: event.start, timed: isTimed(event), uncertain: isUncertain(event) });

/** Whether an event attributes (or corroborates) rather than contests. */
export const claims = (event: EventView) => event.data.kind === 'attribution' && event.data.attribution!.stance !== 'contests';

/** The attributor's confidence in words, quoting their own phrase where it speaks of confidence. */
export function confidenceWords(event: EventView, locale = 'en-GB'): string {
  const t = dictionary(locale);
  const { confidence, wording } = event.data.attribution!;
  const quoted = wording && /confiden/i.test(wording) ? `“${wording}”` : undefined;
  if (confidence === 'unstated') return quoted ? t.comparison.confidenceUnstatedQuoted(quoted) : t.comparison.confidenceUnstated;
  return quoted ?? t.comparison.confidenceLevel(locale.startsWith('fr') ? t.confidence[confidence] : confidence);
}

/** Whether the leak publishes material stolen from one of the incident's targets. */
const leaksTargetMaterial = (incident: IncidentView, event: EventView) =>
  event.data.kind === 'leak' && (event.data.actors ?? []).some((a) => a.role === 'target' && incident.data.targets.includes(a.id));

/** The comparison panel's rows: for each incident, its first leak, its attributions and its silence period, figured from the vote. */
export function compareIncidents(
  incidents: IncidentView[],
  actorOf: (actorId: string) => { country?: string; kind: ActorKind } | undefined,
  locale = 'en-GB',
): IncidentComparison[] {
  const t = dictionary(locale);
  return incidents.map((incident) => {
    const events = incident.events;
    const leaks = events.filter((e) => e.data.kind === 'leak');
    // Where no leak names whose material it carried, the first leak stands in.
    const firstLeak = leaks.find((e) => leaksTargetMaterial(incident, e)) ?? leaks[0];
    const silence = events.find((e) => e.data.kind === 'blackout');
    const leakInSilence = silence && leaks.find((e) => e.start < silence.stop && e.stop > silence.start);
    const vote = { ms: incident.voteInstant, timed: true, uncertain: false };
    // A conventional T−0 (polls closing at different times) blurs figures in hours, not
    // calendar days: those are the same for any closing on election day.
    const beforeVote = (event: EventView): Figure => {
      const figure = figureBetween(point(event), vote, incident.timeZone, locale);
      const blurred = incident.data.election.voteApproximate === true && /(h|min)$/.test(figure.duration.short);
      return blurred && !figure.about ? { ...figure, about: true, text: `${t.units.about}${figure.text}` } : figure;
    };
    const leakFigure = (event: EventView): LeakFigure => ({ event, beforeVote: beforeVote(event) });
    const attribution = (event: EventView | undefined): AttributionFigure | undefined => {
      if (!event) return undefined;
      const fromLeak = firstLeak && {
        ...figureBetween(point(firstLeak), point(event), incident.timeZone, locale),
        sign: Math.sign(event.start - firstLeak.start),
      };
      return {
        event,
        fromLeak,
        stanceWords: t.comparison.stanceWords[event.data.attribution!.stance],
        confidenceWords: confidenceWords(event, locale),
      };
    };
    const attributions = events.filter(claims);
    const government = attributions.filter((e) => GOVERNMENT_KINDS.includes(actorOf(e.data.attribution!.by)?.kind as ActorKind));
    const publishers = new Set(firstLeak?.data.actors?.filter((a) => a.role === 'publisher').map((a) => a.id));
    return {
      incidentId: incident.id,
      title: incident.data.title,
      firstLeak,
      firstLeakBeforeVote: firstLeak && firstLeak.start < incident.voteInstant ? beforeVote(firstLeak) : undefined,
      earlierOtherLeaks: firstLeak
        ? leaks.filter((e) => e.start < firstLeak.start && !leaksTargetMaterial(incident, e)).map(leakFigure)
        : [],
      laterLeaks: firstLeak
        ? leaks
            .filter((e) => e.start > firstLeak.start && e.start < incident.voteInstant && leaksTargetMaterial(incident, e))
            .filter((e) => !(e.data.actors ?? []).some((a) => a.role === 'publisher' && publishers.has(a.id)))
            .slice(0, 1)
            .map(leakFigure)
        : [],
      silence,
      leakInSilence,
      leakBeforeSilence:
        silence && firstLeak && firstLeak.start < silence.start
          ? figureBetween(point(firstLeak), { ms: silence.start, timed: isTimed(silence), uncertain: false }, incident.timeZone, locale)
          : undefined,
      attributionsBeforeVote: attributions.filter((e) => e.start < incident.voteInstant),
      firstPublicAttribution: attribution(attributions[0]),
      firstGovernmentAttribution: attribution(government[0]),
      firstOwnGovernmentAttribution: attribution(
        government.find((e) => actorOf(e.data.attribution!.by)?.country === incident.data.country),
      ),
    };
  });
}

/** From the archive to the chart's inputs, with the words a screen reader hears for each mark. */
import type { Archive, EventView, IncidentView } from '../archive.ts';
import { formatPartialDate } from '../format.ts';
import { dictionary } from '../i18n/en.ts';
import type { LaneInput, MarkInput } from './layout.ts';
import { markName } from './names.ts';

/** "Leak, 5 May 2017, 20:35 Paris time, T−47 h: Campaign files posted on 4chan and Pastebin". */
export function markAccessibleName(event: EventView, incident: IncidentView, locale = 'en-GB'): string {
  const t = dictionary(locale);
  return markName({
    kind: t.kinds[event.data.kind],
    status: event.data.status === 'documented' ? undefined : t.statuses[event.data.status].toLowerCase(),
    when: formatPartialDate(event.date, incident.timeZone, { approximate: event.data.approximate, locale }),
    offset: event.offset.label,
    title: event.data.title,
    colon: t.units.colon,
  });
}

/** The chart's lanes and marks from the archive (all incidents, or those named). */
export function timelineInputs(archive: Archive, incidentIds?: readonly string[]): { lanes: LaneInput[]; marks: MarkInput[] } {
  const incidents = archive.incidents.filter((incident) => !incidentIds || incidentIds.includes(incident.id));
  return {
    lanes: incidents.map((incident) => ({
      id: incident.id,
      title: incident.data.title,
      vote: incident.voteInstant,
      voteApproximate: incident.data.election.voteApproximate,
    })),
    marks: incidents.flatMap((incident) =>
      incident.events.map((event) => ({
        id: event.id,
        laneId: incident.id,
        kind: event.data.kind,
        status: event.data.status,
        approximate: event.data.approximate ?? false,
        start: event.start,
        stop: event.stop,
        title: event.data.title,
      })),
    ),
  };
}

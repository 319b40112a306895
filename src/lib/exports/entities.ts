/** /data/incidents.json and /data/actors.json: the incidents and actors events refer to. */
import type { Archive } from '../archive.ts';
import { mitreGroupUrl } from '../url.ts';
import { absoluteUrl, datasetHead, exportOrder, isoInstant, translationRecords, type ExportOptions } from './common.ts';

/** The whole of /data/incidents.json: the dataset head and every incident with its events. */
export function incidentsJson(archive: Archive, options: ExportOptions) {
  const incidents = archive.incidents.map((incident) => {
    const { data } = incident;
    return {
      id: incident.id,
      title: data.title,
      summary: data.summary,
      country: data.country,
      election: {
        name: data.election.name,
        vote: data.election.vote,
        voteUtc: isoInstant(incident.voteInstant),
        timezone: data.election.timezone,
        voteApproximate: data.election.voteApproximate ?? false,
      },
      targets: [...data.targets],
      eventCount: incident.events.length,
      events: exportOrder(incident.events).map((event) => event.id),
      url: absoluteUrl(incident.url, options),
      translations: translationRecords((locale) => archive.localizedIncident(incident.id, locale)),
    };
  });
  return { ...datasetHead(archive, options, 'incidents'), count: incidents.length, incidents };
}

/** The whole of /data/actors.json: the dataset head and every actor with its events and attributions. */
export function actorsJson(archive: Archive, options: ExportOptions) {
  const actors = [...archive.actors]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((actor) => {
      const { data } = actor;
      return {
        id: actor.id,
        name: data.name,
        kind: data.kind,
        country: data.country ?? null,
        aliases: (data.aliases ?? []).map((alias) => ({ name: alias.name, by: alias.by ?? null })),
        mitre: data.mitre ?? null,
        mitreUrl: data.mitre ? mitreGroupUrl(data.mitre) : null,
        summary: data.summary ?? null,
        website: data.url ?? null,
        url: absoluteUrl(actor.url, options),
        events: exportOrder(actor.involvement.map((entry) => entry.event)).map((event) => event.id),
        attributionsMade: exportOrder(actor.attributionsMade).map((event) => event.id),
        attributionsReceived: exportOrder(actor.attributionsReceived).map((event) => event.id),
        translations: translationRecords((locale) => archive.localizedActor(actor.id, locale), 'name'),
      };
    });
  return { ...datasetHead(archive, options, 'actors'), count: actors.length, actors };
}

/** Facts about the site itself: its name, licences, and where its source lives. */

export const SITE = {
  name: 'Election Integrity Timeline',
  /** Where the site is published unless the build sets SITE_URL. Change it when you fork. */
  url: 'https://election-integrity-timeline.github.io',
  shortName: 'EIT',
  description: 'A sourced, event-by-event timeline of hack-and-leak operations against elections, aligned on the moment polls closed.',
  /** Where the source lives; "Suggest a correction" links point here. Change it when you fork. */
  repository: 'https://github.com/election-integrity-timeline/election-integrity-timeline',
  branch: 'main',
  codeLicence: { name: 'MIT', url: 'https://opensource.org/license/mit' },
  contentLicence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
} as const;

/** The repository page that edits a content file. */
export function editUrl(file: string): string {
  return `${SITE.repository}/edit/${SITE.branch}/${file}`;
}

/** A new issue in the repository, pre-filled. */
export function newIssueUrl(title: string, body: string): string {
  return `${SITE.repository}/issues/new?${new URLSearchParams({ title, body }).toString()}`;
}

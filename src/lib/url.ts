/** Joins a site path ("/events/x/") onto the deployment base ("/" or "/repo/"). */
export function joinBase(base: string, path: string): string {
  if (/^[a-z]+:/i.test(path) || path.startsWith('#')) return path;
  const trimmedBase = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${trimmedBase}${path.startsWith('/') ? path : `/${path}`}`;
}

/** The MITRE ATT&CK page of a group (G0007). */
export function mitreGroupUrl(id: string): string {
  return `https://attack.mitre.org/groups/${id}/`;
}

/** The MITRE ATT&CK page of a technique or sub-technique (T1566, T1566.001). */
export function mitreTechniqueUrl(id: string): string {
  return `https://attack.mitre.org/techniques/${id.replace('.', '/')}/`;
}

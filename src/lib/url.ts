/** Joins a site path ("/events/x/") onto the deployment base ("/" or "/repo/"). */
export function joinBase(base: string, path: string): string {
  if (/^[a-z]+:/i.test(path) || path.startsWith('#')) return path;
  const trimmedBase = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${trimmedBase}${path.startsWith('/') ? path : `/${path}`}`;
}

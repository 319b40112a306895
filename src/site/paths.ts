import { joinBase } from '../lib/url.ts';

/** A site path under the configured base (BASE_PATH), for every internal link. */
export const href = (path: string) => joinBase(import.meta.env.BASE_URL, path);

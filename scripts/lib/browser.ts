/**
 * Browser helpers shared by the e2e tests and the benchmarks (no Vitest here): find
 * Debian's Chromium (or CHROMIUM_PATH), the flags it needs on a closed network, and a
 * tiny static server that serves a built site the way a static host would.
 */
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { delimiter, extname, isAbsolute, join, normalize, resolve, sep } from 'node:path';

/** As root on a closed network, Chromium stalls without these. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The Chromium to drive: CHROMIUM_PATH, CHROME_PATH or Debian's; throws one clear error if missing. */
export function findChromium(): string {
  const wanted = process.env.CHROMIUM_PATH || process.env.CHROME_PATH || '/usr/bin/chromium';
  const candidates = isAbsolute(wanted) ? [wanted] : (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, wanted));
  for (const path of candidates) {
    try {
      if (statSync(path).isFile()) {
        accessSync(path, constants.X_OK);
        return path;
      }
    } catch {
      // try the next one
    }
  }
  throw new Error(`No Chromium found at ${wanted}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`);
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Serves `root` on 127.0.0.1 and a free port, as a static host would. */
export function serveStatic(root: string): Promise<{ url: string; server: Server }> {
  const base = resolve(root);
  const server = createServer((req, res) => {
    const send = (status: number, file: string | null, fallback = '') => {
      const body = file ? readFileSync(file) : Buffer.from(fallback);
      res.writeHead(status, {
        'content-type': file ? (CONTENT_TYPES[extname(file)] ?? 'application/octet-stream') : 'text/plain; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, null, 'Method not allowed');
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return send(400, null, 'Bad request');
    }
    const file = normalize(join(base, pathname));
    const notFound = () => {
      const page = join(base, '404.html');
      return existsSync(page) ? send(404, page) : send(404, null, 'Not found');
    };
    if (file !== base && !file.startsWith(base + sep)) return notFound();
    let stats: ReturnType<typeof statSync>;
    try {
      stats = statSync(file);
    } catch {
      return notFound();
    }
    if (stats.isDirectory()) {
      if (!pathname.endsWith('/')) {
        const url = req.url ?? '';
        res.writeHead(301, { location: `${pathname}/${url.includes('?') ? url.slice(url.indexOf('?')) : ''}` });
        return res.end();
      }
      const index = join(file, 'index.html');
      return existsSync(index) ? send(200, index) : notFound();
    }
    return send(200, file);
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }));
  });
}

import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { isApiMethod, KIOSK_METHODS, METHOD_KINDS, type AppApi } from '../../shared/api/contract';
import type { ErrorCode } from '../../shared/errors';
import { MEDIA_KINDS, type MediaKind } from '../../shared/model/photo';
import { dispatch } from './api-dispatch';
import { createHandlers } from './api-handlers';
import { repoRoot, type Services } from './container';
import type { EventBus } from './events';
import type { Logger } from './logger';
import { readRegularFile, regularFileSize, streamFile } from './repositories/served-file.repository';
import { CONTENT_SECURITY_POLICY } from './security';

export interface BrowserHostOptions {
  handlers: AppApi;
  events: EventBus;
  logger: Logger;
  /** absolute path of a photo's cached image, or undefined */
  mediaFile: (id: string, kind: MediaKind) => string | undefined;
  /** what the kiosk may fetch, asked at each request (everyone in the photo agreed today); nothing else */
  kioskMay?: (kind: MediaKind, id: string) => boolean;
  /** the folder media may come from (the open project); anything else is refused */
  mediaRoot: () => string | undefined;
  /** the built renderer (index.html + assets) */
  rendererDir: string;
  port?: number;
  token?: string;
  /**
   * A second token that may only read (the exhibition kiosk): distinct from the app's, refused for every call that
   * is not a read, and never traded for the app's cookie.
   */
  readOnlyToken?: string;
}

export interface BrowserHost {
  url: string;
  port: number;
  token: string;
  readOnlyToken: string | null;
  /** the socket's own address, as the operating system reports it */
  address: AddressInfo;
  close(): Promise<void>;
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  VALIDATION: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  NO_PROJECT: 409,
  READ_ONLY: 409,
  UNSUPPORTED: 415,
  CORRUPT: 422,
  DAMAGED: 422,
  EMPTY: 422,
  TOO_LARGE: 413,
  INTERNAL: 500,
  IO: 500,
};
const COOKIE = 'cl_token';
const KIOSK_COOKIE = 'cl_kiosk';
/** API requests are small JSON; anything larger is refused before it is read. */
export const MAX_BODY = 1 << 20;
/** How much of an oversized body is read and thrown away before the connection is cut. */
const DRAIN_LIMIT = 64 * MAX_BODY;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
};

/** A client mistake answered with a status; never a crash, never a 5xx. */
class Refusal {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly message: string,
  ) {}
}

/** `decodeURIComponent` that answers 400 for a malformed escape or a NUL instead of throwing. */
function decodePath(raw: string): string {
  let text: string;
  try {
    text = decodeURIComponent(raw);
  } catch {
    throw new Refusal(400, 'VALIDATION', 'malformed %-escape in the address');
  }
  if (text.includes('\0')) throw new Refusal(400, 'VALIDATION', 'a NUL character in the address');
  return text;
}

/**
 * The browser host: the same API as the Electron preload, over HTTP on 127.0.0.1 only. A per-launch token
 * guards every request (Bearer for the API, an HttpOnly cookie or ?token= for what <img> and EventSource load).
 * The Host header must name us (no DNS rebinding); a request that a browser marks as coming from another origin
 * (Origin, Sec-Fetch-Site) is refused, so a page on another local port cannot use the cookie. Every route is
 * awaited inside one try: a bad request is answered, it never takes the host (and unsaved edits) down.
 */
export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const readOnlyToken = opts.readOnlyToken ?? null;
  let port = 0;
  const equal = (given: string | undefined | null, expected: string | null) => {
    if (!given || !expected) return false;
    const a = Buffer.from(given);
    const b = Buffer.from(expected);
    return a.length === b.length && timingSafeEqual(a, b);
  };
  const sameToken = (given: string | undefined | null) => equal(given, token);
  const cookieOf = (req: http.IncomingMessage, name: string) =>
    (req.headers.cookie ?? '')
      .split(/;\s*/)
      .find((c) => c.startsWith(`${name}=`))
      ?.slice(name.length + 1);
  const cookieToken = (req: http.IncomingMessage) => cookieOf(req, COOKIE);
  const bearer = (req: http.IncomingMessage) => /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const ourOrigins = () => [`http://127.0.0.1:${port}`, `http://localhost:${port}`];

  /** Browsers say where a request comes from; anything but our own page (or the user typing the address) is refused. */
  function checkOrigin(req: http.IncomingMessage, navigation: boolean) {
    const origin = req.headers.origin;
    if (origin !== undefined && !ourOrigins().includes(origin))
      throw new Refusal(403, 'FORBIDDEN', 'requests from another origin are refused');
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && !(navigation && site === 'none'))
      throw new Refusal(403, 'FORBIDDEN', 'requests from another site are refused');
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse) {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`)
      throw new Refusal(403, 'FORBIDDEN', 'foreign Host header');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    } catch {
      throw new Refusal(400, 'VALIDATION', 'malformed address');
    }
    const pathname = decodePath(url.pathname);
    const queryToken = url.searchParams.get('token');

    if (pathname.startsWith('/api/')) {
      checkOrigin(req, false);
      const readOnly = !sameToken(bearer(req)) && equal(bearer(req), readOnlyToken);
      if (!sameToken(bearer(req)) && !readOnly) throw unauthorized();
      if (req.method !== 'POST') throw new Refusal(405, 'VALIDATION', 'use POST');
      const method = pathname.slice(5);
      // The read-only token (the kiosk's) calls only what the kiosk needs: it cannot edit, open, close or choose
      // places, nor read the roster (phones, employee numbers) or the photo list.
      if (readOnly && (!isApiMethod(method) || METHOD_KINDS[method] !== 'read' || !KIOSK_METHODS.includes(method)))
        throw new Refusal(403, 'FORBIDDEN', 'this token may only read what the kiosk shows');
      const body = await readJson(req);
      const result = await dispatch(opts.handlers, method, body, opts.logger);
      return send(res, result.ok ? 200 : (STATUS[result.error.code] ?? 400), result);
    }

    const navigation = req.headers['sec-fetch-mode'] === 'navigate' || req.headers['sec-fetch-mode'] === undefined;
    checkOrigin(req, navigation && pathname === '/');
    const app = sameToken(bearer(req)) || sameToken(cookieToken(req)) || sameToken(queryToken);
    // The kiosk's page, assets and photos, under its own token and cookie: it is never handed the app's token.
    const kiosk =
      !app &&
      (equal(bearer(req), readOnlyToken) ||
        equal(queryToken, readOnlyToken) ||
        equal(cookieOf(req, KIOSK_COOKIE), readOnlyToken));
    if (!app && !kiosk) throw unauthorized();
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new Refusal(405, 'VALIDATION', 'use GET');

    if (pathname.startsWith('/media/')) return serveMedia(res, pathname, kiosk);
    if (pathname === '/events') {
      // The app's events name files and folders (import progress, export summaries): not for the kiosk.
      if (kiosk) throw new Refusal(403, 'FORBIDDEN', 'the kiosk has no event stream');
      if (req.method !== 'GET') throw new Refusal(405, 'VALIDATION', 'the event stream is read with GET');
      return streamEvents(req, res);
    }
    if (pathname === '/' && queryToken && (sameToken(queryToken) || equal(queryToken, readOnlyToken))) {
      // Trade the token in the URL for a cookie, then drop it from the address bar.
      const cookie = sameToken(queryToken) ? `${COOKIE}=${token}` : `${KIOSK_COOKIE}=${readOnlyToken}`;
      res.writeHead(302, { 'Set-Cookie': `${cookie}; HttpOnly; SameSite=Strict; Path=/`, Location: '/' });
      return void res.end();
    }
    return serveRenderer(res, pathname, kiosk);
  }

  const server = http.createServer(async (req, res) => {
    try {
      await route(req, res);
    } catch (err) {
      if (err instanceof Refusal) {
        if (!res.headersSent)
          send(res, err.status, { ok: false, error: { code: err.code, message: err.message } }, err.status === 413);
        else res.destroy();
        return;
      }
      opts.logger.error('browser host request failed', err);
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'internal error' } });
      else res.destroy();
    }
  });
  // A malformed request line or header: answer 400 and drop the socket, never throw.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  function unauthorized() {
    return new Refusal(401, 'VALIDATION', 'missing or wrong token: open the address the app printed');
  }

  async function serveMedia(res: http.ServerResponse, pathname: string, kiosk: boolean) {
    const [, , kind, id, ...more] = pathname.split('/');
    // The kiosk sees only photos everyone in agreed to, and their labels, as consent stands at this request.
    if (kiosk && !(MEDIA_KINDS.includes(kind as MediaKind) && opts.kioskMay?.(kind as MediaKind, id ?? '')))
      throw new Refusal(404, 'NOT_FOUND', 'no such image');
    const root = opts.mediaRoot();
    const file =
      !more.length && MEDIA_KINDS.includes(kind as MediaKind) && /^[0-9a-f]{12,64}$/.test(id ?? '')
        ? opts.mediaFile(id!, kind as MediaKind)
        : undefined;
    const rel = file && root ? path.relative(root, file) : '..';
    if (!file || rel.startsWith('..') || path.isAbsolute(rel)) throw new Refusal(404, 'NOT_FOUND', 'no such image');
    const size = await regularFileSize(file);
    if (size === null) throw new Refusal(404, 'NOT_FOUND', 'no such image');
    // Media URLs carry a version (embedded → rendered), so a URL's bytes never change: cache hard. Not at the
    // kiosk: a photo withdrawn from it must not live on in its browser's cache.
    res.writeHead(200, {
      'Content-Type': 'image/jpeg',
      'Content-Length': size,
      'Cache-Control': kiosk ? 'no-store' : 'private, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    });
    // The file can vanish between stat and read (a re-render): the response is cut, the host carries on.
    await streamFile(file, res).catch(() => res.destroy());
  }

  function streamEvents(req: http.IncomingMessage, res: http.ServerResponse) {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    const unsubscribe = opts.events.subscribe((name, payload) => {
      if (!res.writableEnded) res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const ping = setInterval(() => res.write(': ping\n\n'), 15000);
    req.on('close', () => {
      clearInterval(ping);
      unsubscribe();
    });
  }

  async function serveRenderer(res: http.ServerResponse, pathname: string, kiosk: boolean) {
    const rel = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
    const file = path.resolve(opts.rendererDir, rel);
    const inside = path.relative(opts.rendererDir, file);
    if (inside.startsWith('..') || path.isAbsolute(inside)) throw new Refusal(404, 'NOT_FOUND', 'not found');
    let data = await readRegularFile(file);
    if (!data) {
      if (rel === 'index.html')
        return send(res, 503, {
          ok: false,
          error: { code: 'NOT_FOUND', message: `the UI is not built (${opts.rendererDir}); run npm run build` },
        });
      throw new Refusal(404, 'NOT_FOUND', 'not found');
    }
    const ext = path.extname(file);
    // The page is given the token it was opened with: the kiosk's page gets the kiosk's, and says it is one.
    const pageToken = kiosk ? readOnlyToken! : token;
    if (ext === '.html')
      data = Buffer.from(
        data
          .toString('utf8')
          .replace(
            '</head>',
            `<meta name="cl-token" content="${pageToken}">${kiosk ? '<meta name="cl-kiosk" content="1">' : ''}</head>`,
          ),
      );
    res.writeHead(200, {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': ext === '.html' ? 'no-store' : 'private, max-age=600',
    });
    res.end(data);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  port = address.port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    readOnlyToken,
    address,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Reads a JSON body of at most MAX_BODY bytes: 413 above it, 400 if it is not JSON. A body over the limit is
 * drained (up to a bound) rather than left unread, so the client reads the 413 instead of a connection reset.
 */
function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    const tooLarge = () => new Refusal(413, 'TOO_LARGE', `the request body is over ${MAX_BODY} bytes`);
    // Beyond any drain: answered at once (the client may see the connection cut, it was sending hundreds of MB).
    if (Number(req.headers['content-length'] ?? 0) > DRAIN_LIMIT) return reject(tooLarge());
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        // Read to the end and thrown away: answering while the client still sends makes the socket close on
        // unread data, and the client sees a reset instead of the 413.
        over = true;
        chunks.length = 0;
        if (size > DRAIN_LIMIT) {
          reject(tooLarge());
          req.destroy();
        }
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (over) return reject(tooLarge());
      const text = Buffer.concat(chunks).toString('utf8').trim();
      if (!text) return resolve({});
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new Refusal(400, 'VALIDATION', 'the request body is not JSON'));
      }
    });
    req.on('error', () => reject(new Refusal(400, 'VALIDATION', 'the request body could not be read')));
  });
}

function send(res: http.ServerResponse, status: number, body: unknown, closeAfter = false) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...(closeAfter ? { Connection: 'close' } : {}),
  });
  res.end(text);
}

/** The browser host over a set of services: what `chasing-light serve` runs, and what the tests start. */
export function serveServices(
  services: Services,
  opts: { port?: number; rendererDir?: string; kiosk?: boolean } = {},
): Promise<BrowserHost> {
  return startBrowserHost({
    handlers: createHandlers(services, 'browser'),
    events: services.events,
    logger: services.logger,
    mediaFile: services.mediaFile,
    kioskMay: (kind, id) => services.find.mayShowMedia(kind, id),
    mediaRoot: () => services.session.current?.dir,
    rendererDir: opts.rendererDir ?? path.join(repoRoot(), 'out', 'renderer'),
    port: opts.port,
    // The kiosk runs beside the app on its own token: a visitor at the venue can search, and change nothing.
    readOnlyToken: opts.kiosk ? randomBytes(24).toString('base64url') : undefined,
  });
}

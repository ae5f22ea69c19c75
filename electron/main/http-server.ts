import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { AppApi } from '../../shared/api/contract';
import type { ErrorCode } from '../../shared/errors';
import { MEDIA_KINDS, type MediaKind } from '../../shared/model/photo';
import { dispatch } from './api-dispatch';
import { createHandlers } from './api-handlers';
import { repoRoot, type Services } from './container';
import type { EventBus } from './events';
import type { Logger } from './logger';
import { CONTENT_SECURITY_POLICY } from './security';

export interface BrowserHostOptions {
  handlers: AppApi;
  events: EventBus;
  logger: Logger;
  /** absolute path of a photo's cached image, or undefined */
  mediaFile: (id: string, kind: MediaKind) => string | undefined;
  /** the folder media may come from (the open project); anything else is refused */
  mediaRoot: () => string | undefined;
  /** the built renderer (index.html + assets) */
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface BrowserHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  VALIDATION: 400, NOT_FOUND: 404, CONFLICT: 409, NO_PROJECT: 409, UNSUPPORTED: 415, CORRUPT: 422, EMPTY: 422, TOO_LARGE: 413, INTERNAL: 500, IO: 500,
};
const COOKIE = 'cl_token';
const MAX_BODY = 1 << 20;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.woff2': 'font/woff2', '.json': 'application/json',
};

/**
 * The browser host: the same API as the Electron preload, over HTTP on 127.0.0.1 only. A per-launch token
 * guards every request (Bearer for the API, an HttpOnly cookie or ?token= for what <img> and EventSource load);
 * the Host header must name us, so a DNS-rebinding page cannot talk to it.
 */
export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const sameToken = (given: string | undefined | null) => {
    if (!given) return false;
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };
  const cookieToken = (req: http.IncomingMessage) =>
    (req.headers.cookie ?? '').split(/;\s*/).find((c) => c.startsWith(`${COOKIE}=`))?.slice(COOKIE.length + 1);
  const bearer = (req: http.IncomingMessage) => /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];

  const server = http.createServer(async (req, res) => {
    try {
      const host = req.headers.host ?? '';
      if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 403, { ok: false, error: { code: 'VALIDATION', message: 'foreign Host header' } });
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      const queryToken = url.searchParams.get('token');

      if (url.pathname.startsWith('/api/')) {
        if (!sameToken(bearer(req))) return unauthorized(res);
        if (req.method !== 'POST') return send(res, 405, { ok: false, error: { code: 'VALIDATION', message: 'use POST' } });
        const body = await readJson(req);
        if (body === INVALID) return send(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'the request body is not JSON' } });
        const result = await dispatch(opts.handlers, decodeURIComponent(url.pathname.slice(5)), body, opts.logger);
        return send(res, result.ok ? 200 : (STATUS[result.error.code] ?? 400), result);
      }

      const authed = sameToken(bearer(req)) || sameToken(cookieToken(req)) || sameToken(queryToken);
      if (!authed) return unauthorized(res);

      if (url.pathname.startsWith('/media/')) return serveMedia(res, url.pathname);
      if (url.pathname === '/events') return streamEvents(req, res);
      if (url.pathname === '/' && queryToken) {
        // Trade the token in the URL for a cookie, then drop it from the address bar.
        res.writeHead(302, { 'Set-Cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`, Location: '/' });
        return res.end();
      }
      return serveRenderer(res, url.pathname);
    } catch (err) {
      opts.logger.error('browser host request failed', err);
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'internal error' } });
      else res.end();
    }
  });

  function unauthorized(res: http.ServerResponse) {
    send(res, 401, { ok: false, error: { code: 'VALIDATION', message: 'missing or wrong token: open the address the app printed' } });
  }

  async function serveMedia(res: http.ServerResponse, pathname: string) {
    const [, , kind, id] = pathname.split('/');
    const root = opts.mediaRoot();
    const file = MEDIA_KINDS.includes(kind as MediaKind) && /^[0-9a-f]{12,64}$/.test(id ?? '') ? opts.mediaFile(id!, kind as MediaKind) : undefined;
    if (!file || !root || path.relative(root, file).startsWith('..') || path.isAbsolute(path.relative(root, file)))
      return send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'no such image' } });
    const stat = await fs.stat(file).catch(() => null);
    if (!stat) return send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'no such image' } });
    // Media URLs carry a version (embedded → rendered), so a URL's bytes never change: cache hard.
    res.writeHead(200, { 'Content-Type': 'image/jpeg', 'Content-Length': stat.size, 'Cache-Control': 'private, max-age=31536000, immutable', 'X-Content-Type-Options': 'nosniff' });
    createReadStream(file).pipe(res);
  }

  function streamEvents(req: http.IncomingMessage, res: http.ServerResponse) {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    const unsubscribe = opts.events.subscribe((name, payload) => res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`));
    const ping = setInterval(() => res.write(': ping\n\n'), 15000);
    req.on('close', () => {
      clearInterval(ping);
      unsubscribe();
    });
  }

  async function serveRenderer(res: http.ServerResponse, pathname: string) {
    const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = path.resolve(opts.rendererDir, rel);
    if (path.relative(opts.rendererDir, file).startsWith('..')) return send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'not found' } });
    let data = await fs.readFile(file).catch(() => null);
    if (!data) {
      if (rel === 'index.html') return send(res, 500, { ok: false, error: { code: 'NOT_FOUND', message: `the UI is not built (${opts.rendererDir}); run npm run build` } });
      return send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'not found' } });
    }
    const ext = path.extname(file);
    if (ext === '.html') data = Buffer.from(data.toString('utf8').replace('</head>', `<meta name="cl-token" content="${token}"></head>`));
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
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const INVALID = Symbol('invalid');

function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(INVALID);
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8').trim();
      if (!text) return resolve({});
      try {
        resolve(JSON.parse(text));
      } catch {
        resolve(INVALID);
      }
    });
    req.on('error', () => resolve(INVALID));
  });
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(text);
}

/** The browser host over a set of services: what `chasing-light serve` runs, and what the tests start. */
export function serveServices(services: Services, opts: { port?: number; rendererDir?: string } = {}): Promise<BrowserHost> {
  return startBrowserHost({
    handlers: createHandlers(services, 'browser'),
    events: services.events,
    logger: services.logger,
    mediaFile: services.mediaFile,
    mediaRoot: () => services.session.current?.dir,
    rendererDir: opts.rendererDir ?? path.join(repoRoot(), 'out', 'renderer'),
    port: opts.port,
  });
}

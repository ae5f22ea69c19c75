import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY, startBrowserHost } from '../../electron/main/http-server';
import { createHandlers } from '../../electron/main/api-handlers';
import { tempDir, writePhoto } from '../helpers/factories';
import { startTestHost } from '../helpers/browser-host';
import { ioError } from '../../electron/main/repositories/storage.repository';

/** Raw request, so the Host header can be forged (fetch will not let us). */
function request(
  port: number,
  opts: { path: string; method?: string; headers?: Record<string, string>; body?: string },
) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe(startBrowserHost.name, () => {
  let t: Awaited<ReturnType<typeof startTestHost>>;
  let photoId: string;
  beforeAll(async () => {
    t = await startTestHost();
    const root = await tempDir();
    await writePhoto(root, 'a.jpg');
    await t.services.projects.create(path.join(root, 'p'), 'p');
    await t.services.importer.run({ paths: [path.join(root, 'a.jpg')] });
    photoId = t.services.photos.list()[0]!.id;
  });
  afterAll(() => t.stop());

  it('binds to 127.0.0.1 only: the socket says so, and another address of this machine is refused', async () => {
    expect(t.host.address).toMatchObject({ address: '127.0.0.1', family: 'IPv4' });
    // Any non-loopback address of this machine (where it has one) must not answer on the host's port.
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
    if (external) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = net.connect({ host: external, port: t.host.port }, () => resolve('connected'));
        socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
      });
      expect(outcome).toBe('ECONNREFUSED');
    }
  });

  it('answers 401 without the token and with a wrong one', async () => {
    const api = { path: '/api/app.info', method: 'POST', body: '{}' };
    expect((await request(t.host.port, { ...api, headers: { Host: `127.0.0.1:${t.host.port}` } })).status).toBe(401);
    expect(
      (
        await request(t.host.port, {
          ...api,
          headers: { Host: `127.0.0.1:${t.host.port}`, Authorization: 'Bearer nope' },
        })
      ).status,
    ).toBe(401);
    const ok = await request(t.host.port, {
      ...api,
      headers: { Host: `127.0.0.1:${t.host.port}`, Authorization: `Bearer ${t.host.token}` },
    });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { host: 'browser' } });
  });

  it('answers 403 to a foreign Host header, even with the token', async () => {
    const res = await request(t.host.port, {
      path: '/api/app.info',
      method: 'POST',
      body: '{}',
      headers: { Host: 'evil.example:80', Authorization: `Bearer ${t.host.token}` },
    });
    expect(res.status).toBe(403);
  });

  it('serves thumbnails to token holders only, by id, never by path', async () => {
    const host = { Host: `127.0.0.1:${t.host.port}` };
    expect((await request(t.host.port, { path: `/media/thumb/${photoId}`, headers: host })).status).toBe(401);
    const img = await request(t.host.port, { path: `/media/thumb/${photoId}?token=${t.host.token}`, headers: host });
    expect(img.status).toBe(200);
    expect(img.headers['content-type']).toBe('image/jpeg');
    for (const evil of [
      '/media/thumb/..%2F..%2Fproject.json',
      '/media/thumb/../../etc/passwd',
      `/media/../project.json`,
      '/media/secret/' + photoId,
    ])
      expect((await request(t.host.port, { path: `${evil}?token=${t.host.token}`, headers: host })).status, evil).toBe(
        404,
      );
  });

  it('trades the URL token for an HttpOnly cookie and serves the UI with a strict CSP', async () => {
    const host = { Host: `127.0.0.1:${t.host.port}` };
    const first = await request(t.host.port, { path: `/?token=${t.host.token}`, headers: host });
    expect(first.status).toBe(302);
    const cookie = String(first.headers['set-cookie']).split(';')[0]!;
    expect(String(first.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    const page = await request(t.host.port, { path: '/', headers: { ...host, Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body).toContain('name="cl-token"');
    expect((await request(t.host.port, { path: '/', headers: host })).status).toBe(401);
  });

  it('answers malformed addresses with 400 and stays up (GET /%, POST /api/%, a NUL)', async () => {
    const host = { Host: `127.0.0.1:${t.host.port}` };
    const auth = { ...host, Authorization: `Bearer ${t.host.token}` };
    expect((await request(t.host.port, { path: '/%', headers: host })).status).toBe(400);
    expect((await request(t.host.port, { path: `/%E0%A4%A?token=${t.host.token}`, headers: host })).status).toBe(400);
    expect((await request(t.host.port, { path: '/api/%', method: 'POST', body: '{}', headers: auth })).status).toBe(
      400,
    );
    expect((await request(t.host.port, { path: '/media/thumb/%00', headers: auth })).status).toBe(400);
    expect((await request(t.host.port, { path: '/assets/a%00.js', headers: auth })).status).toBe(400);
    const alive = await request(t.host.port, { path: '/api/app.info', method: 'POST', body: '{}', headers: auth });
    expect(alive.status).toBe(200);
  });

  it('answers a body over the limit with 413 (the client reads it; no reset), and the host stays up', async () => {
    const auth = {
      Host: `127.0.0.1:${t.host.port}`,
      Authorization: `Bearer ${t.host.token}`,
      'Content-Type': 'application/json',
    };
    const big = JSON.stringify({ filter: { text: 'x'.repeat(MAX_BODY + 10) } });
    const res = await request(t.host.port, { path: '/api/photos.list', method: 'POST', body: big, headers: auth });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    // Chunked, so the size is learnt while reading rather than from Content-Length.
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: t.host.port,
          path: '/api/photos.list',
          method: 'POST',
          headers: { ...auth, 'Transfer-Encoding': 'chunked' },
        },
        (r) => {
          r.resume();
          r.on('end', () => resolve(r.statusCode!));
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 20; i++) req.write('x'.repeat(100_000));
      req.end();
    });
    expect(chunked).toBe(413);
    expect(
      (await request(t.host.port, { path: '/api/app.info', method: 'POST', body: '{}', headers: auth })).status,
    ).toBe(200);
  });

  it('refuses a foreign Origin or a cross-site request even with the token or cookie (403)', async () => {
    const host = { Host: `127.0.0.1:${t.host.port}` };
    const auth = { ...host, Authorization: `Bearer ${t.host.token}` };
    const foreign = await request(t.host.port, {
      path: '/api/app.info',
      method: 'POST',
      body: '{}',
      headers: { ...auth, Origin: 'http://127.0.0.1:1' },
    });
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      (
        await request(t.host.port, {
          path: '/api/app.info',
          method: 'POST',
          body: '{}',
          headers: { ...auth, Origin: 'null' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await request(t.host.port, {
          path: `/events?token=${t.host.token}`,
          headers: { ...host, Origin: 'http://evil.example' },
        })
      ).status,
    ).toBe(403);
    // An <img> on another local port: same site for the browser (so the cookie goes), but not our origin.
    expect(
      (
        await request(t.host.port, {
          path: `/media/thumb/${photoId}?token=${t.host.token}`,
          headers: { ...host, 'Sec-Fetch-Site': 'same-site', 'Sec-Fetch-Mode': 'no-cors' },
        })
      ).status,
    ).toBe(403);
    // Our own page is fine.
    const own = await request(t.host.port, {
      path: '/api/app.info',
      method: 'POST',
      body: '{}',
      headers: { ...auth, Origin: `http://127.0.0.1:${t.host.port}`, 'Sec-Fetch-Site': 'same-origin' },
    });
    expect(own.status).toBe(200);
  });

  it('answers a malformed or refused path with a 4xx naming it, never a 500', async () => {
    const call = async (method: string, body: unknown) => {
      const res = await request(t.host.port, {
        path: `/api/${method}`,
        method: 'POST',
        body: JSON.stringify(body),
        headers: { Host: `127.0.0.1:${t.host.port}`, Authorization: `Bearer ${t.host.token}` },
      });
      return {
        status: res.status,
        error: (JSON.parse(res.body) as { error?: { code: string; message: string } }).error,
      };
    };
    const root = await tempDir();
    await writePhoto(root, 'not-a-folder.jpg');
    expect(await call('folders.browse', { path: `${root}/a\u0000b` })).toMatchObject({
      status: 400,
      error: { code: 'VALIDATION', message: expect.stringContaining('NUL') },
    });
    expect(await call('folders.browse', { path: path.join(root, 'not-a-folder.jpg') })).toMatchObject({
      status: 400,
      error: { message: expect.stringContaining('not-a-folder.jpg') },
    });
    expect(await call('folders.browse', { path: path.join(root, 'gone') })).toMatchObject({
      status: 404,
      error: { message: expect.stringContaining('gone') },
    });
    expect(await call('projects.open', { dir: `${root}\u0000` })).toMatchObject({ status: 400 });
    expect(await call('import.start', { paths: [`${root}/x\u0000.jpg`] })).toMatchObject({ status: 400 });
    // A folder the operating system will not let us read is refused (403), not an error of ours.
    expect(
      ioError(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }), '/secret', 'list'),
    ).toMatchObject({ code: 'FORBIDDEN', key: 'fs.permission' });
    expect(ioError(Object.assign(new TypeError('bad'), { code: 'ERR_INVALID_ARG_VALUE' }), '/x', 'list')).toMatchObject(
      { code: 'VALIDATION', key: 'fs.badPath' },
    );
  });

  it('answers a 10 MB body with 413 every time, sent at once or as it comes: the body is read and thrown away, never a reset', async () => {
    const body = Buffer.alloc(10 << 20, 'x');
    const headers = { Host: `127.0.0.1:${t.host.port}`, Authorization: `Bearer ${t.host.token}` };
    /** The body in 256 KB pieces as the socket takes them (chunked, no length given), like a slow uploader. */
    const streamed = () =>
      new Promise<number | string>((resolve) => {
        const req = http.request(
          { host: '127.0.0.1', port: t.host.port, path: '/api/app.info', method: 'POST', headers },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode!));
          },
        );
        req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
        let at = 0;
        const more = () => {
          while (at < body.length) {
            const piece = body.subarray(at, (at += 256 << 10));
            if (!req.write(piece)) return void req.once('drain', () => setTimeout(more, 1));
          }
          req.end();
        };
        more();
      });
    const statuses: (number | string)[] = [];
    for (let i = 0; i < 10; i++)
      statuses.push(
        await request(t.host.port, {
          path: '/api/app.info',
          method: 'POST',
          body: body.toString(),
          headers: { ...headers, 'Content-Length': String(body.length) },
        }).then(
          (r) => r.status,
          (e: NodeJS.ErrnoException) => e.code ?? 'error',
        ),
      );
    for (let i = 0; i < 10; i++) statuses.push(await streamed());
    expect(statuses).toEqual(Array(20).fill(413));
  }, 60_000);

  it("a read-only token (the kiosk's) is not the app's: it reads, and every edit or session call is refused", async () => {
    const services = t.services;
    const kiosk = await startBrowserHost({
      handlers: createHandlers(services, 'browser'),
      events: services.events,
      logger: services.logger,
      mediaFile: services.mediaFile,
      mediaRoot: () => services.session.current?.dir,
      rendererDir: '/nonexistent',
      readOnlyToken: 'kiosk-token-0123456789',
    });
    try {
      expect(kiosk.readOnlyToken).not.toBe(kiosk.token);
      const call = (method: string, body: unknown) =>
        request(kiosk.port, {
          path: `/api/${method}`,
          method: 'POST',
          body: JSON.stringify(body),
          headers: { Host: `127.0.0.1:${kiosk.port}`, Authorization: 'Bearer kiosk-token-0123456789' },
        });
      expect((await call('find.worker', { query: 'zmd' })).status).toBe(200);
      expect((await call('find.kiosk', {})).status).toBe(200);
      // Nor the event stream, whose events name files and folders.
      expect(
        (
          await request(kiosk.port, {
            path: '/events',
            headers: { Host: `127.0.0.1:${kiosk.port}`, Authorization: 'Bearer kiosk-token-0123456789' },
          })
        ).status,
      ).toBe(403);
      // Reading is narrowed to what the kiosk shows: not the roster (phones, employee numbers), not the photo list.
      for (const m of ['photos.list', 'workers.list', 'projects.recent', 'faces.people', 'faces.list'] as const)
        expect((await call(m, {})).status, m).toBe(403);
      for (const [m, body] of [
        ['photos.setRating', { ids: [photoId], rating: 5 }],
        ['projects.close', {}],
        ['folders.choose', { paths: ['/tmp'], purpose: 'import' }],
        ['import.start', { paths: ['/tmp'] }],
        ['history.undo', {}],
      ] as const)
        expect((await call(m, body)).status, m).toBe(403);
      expect(services.photos.get(photoId).rating).toBe(0);
    } finally {
      await kiosk.close();
    }
  });

  it('rejects a body that is not JSON', async () => {
    const res = await request(t.host.port, {
      path: '/api/photos.list',
      method: 'POST',
      body: '{nope',
      headers: { Host: `127.0.0.1:${t.host.port}`, Authorization: `Bearer ${t.host.token}` },
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS } from '../../shared/api/contract';
import { REPO_ROOT } from '../helpers/browser-host';
import { tempDir, writePhoto } from '../helpers/factories';

/** A small seeded generator, so a failing run can be replayed with the seed it prints. */
function prng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick };
}
type Rng = ReturnType<typeof prng>;

const NASTY = [
  '\u0000',
  '/tmp/\u0000x',
  '%',
  '%%',
  '%zz',
  '%E0%A4%A',
  '%00',
  '%2e%2e/',
  '..',
  '../..',
  '\u00e9',
  '占牡丹',
  '%FF',
  '//',
  '\\',
  '?',
  '#',
  ';',
  "'",
  '"',
  '<',
  '{}',
  '%5C..%5C',
  'token=',
  'a'.repeat(300),
];
/** A path made of route prefixes and junk: every route the host serves, hit with what a fuzzer sends. */
function fuzzPath(r: Rng, photoId: string): string {
  const prefix = r.pick([
    '/',
    '/api/',
    `/api/${r.pick(API_METHODS)}`,
    '/media/',
    '/media/thumb/',
    `/media/preview/${photoId}`,
    '/media/sheet/',
    '/events',
    '/assets/',
    '/index.html',
    '',
  ]);
  let p = prefix;
  for (let i = r.int(4); i > 0; i--) p += r.pick(NASTY) + (r.next() < 0.3 ? '/' : '');
  // Node refuses to send spaces and non-ASCII raw; everything else (a lone %, a NUL escape) goes as it is.
  const sendable = p.replace(/[^\x21-\x7e]/g, (c) => encodeURIComponent(c));
  return sendable.startsWith('/') ? sendable : `/${sendable}`;
}

function fuzzJson(r: Rng, depth = 0): unknown {
  switch (r.int(depth > 2 ? 5 : 8)) {
    case 0:
      return null;
    case 1:
      return r.next() < 0.5;
    case 2:
      return r.pick([0, -1, 1e308, 3.5, Number.MAX_SAFE_INTEGER]);
    case 3:
      return r.pick(NASTY) + r.pick(NASTY);
    case 4:
      return r.pick(['', 'photos', '0123456789abcdef', 'ws_x']);
    case 5:
      return Array.from({ length: r.int(4) }, () => fuzzJson(r, depth + 1));
    default: {
      const keys = [
        'ids',
        'id',
        'filter',
        'rating',
        'flag',
        'jobId',
        'workerId',
        'text',
        'query',
        'patch',
        'limit',
        'path',
        'dir',
        'outDir',
        r.pick(NASTY),
      ];
      return Object.fromEntries(Array.from({ length: r.int(4) }, () => [r.pick(keys), fuzzJson(r, depth + 1)]));
    }
  }
}

/** Methods that would write files given a well-formed request: fuzzed only with bodies their schema refuses. */
const WRITES = new Set([
  'projects.create',
  'folders.choose',
  'import.start',
  'export.start',
  'xmp.write',
  'roster.apply',
]);

function httpRequest(port: number, opts: http.RequestOptions & { body?: string }): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, ...opts }, (res) => {
      // The event stream never ends by design: its headers are the answer.
      if (String(res.headers['content-type']).startsWith('text/event-stream')) {
        req.destroy();
        return resolve(res.statusCode ?? 0);
      }
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(-1));
    });
    req.setTimeout(10_000, () => req.destroy());
    req.on('error', () => resolve(-1));
    req.end(opts.body);
  });
}

/** Raw bytes on a socket: malformed request lines and headers that http.request refuses to send. */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => socket.end(text));
    let answer = '';
    socket.setTimeout(5000, () => socket.destroy());
    socket.on('data', (d) => (answer += d.toString('latin1')));
    socket.on('close', () => resolve(answer));
    socket.on('error', () => resolve(answer));
  });
}

describe('the browser host under fuzzing', () => {
  let child: ChildProcess;
  let port = 0;
  let token = '';
  let photoId = '';
  let exited: number | null = null;
  let stderr = '';

  beforeAll(async () => {
    const root = await tempDir('cl-fuzz-');
    const project = path.join(root, 'project');
    await writePhoto(path.join(root, 'card'), 'IMG_1.JPG');
    const cli = path.join(REPO_ROOT, 'bin', 'chasing-light.js');
    const run = (...args: string[]) =>
      new Promise<string>((resolve, reject) => {
        const c = spawn(process.execPath, [cli, ...args], { cwd: root });
        let out = '';
        c.stdout.on('data', (d) => (out += d));
        c.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${args[0]} exited ${code}`))));
      });
    await run('new', project);
    await run('import', project, path.join(root, 'card'), '--json', '--quiet');
    photoId = JSON.parse(await run('photos', project, '--json'))[0].id;
    // The host as users run it, in its own process, so a crash shows as an exit rather than killing the test.
    child = spawn(process.execPath, [cli, 'serve', project], {
      cwd: root,
      env: { ...process.env, CHASING_LIGHT_HOME: await tempDir('cl-fuzz-home-') },
    });
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('exit', (code) => (exited = code ?? -1));
    const line = await new Promise<string>((resolve) =>
      readline.createInterface({ input: child.stdout! }).once('line', resolve),
    );
    const url = new URL(line);
    port = Number(url.port);
    token = url.searchParams.get('token')!;
  });
  afterAll(() => {
    child?.kill('SIGTERM');
  });

  it('answers thousands of malformed and hostile requests without a crash, and without a 5xx for a client mistake', async () => {
    const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 100000);
    const r = prng(seed);
    const statuses = new Map<number, number>();
    const fivexx: string[] = [];
    const host = () => r.pick([`127.0.0.1:${port}`, `127.0.0.1:${port}`, `localhost:${port}`, 'evil.example', '']);
    const N = 4000;
    for (let i = 0; i < N; i++) {
      const p = fuzzPath(r, photoId);
      const headers: Record<string, string> = { Host: host() };
      const auth = r.int(4);
      if (auth === 0) headers.Authorization = `Bearer ${token}`;
      else if (auth === 3) headers.Cookie = `cl_token=${encodeURIComponent(r.pick(NASTY))}`;
      else if (auth === 1) headers.Cookie = `cl_token=${token}`;
      else if (auth === 2) headers.Authorization = `Bearer ${encodeURIComponent(r.pick(NASTY))}`;
      if (r.next() < 0.2)
        headers.Origin = r.pick([`http://127.0.0.1:${port}`, 'http://127.0.0.1:1', 'null', 'http://evil.example']);
      if (r.next() < 0.2) headers['Sec-Fetch-Site'] = r.pick(['same-origin', 'same-site', 'cross-site', 'none']);
      let method = r.pick(['GET', 'POST', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS']);
      let reqPath = p;
      let body: string | undefined;
      if (r.next() < 0.5) {
        // A real API method with the token: the dispatch and the handlers are fuzzed too.
        const m = r.pick(API_METHODS);
        method = 'POST';
        reqPath = `/api/${m}`;
        headers.Host = `127.0.0.1:${port}`;
        headers.Authorization = `Bearer ${token}`;
        const value = fuzzJson(r);
        body = WRITES.has(m)
          ? JSON.stringify({ [r.pick(NASTY)]: value })
          : r.next() < 0.1
            ? '{"unterminated'
            : JSON.stringify(value);
      } else if (method === 'POST' || method === 'PUT')
        body = r.next() < 0.5 ? JSON.stringify(fuzzJson(r)) : r.pick(NASTY);
      const status = await httpRequest(port, { path: reqPath, method, headers, body });
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status >= 500 || status < 0) fivexx.push(`${status} ${method} ${reqPath} ${body?.slice(0, 80) ?? ''}`);
      if (exited !== null) break;
    }
    for (let i = 0; i < 40; i++) {
      const line = r.pick([
        'GET /% HTTP/1.1',
        'GET \u0000 HTTP/1.1',
        'BREW / HTTP/1.1',
        'GET / HTTP/9.9',
        'GET /' + '%'.repeat(5000) + ' HTTP/1.1',
        'POST /api/app.info HTTP/1.1',
      ]);
      await rawRequest(
        port,
        `${line}\r\nHost: 127.0.0.1:${port}\r\n${r.pick(['Content-Length: -1\r\n', 'Content-Length: 99999999999\r\n', 'Transfer-Encoding: chunked\r\n', 'X: \u0001\r\n', ''])}\r\n${r.pick(['', 'zz', '{}'])}`,
      );
    }
    const alive = await httpRequest(port, {
      path: '/api/app.info',
      method: 'POST',
      headers: { Host: `127.0.0.1:${port}`, Authorization: `Bearer ${token}` },
      body: '{}',
    });
    expect({
      seed,
      exited,
      alive,
      fivexx: fivexx.slice(0, 10),
      stderr: exited === null ? '' : stderr.slice(-2000),
    }).toEqual({ seed, exited: null, alive: 200, fivexx: [], stderr: '' });
    // Every status is one the host means to send.
    for (const s of statuses.keys()) expect([200, 302, 400, 401, 403, 404, 405, 409, 413, 415, 422]).toContain(s);
  }, 120_000);
});

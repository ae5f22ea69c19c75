import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiMethod } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import { dispatch } from '../../electron/main/api-dispatch';
import { createHandlers } from '../../electron/main/api-handlers';
import { createServices } from '../../electron/main/container';
import { tempDir, writePhoto } from '../helpers/factories';
import { startTestHost } from '../helpers/browser-host';

type Caller = (method: ApiMethod, request: unknown) => Promise<Result<unknown>>;

/** One suite, two transports: the handlers in-process and the same handlers behind the browser host. */
const transports: [string, () => Promise<{ call: Caller; stop: () => Promise<void> }>][] = [
  [
    'in-process',
    async () => {
      const services = createServices({ home: await tempDir() });
      const handlers = createHandlers(services, 'browser'); // the window's rules, as the HTTP host applies them
      return { call: (m, r) => dispatch(handlers, m, r, services.logger), stop: () => services.close() };
    },
  ],
  [
    'browser host (HTTP)',
    async () => {
      const t = await startTestHost();
      const call: Caller = async (m, r) => {
        const res = await fetch(`http://127.0.0.1:${t.host.port}/api/${m}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${t.host.token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(r),
        });
        return res.json() as Promise<Result<unknown>>;
      };
      return { call, stop: t.stop };
    },
  ],
];

describe.each(transports)('the API over %s', (_name, make) => {
  let call: Caller;
  let stop: () => Promise<void>;
  let root: string;
  beforeAll(async () => {
    ({ call, stop } = await make());
    root = await tempDir();
    for (let i = 0; i < 3; i++) await writePhoto(path.join(root, 'card'), `IMG_${i}.JPG`, { seed: 60 + i });
  });
  afterAll(() => stop());

  it('needs an open project for photo calls', async () => {
    expect(await call('photos.list', {})).toMatchObject({ ok: false, error: { code: 'NO_PROJECT' } });
  });

  it('refuses paths the user did not choose in the app, and system places even when chosen', async () => {
    expect(await call('projects.create', { dir: path.join(root, 'project') })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', key: 'access.notChosen' },
    });
    expect(await call('import.defaults', { paths: [path.join(root, 'card')] })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await call('folders.choose', { paths: ['/'], purpose: 'project' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', key: 'access.systemPlace' },
    });
    expect(await call('folders.choose', { paths: ['/etc/cl-project'], purpose: 'project' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await call('folders.choose', { paths: ['/usr'], purpose: 'export' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('creates a project, imports a folder and lists the photos', async () => {
    expect(
      await call('folders.choose', {
        paths: [path.join(root, 'project'), path.join(root, 'card')],
        purpose: 'project',
      }),
    ).toMatchObject({ ok: true });
    const created = await call('projects.create', { dir: path.join(root, 'project'), name: '契约测试' });
    expect(created).toMatchObject({ ok: true, value: { name: '契约测试', photoCount: 0 } });
    const started = (await call('import.start', {
      paths: [path.join(root, 'card')],
      photographer: '张三',
      company: '科润智控',
    })) as Result<{ jobId: string }>;
    expect(started.ok).toBe(true);
    const jobId = started.ok ? started.value.jobId : '';
    let status: Result<unknown>;
    for (;;) {
      status = await call('import.status', { jobId });
      if (status.ok && (status.value as { state: string }).state !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(status).toMatchObject({ ok: true, value: { state: 'finished', summary: { imported: 3, failed: [] } } });
    const list = (await call('photos.list', { filter: { company: '科润智控' } })) as Result<
      { id: string; photographer: string }[]
    >;
    expect(list.ok && list.value.map((p) => p.photographer)).toEqual(['张三', '张三', '张三']);
  });

  it('rates and flags, and filters on both', async () => {
    const list = (await call('photos.list', {})) as Result<{ id: string }[]>;
    const ids = list.ok ? list.value.map((p) => p.id) : [];
    expect(await call('photos.setRating', { ids: [ids[0]], rating: 5 })).toMatchObject({
      ok: true,
      value: [{ rating: 5 }],
    });
    expect(await call('photos.setFlag', { ids: ids.slice(1), flag: 'rejected' })).toMatchObject({ ok: true });
    const good = (await call('photos.list', { filter: { minRating: 5 } })) as Result<unknown[]>;
    const rejected = (await call('photos.list', { filter: { flag: 'rejected' } })) as Result<unknown[]>;
    expect([good.ok && good.value.length, rejected.ok && rejected.value.length]).toEqual([1, 2]);
    expect(await call('photos.facets', {})).toMatchObject({
      ok: true,
      value: { total: 3, companies: [{ value: '科润智控', count: 3 }] },
    });
  });

  it('runs every long task as a job: jobs.start by kind, one status, one list; the old names answer the same job', async () => {
    const started = (await call('jobs.start', { kind: 'import', paths: [path.join(root, 'card')] })) as Result<{
      jobId: string;
    }>;
    const jobId = started.ok ? started.value.jobId : '';
    let status: Result<{ state: string }>;
    for (;;) {
      status = (await call('jobs.status', { jobId })) as Result<{ state: string }>;
      if (!status.ok || status.value.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    // Every kind ends the same way: state, the one progress shape, the result.
    expect(status).toMatchObject({
      ok: true,
      value: {
        id: jobId,
        kind: 'import',
        state: 'finished',
        progress: { kind: 'import', done: 3, total: 3 },
        result: { imported: 0 },
        error: null,
      },
    });
    expect(await call('import.status', { jobId })).toMatchObject({
      ok: true,
      value: { state: 'finished', summary: { imported: 0 } },
    });
    expect(await call('jobs.list', {})).toMatchObject({
      ok: true,
      value: expect.arrayContaining([expect.objectContaining({ id: jobId, kind: 'import' })]),
    });
    // A kind's own request is checked by its own schema, and a refusal comes at the start, by name.
    expect(await call('jobs.start', { kind: 'sweep' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call('jobs.start', { kind: 'import', paths: [] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await call('jobs.start', { kind: 'gallery-export', outDir: path.join(root, 'not-chosen') })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', key: 'access.notChosen' },
    });
    expect(
      await call('jobs.start', { kind: 'exhibition-export', what: 'boards', exhibitionId: 'elsewhere' }),
    ).toMatchObject({ ok: false, error: { key: 'exhibit.none' } });
    expect(await call('jobs.status', { jobId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', key: 'job.unknown' },
    });
  });

  it('answers bad input with VALIDATION and unknown ids with NOT_FOUND', async () => {
    expect(await call('photos.setRating', { ids: ['0123456789abcdef'], rating: 6 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await call('photos.setRating', { ids: ['0123456789abcdef'], rating: 3 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await call('photos.get', { id: 'zz' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call('projects.open', { dir: path.join(root, 'card') })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('not a Chasing Light project') },
    });
  });
});

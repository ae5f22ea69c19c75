import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/errors';
import type { JobFinished, JobProgress } from '../../../../../shared/model/job';
import { EventBus } from '../../../../../electron/main/events';
import { createLogger } from '../../../../../electron/main/logger';
import { JobService, type JobBody } from '../../../../../electron/main/services/jobs.service';

/** A job service with a kind defined from the body the test gives; what it says is recorded. */
function service(concurrency = 2) {
  const events = new EventBus();
  const progress: JobProgress[] = [];
  const finished: JobFinished[] = [];
  events.subscribe((name, payload) => {
    if (name === 'job.progress') progress.push(payload as JobProgress);
    if (name === 'job.finished') finished.push(payload as JobFinished);
  });
  const jobs = new JobService({ events, logger: createLogger('test'), concurrency });
  return { jobs, progress, finished };
}

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

describe('JobService', () => {
  it('runs a job: progress in one shape with rate and time left, then one finished event with the result', async () => {
    const { jobs, progress, finished } = service();
    jobs.define<{ n: number }, string>('export', {
      prepare:
        ({ n }) =>
        async (c) => {
          c.setTotal(n);
          for (let i = 0; i < n; i++) {
            c.working(`item ${i}`);
            await tick(120);
            c.step();
          }
          return 'done';
        },
    });
    const { jobId } = await jobs.start('export', { n: 3 });
    expect(jobs.status(jobId).state).toBe('running');
    await expect(jobs.done(jobId)).resolves.toBe('done');
    expect(jobs.status(jobId)).toMatchObject({
      kind: 'export',
      state: 'finished',
      result: 'done',
      error: null,
      progress: { done: 3, total: 3, current: null },
    });
    expect(progress.every((p) => p.jobId === jobId && p.kind === 'export')).toBe(true);
    expect(progress.map((p) => p.done)).toEqual([0, 1, 2, 3, 3]);
    const middle = progress.find((p) => p.done === 1)!;
    expect(middle.current).toBe('item 0');
    expect(middle.rate).toBeGreaterThan(0);
    expect(middle.etaSeconds).toBeGreaterThan(0);
    expect(finished).toEqual([{ jobId, kind: 'export', state: 'finished', result: 'done', error: null }]);
    expect(jobs.list().map((j) => j.id)).toEqual([jobId]);
  });

  it('refuses a bad request before anything runs, by name', async () => {
    const { jobs, finished } = service();
    jobs.define<{ dir: string }, string>('gallery-export', {
      prepare: ({ dir }) => {
        if (!dir) throw new AppError('VALIDATION', { key: 'export.notWritable', params: { dir, detail: 'empty' } });
        return async () => 'ok';
      },
    });
    await expect(jobs.start('gallery-export', { dir: '' })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(jobs.list()).toEqual([]);
    expect(finished).toEqual([]);
    await expect(jobs.start('faces', {})).rejects.toMatchObject({ code: 'NOT_FOUND', key: 'job.unknownKind' });
  });

  it('lets the body see a cancel, stops the pool taking items, and ends as cancelled', async () => {
    const { jobs, finished } = service(2);
    const seen: number[] = [];
    const body: JobBody<number> = async (c) => {
      await c.pool([1, 2, 3, 4, 5, 6, 7, 8], async (i) => {
        seen.push(i);
        if (i === 2) jobs.cancel(jobs.running('import')!.id);
        await tick();
      });
      return seen.length;
    };
    jobs.define<void, number>('import', { prepare: () => body });
    const { jobId } = await jobs.start('import', undefined);
    await jobs.done(jobId);
    expect(jobs.status(jobId).state).toBe('cancelled');
    // Two lanes: the items in flight when the cancel came finish, no new one starts.
    expect(seen).toEqual([1, 2]);
    expect(finished.at(-1)).toMatchObject({ jobId, state: 'cancelled' });
  });

  it('runs the pool on as many lanes as it has, and takes items from a function until it answers none', async () => {
    const { jobs } = service(3);
    let inFlight = 0;
    let most = 0;
    const left = [1, 2, 3, 4, 5, 6, 7];
    jobs.define<void, number>('faces', {
      prepare: () => async (c) => {
        let sum = 0;
        await c.pool(
          async () => left.shift(),
          async (i) => {
            most = Math.max(most, ++inFlight);
            await tick();
            sum += i;
            inFlight--;
          },
        );
        return sum;
      },
    });
    expect(await jobs.done((await jobs.start('faces', undefined)).jobId)).toBe(28);
    expect(most).toBe(3);
  });

  it('answers the running job of a single kind instead of starting a second', async () => {
    const { jobs } = service();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    jobs.define<void, string>('faces', { prepare: () => async () => (await gate, 'found'), single: true });
    const first = await jobs.start('faces', undefined);
    const second = await jobs.start('faces', undefined);
    expect(second.jobId).toBe(first.jobId);
    expect(jobs.running('faces')?.id).toBe(first.jobId);
    release();
    await jobs.done(first.jobId);
    expect(jobs.running('faces')).toBeNull();
    expect((await jobs.start('faces', undefined)).jobId).not.toBe(first.jobId);
  });

  it('fails with the refusal the body threw, says the unexpected without its insides, and names an unknown id', async () => {
    const { jobs, finished } = service();
    let throwing: unknown;
    jobs.define<void, string>('exhibition-export', {
      prepare: () => async () => {
        throw throwing;
      },
    });
    throwing = new AppError('IO', { key: 'export.notWritable', params: { dir: '/x', detail: 'EACCES' } });
    const refused = (await jobs.start('exhibition-export', undefined)).jobId;
    await expect(jobs.done(refused)).rejects.toThrow();
    expect(jobs.status(refused)).toMatchObject({ state: 'failed', error: { code: 'IO', key: 'export.notWritable' } });
    throwing = new Error('secret stack detail');
    const broken = (await jobs.start('exhibition-export', undefined)).jobId;
    await expect(jobs.done(broken)).rejects.toThrow();
    expect(jobs.status(broken).error).toMatchObject({ code: 'INTERNAL', key: 'job.unexpected' });
    expect(JSON.stringify(finished)).not.toContain('secret stack detail');
    expect(() => jobs.status('nope')).toThrow(expect.objectContaining({ key: 'job.unknown' }));
    expect(() => jobs.cancel('nope')).toThrow(expect.objectContaining({ key: 'job.unknown' }));
  });

  it('keeps the last ended jobs for the tray, newest first, and forgets older ones', async () => {
    const { jobs } = service();
    jobs.define<number, number>('export', { prepare: (n) => async () => n });
    const ids: string[] = [];
    for (let i = 0; i < 55; i++) {
      const { jobId } = await jobs.start('export', i);
      await jobs.done(jobId);
      ids.push(jobId);
    }
    const listed = jobs.list();
    expect(listed).toHaveLength(50);
    expect(listed[0]!.id).toBe(ids.at(-1));
    expect(() => jobs.status(ids[0]!)).toThrow(expect.objectContaining({ key: 'job.unknown' }));
  });
});

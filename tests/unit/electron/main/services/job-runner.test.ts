import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/errors';
import type { JobProgress } from '../../../../../shared/model/job';
import { createLogger } from '../../../../../electron/main/logger';
import { JobRunner } from '../../../../../electron/main/services/job-runner';

function runner<R>(cancelledIn?: (r: R) => boolean) {
  const progress: JobProgress[] = [];
  const finished: [string, R][] = [];
  const jobs = new JobRunner<R>({
    logger: createLogger('test'),
    progress: (p) => progress.push(p),
    finished: (id, r) => finished.push([id, r]),
    unknown: (id) => new AppError('NOT_FOUND', { key: 'export.noJob', params: { id } }),
    unexpected: () => new AppError('INTERNAL', { key: 'export.unexpected' }),
    cancelledIn,
  });
  return { jobs, progress, finished };
}

describe('JobRunner', () => {
  it('reports progress with a rate, ends with the result, and tells who listens', async () => {
    const { jobs, progress, finished } = runner<string>();
    const id = jobs.start(async (c) => {
      c.setTotal(3);
      for (let i = 0; i < 3; i++) {
        c.working(`item ${i}`);
        await new Promise((r) => setTimeout(r, 5));
        c.step();
      }
      return 'done';
    });
    expect(jobs.status(id).state).toBe('running');
    await expect(jobs.done(id)).resolves.toBe('done');
    expect(jobs.status(id)).toMatchObject({ state: 'finished', result: 'done', error: null, progress: { done: 3, total: 3, current: null } });
    expect(progress.map((p) => p.done)).toEqual([0, 1, 2, 3, 3]);
    expect(progress.at(-2)!.rate).toBeGreaterThan(0);
    expect(finished).toEqual([[id, 'done']]);
  });

  it('lets the work see a cancel, and ends as cancelled', async () => {
    const { jobs } = runner<{ cancelled: boolean }>((r) => r.cancelled);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const id = jobs.start(async (c) => {
      await gate;
      return { cancelled: c.cancelled };
    });
    expect(jobs.cancel(id).state).toBe('running');
    release();
    await jobs.done(id);
    expect(jobs.status(id).state).toBe('cancelled');
  });

  it('fails with the refusal the work threw, and says the unexpected without its insides; an unknown id is named', async () => {
    const { jobs } = runner<string>();
    const refused = jobs.start(async () => {
      throw new AppError('IO', { key: 'export.notWritable', params: { dir: '/x', detail: 'EACCES' } });
    });
    await expect(jobs.done(refused)).rejects.toThrow();
    expect(jobs.status(refused)).toMatchObject({ state: 'failed', error: { code: 'IO', key: 'export.notWritable' } });
    const broken = jobs.start(async () => {
      throw new Error('secret stack detail');
    });
    await expect(jobs.done(broken)).rejects.toThrow();
    expect(jobs.status(broken).error).toMatchObject({ code: 'INTERNAL', key: 'export.unexpected' });
    expect(() => jobs.status('nope')).toThrow(expect.objectContaining({ key: 'export.noJob' }));
  });
});

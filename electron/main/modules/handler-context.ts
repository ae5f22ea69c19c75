import path from 'node:path';
import type { z } from 'zod';
import { JOB_EDITS, type HostKind, type JobRequests, type JobResults } from '../../../shared/api/contract';
import type { MethodDeclaration, ReplyOf } from '../../../shared/api/method';
import type { JobKind } from '../../../shared/model/job';
import type { Services } from '../container';
import { TrustingGuard, type PathGuard } from '../services/access.service';

/** A domain's handlers: one per declared method, given the request as its schema parsed it, answering its reply. */
export type Handlers<D extends Record<string, MethodDeclaration>> = {
  [K in keyof D]: (req: z.output<D[K]['schema']>) => Promise<ReplyOf<D[K]>>;
};

/** What every domain's handlers share: the services, where the call came from, and the checks of paths and jobs. */
export interface HandlerContext {
  s: Services;
  host: HostKind;
  /** paths from a window pass the access guard (only places the user chose); the CLI's are its user's own */
  guard: PathGuard;
  checkAll(paths: string[], purpose: Parameters<PathGuard['check']>[1]): Promise<string[]>;
  /** a logo given as an absolute path must be a chosen place; a project-relative one stays inside the project */
  checkLogo<T extends string | null | undefined>(logo: T): Promise<T>;
  checkTemplate<T extends { logo: { path: string } | null }>(t: T): Promise<T>;
  /** the one way a long task starts, whichever method asked: a job that edits the catalog needs it writable */
  startJob<K extends JobKind>(kind: K, req: JobRequests[K]): Promise<{ jobId: string }>;
  /** a job started and waited for (the awaited methods kept from before jobs: exhibitions.export, gallery.export) */
  runJob<K extends JobKind>(kind: K, req: JobRequests[K]): Promise<JobResults[K]>;
}

export function handlerContext(s: Services, host: HostKind): HandlerContext {
  const guard: PathGuard = host === 'cli' ? new TrustingGuard() : s.access;
  const checkAll: HandlerContext['checkAll'] = (paths, purpose) =>
    Promise.all(paths.map((p) => guard.check(p, purpose)));
  const checkLogo: HandlerContext['checkLogo'] = async (logo) =>
    logo && path.isAbsolute(logo) ? ((await guard.check(logo, 'image')) as typeof logo) : logo;
  /** Each kind of job's request with its paths checked. */
  const jobInputs: { [K in JobKind]: (req: JobRequests[K]) => Promise<JobRequests[K]> } = {
    import: async (r) => ({ ...r, paths: await checkAll(r.paths, 'import') }),
    export: async (r) => ({
      ...r,
      outDir: r.outDir && (await guard.check(r.outDir, 'export')),
      icc: r.icc && (await guard.check(r.icc, 'image')),
    }),
    'exhibition-export': async (r) => ({ ...r, outDir: r.outDir && (await guard.check(r.outDir, 'export')) }),
    'gallery-export': async (r) => ({ ...r, outDir: await guard.check(r.outDir, 'export') }),
    faces: async (r) => r,
  };
  const startJob: HandlerContext['startJob'] = async (kind, req) => {
    if (JOB_EDITS[kind]) s.session.current?.assertWritable();
    return s.jobs.start(kind, await jobInputs[kind](req));
  };
  return {
    s,
    host,
    guard,
    checkAll,
    checkLogo,
    checkTemplate: async (t) => (t.logo ? { ...t, logo: { ...t.logo, path: await checkLogo(t.logo.path) } } : t),
    startJob,
    runJob: async (kind, req) => s.jobs.done((await startJob(kind, req)).jobId),
  };
}

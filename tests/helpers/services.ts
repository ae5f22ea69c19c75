import path from 'node:path';
import { afterEach } from 'vitest';
import { createServices } from '../../electron/main/container';
import { CatalogRepository } from '../../electron/main/repositories/catalog.repository';
import { ProjectLockRepository } from '../../electron/main/repositories/project-lock.repository';
import { tempDir } from './factories';

/** Real services over a temp home and a fresh project: lowdb, sharp and exifr all real. */
export async function servicesWithProject(opts: { concurrency?: number } = {}) {
  const root = await tempDir();
  const services = createServices({ home: path.join(root, 'home'), concurrency: opts.concurrency });
  const project = await services.projects.create(path.join(root, 'project'), '测试项目');
  return { services, project, root };
}

/**
 * For a test file: a function that gives each test a fresh project, closed (its catalog flushed) after the test.
 */
export function freshProjects() {
  let open: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of open) await close();
    open = [];
  });
  return async (opts: { concurrency?: number } = {}) => {
    const ctx = await servicesWithProject(opts);
    open.push(() => ctx.services.close());
    return ctx;
  };
}

/** The project's write lock, as the project service takes it, for tests that drive the catalog directly. */
export async function projectLock(dir: string) {
  const outcome = await new ProjectLockRepository('test').acquire(dir, () => undefined);
  if (outcome.kind !== 'held') throw new Error(`${dir} is locked by ${JSON.stringify(outcome)}`);
  return outcome.lock;
}

/**
 * What a project holds on disk as the next process would see it: the snapshot and the journal's edits after it
 * (read like any read-only view, without the lock). A test reading project.json alone misses the journal.
 */
export async function savedCatalog(dir: string) {
  const catalog = await CatalogRepository.open(dir, { toRead: true });
  return {
    photos: catalog.photos(),
    workers: catalog.all('workers'),
    faces: catalog.all('faces'),
    exhibitions: catalog.all('exhibitions'),
  };
}

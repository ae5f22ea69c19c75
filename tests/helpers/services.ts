import path from 'node:path';
import { createServices } from '../../electron/main/container';
import { tempDir } from './factories';

/** Real services over a temp home and a fresh project: lowdb, sharp and exifr all real. */
export async function servicesWithProject(opts: { concurrency?: number } = {}) {
  const root = await tempDir();
  const services = createServices({ home: path.join(root, 'home'), concurrency: opts.concurrency });
  const project = await services.projects.create(path.join(root, 'project'), '测试项目');
  return { services, project, root };
}

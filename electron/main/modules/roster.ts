import type { rosterMethods } from '../../../shared/api/methods/roster';
import type { HandlerContext, Handlers } from './handler-context';

/** The roster: companies, photographers, workers, and spreadsheets of them. Each method of the contract answered by its service. */
export function rosterHandlers({ s, guard, checkLogo }: HandlerContext): Handlers<typeof rosterMethods> {
  return {
    'companies.list': async () => s.roster.companies(),
    'companies.create': async (req) => s.roster.createCompany({ ...req, logo: await checkLogo(req.logo) }),
    'companies.update': async (req) =>
      s.roster.updateCompany(req.id, { ...req.patch, logo: await checkLogo(req.patch.logo) }),
    'companies.delete': async (req) => {
      s.roster.deleteCompany(req.id);
      return null;
    },
    'photographers.list': async () => s.roster.photographers(),
    'photographers.update': async (req) => s.roster.updatePhotographer(req.id, req.patch),
    'workers.list': async (req) => s.roster.workers(req.query, req.limit),
    'workers.create': async (req) => s.roster.createWorker(req),
    'workers.update': async (req) => s.roster.updateWorker(req.id, req.patch),
    'workers.delete': async (req) => {
      s.roster.deleteWorker(req.id);
      return null;
    },
    'roster.preview': async (req) =>
      s.roster.previewFile(await guard.check(req.file, 'spreadsheet'), req.mapping, req.createCompanies, req.headerRow),
    'roster.apply': async (req) =>
      s.roster.applyFile(await guard.check(req.file, 'spreadsheet'), req.mapping, req.createCompanies, req.headerRow),
  };
}

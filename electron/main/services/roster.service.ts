import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { nameKey, normalizeCompanyName, normalizeEmployeeNo, normalizePersonName } from '../../../shared/logic/names';
import { pinyinOf } from '../../../shared/logic/pinyin';
import { searchWorkers } from '../../../shared/logic/worker-search';
import { planRoster, type RosterPreview } from '../../../shared/logic/roster-plan';
import type { RosterMapping } from '../../../shared/logic/roster-headers';
import type { Company, Consent, Photographer, Worker } from '../../../shared/model/roster';
import type { SpreadsheetRepository } from '../repositories/spreadsheet.repository';
import type { HistoryService } from './history.service';
import type { ProjectSession } from './project-session';
import { msg } from '../../../shared/i18n/messages';

export type CompanyInput = Partial<Omit<Company, 'id'>> & { name: string };
export type WorkerInput = Partial<Omit<Worker, 'id' | 'pinyin'>> & { name: string; pinyin?: string | null };
export type PhotographerInput = Partial<Omit<Photographer, 'id'>> & { name: string };

const newId = (prefix: string) => `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
const clean = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : v.trim() || null);

/** The roster: companies, photographers and workers, with the rules that keep them unambiguous. */
export class RosterService {
  constructor(
    private readonly deps: { session: ProjectSession; history: HistoryService; spreadsheets: SpreadsheetRepository },
  ) {}

  private get catalog() {
    return this.deps.session.require();
  }

  // --- companies ---------------------------------------------------------------------------------

  companies(): Company[] {
    return [...this.catalog.all('companies')].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  }

  company(id: string): Company {
    const c = this.catalog.get('companies', id);
    if (!c) throw new AppError('NOT_FOUND', msg('roster.noCompany', { id }));
    return c;
  }

  findCompany(nameOrShort: string): Company | undefined {
    const key = nameKey(normalizeCompanyName(nameOrShort));
    if (!key) return undefined;
    const all = this.catalog.all('companies');
    return all.find((c) => nameKey(c.name) === key) ?? all.find((c) => c.shortName && nameKey(c.shortName) === key);
  }

  /** Finds a company by full or short name, or adds it. Used by imports that name a company. */
  ensureCompany(name: string): Company {
    return this.findCompany(name) ?? this.addCompany({ name });
  }

  createCompany(input: CompanyInput): Company {
    return this.deps.history.record(
      { zh: `新建企业 ${input.name.trim()}`, en: `Added company ${input.name.trim()}` },
      () => this.addCompany(input),
    );
  }

  updateCompany(id: string, patch: Partial<Omit<Company, 'id'>>): Company {
    const current = this.company(id);
    const next: Company = { ...current, ...this.companyFields(patch), id };
    if (patch.name !== undefined) {
      const other = this.findCompany(next.name);
      if (other && other.id !== id) throw new AppError('CONFLICT', msg('roster.companyTaken', { name: next.name }));
    }
    return this.deps.history.record({ zh: `修改企业 ${next.name}`, en: `Edited company ${next.name}` }, () => {
      this.catalog.put('companies', next);
      // Photos show the company's full name: keep them in step with a rename.
      if (next.name !== current.name) {
        const ids = this.catalog
          .photos()
          .filter((p) => p.companyId === id)
          .map((p) => p.id);
        this.catalog.updatePhotos(ids, { company: next.name });
      }
      return next;
    });
  }

  deleteCompany(id: string): void {
    const company = this.company(id);
    const workers = this.catalog.all('workers').filter((w) => w.companyId === id).length;
    const photos = this.catalog.photos().filter((p) => p.companyId === id).length;
    if (workers || photos)
      throw new AppError('CONFLICT', msg('roster.companyInUse', { name: company.name, workers, photos }));
    this.deps.history.record({ zh: `删除企业 ${company.name}`, en: `Deleted company ${company.name}` }, () =>
      this.catalog.remove('companies', id),
    );
  }

  private addCompany(input: CompanyInput): Company {
    const name = normalizeCompanyName(input.name);
    if (!name) throw new AppError('VALIDATION', msg('roster.companyNeedsName'));
    if (this.findCompany(name)) throw new AppError('CONFLICT', msg('roster.companyExists', { name }));
    const company: Company = {
      id: newId('co'),
      name,
      shortName: null,
      district: null,
      contact: null,
      logo: null,
      ...this.companyFields(input),
    };
    company.name = name;
    this.catalog.put('companies', company);
    return company;
  }

  private companyFields(p: Partial<Omit<Company, 'id'>>): Partial<Company> {
    const out: Partial<Company> = {};
    if (p.name !== undefined) out.name = normalizeCompanyName(p.name);
    for (const k of ['shortName', 'district', 'contact', 'logo'] as const) if (p[k] !== undefined) out[k] = clean(p[k]);
    return out;
  }

  // --- photographers -----------------------------------------------------------------------------

  photographers(): Photographer[] {
    return [...this.catalog.all('photographers')].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  }

  ensurePhotographer(name: string): Photographer {
    const n = normalizePersonName(name);
    const found = this.catalog.all('photographers').find((p) => nameKey(p.name) === nameKey(n));
    if (found) return found;
    const p: Photographer = { id: newId('ph'), name: n, organisation: null, credit: `摄影：${n}` };
    this.catalog.put('photographers', p);
    return p;
  }

  updatePhotographer(id: string, patch: Partial<Omit<Photographer, 'id'>>): Photographer {
    const current = this.catalog.get('photographers', id);
    if (!current) throw new AppError('NOT_FOUND', msg('roster.noPhotographer', { id }));
    const next: Photographer = { ...current, id };
    if (patch.name !== undefined) next.name = normalizePersonName(patch.name);
    if (!next.name) throw new AppError('VALIDATION', msg('roster.photographerNeedsName'));
    if (patch.organisation !== undefined) next.organisation = clean(patch.organisation) ?? null;
    if (patch.credit !== undefined) next.credit = clean(patch.credit) ?? null;
    return this.deps.history.record({ zh: `修改摄影师 ${next.name}`, en: `Edited photographer ${next.name}` }, () => {
      this.catalog.put('photographers', next);
      if (next.name !== current.name) {
        const ids = this.catalog
          .photos()
          .filter((p) => p.photographer === current.name)
          .map((p) => p.id);
        this.catalog.updatePhotos(ids, { photographer: next.name });
      }
      return next;
    });
  }

  // --- workers -----------------------------------------------------------------------------------

  workers(query?: string, limit?: number): Worker[] {
    const all = this.catalog.all('workers');
    if (query?.trim())
      return searchWorkers(query, all, new Map(this.catalog.all('companies').map((c) => [c.id, c])), limit ?? 20);
    return [...all].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  }

  worker(id: string): Worker {
    const w = this.catalog.get('workers', id);
    if (!w) throw new AppError('NOT_FOUND', msg('roster.noWorker', { id }));
    return w;
  }

  /** A worker by id, or by a name that is unique; two workers of that name is an error naming both. */
  resolveWorker(idOrName: string): Worker {
    const byId = this.catalog.get('workers', idOrName);
    if (byId) return byId;
    const key = nameKey(normalizePersonName(idOrName));
    const matches = this.catalog.all('workers').filter((w) => nameKey(w.name) === key);
    if (matches.length === 1) return matches[0]!;
    if (matches.length === 0) throw new AppError('NOT_FOUND', msg('roster.noWorkerNamed', { name: idOrName }));
    // Ids, company names, workshops and employee numbers are data: the same in either language.
    const describe = (w: Worker) =>
      `${w.id} (${[this.catalog.get('companies', w.companyId ?? '')?.name, w.department, w.employeeNo && `#${w.employeeNo}`].filter(Boolean).join(', ')})`;
    throw new AppError(
      'CONFLICT',
      msg('roster.ambiguousWorker', { count: matches.length, name: idOrName, list: matches.map(describe).join('; ') }),
      { ids: matches.map((w) => w.id) },
    );
  }

  createWorker(input: WorkerInput): Worker {
    const worker = this.buildWorker(input);
    return this.deps.history.record({ zh: `新建职工 ${worker.name}`, en: `Added worker ${worker.name}` }, () => {
      this.catalog.put('workers', worker);
      return worker;
    });
  }

  updateWorker(id: string, patch: Partial<WorkerInput>): Worker {
    const current = this.worker(id);
    const next = this.buildWorker(
      {
        ...current,
        ...patch,
        pinyin: patch.pinyin ?? (patch.name && patch.name !== current.name ? null : current.pinyin),
      },
      id,
    );
    return this.deps.history.record({ zh: `修改职工 ${next.name}`, en: `Edited worker ${next.name}` }, () => {
      this.catalog.put('workers', next);
      return next;
    });
  }

  deleteWorker(id: string): void {
    const w = this.worker(id);
    this.deps.history.record({ zh: `删除职工 ${w.name}`, en: `Deleted worker ${w.name}` }, () => {
      const tagged = this.catalog.photos().filter((p) => p.workers.includes(id));
      for (const p of tagged)
        this.catalog.updatePhotos([p.id], {
          workers: p.workers.filter((x) => x !== id),
          faceRegions: p.faceRegions.filter((r) => r.workerId !== id),
        });
      this.catalog.remove('workers', id);
    });
  }

  // --- roster spreadsheets ------------------------------------------------------------------------

  /** What importing a staff list would do, row by row. Changes nothing. */
  async previewFile(
    file: string,
    mapping?: RosterMapping,
    createCompanies = false,
    headerRow?: number,
  ): Promise<RosterPreview> {
    const sheets = await this.deps.spreadsheets.read(file);
    const plans = sheets.map((sheet) =>
      planRoster({
        file,
        sheet,
        mapping,
        headerRow,
        companies: this.catalog.all('companies'),
        workers: this.catalog.all('workers'),
        createCompanies,
        currentYear: new Date().getFullYear(),
      }),
    );
    // The first sheet with a recognised header row is the roster; a workbook's cover or notes sheets are passed over.
    return plans.find((p) => p.headerFound) ?? plans.find((p) => p.columns.some((c) => c.samples.length)) ?? plans[0]!;
  }

  /** Applies a staff list as one undoable change: all of it, or (on any error) none of it. */
  async applyFile(
    file: string,
    mapping?: RosterMapping,
    createCompanies = false,
    headerRow?: number,
  ): Promise<RosterPreview> {
    const plan = await this.previewFile(file, mapping, createCompanies, headerRow);
    if (plan.needsName) throw new AppError('VALIDATION', msg('roster.noRoster', { file }));
    const base = file.split(/[\\/]/).pop();
    const label = {
      zh: `导入名册 ${base}：新增 ${plan.created}，更新 ${plan.updated}`,
      en: `Imported roster ${base}: ${plan.created} added, ${plan.updated} updated`,
    };
    // Built first, so a bad row fails before anything is written.
    this.deps.history.record(label, () => {
      const companyIds = new Map<string, string>();
      for (const c of plan.companiesToCreate)
        companyIds.set(
          c.name,
          (this.findCompany(c.name) ?? this.addCompany({ name: c.name, shortName: c.shortName })).id,
        );
      for (const r of plan.rows) {
        if (r.action === 'skip' || !r.worker) continue;
        const w = r.worker;
        const companyId = w.companyName
          ? (companyIds.get(w.companyName) ?? this.findCompany(w.companyName)?.id ?? null)
          : null;
        const present = Object.fromEntries(
          Object.entries({
            department: w.department,
            craft: w.craft,
            employeeNo: w.employeeNo,
            joined: w.joined,
            phone: w.phone,
            quote: w.quote,
            consent: w.consent,
            pinyin: w.pinyin,
            note: w.note,
          }).filter(([, v]) => v !== null),
        ) as Partial<WorkerInput>;
        if (r.action === 'update' && r.workerId) {
          const current = this.worker(r.workerId);
          this.catalog.put(
            'workers',
            this.buildWorker(
              { ...current, ...present, name: w.name, companyId: companyId ?? current.companyId },
              current.id,
            ),
          );
        } else this.catalog.put('workers', this.buildWorker({ ...present, name: w.name, companyId }));
      }
    });
    return plan;
  }

  /** Validates and normalizes a worker; used by the form, the CLI and the spreadsheet import alike. */
  buildWorker(input: WorkerInput, id = newId('wk')): Worker {
    const name = normalizePersonName(input.name);
    if (!name) throw new AppError('VALIDATION', msg('roster.workerNeedsName'));
    if (input.companyId && !this.catalog.get('companies', input.companyId))
      throw new AppError('NOT_FOUND', msg('roster.noCompany', { id: input.companyId }));
    const consent: Consent = input.consent ?? 'unknown';
    return {
      id,
      name,
      pinyin: clean(input.pinyin ?? null)?.toLowerCase() ?? pinyinOf(name),
      companyId: input.companyId ?? null,
      department: clean(input.department ?? null) ?? null,
      craft: clean(input.craft ?? null) ?? null,
      joined: input.joined ?? null,
      employeeNo: normalizeEmployeeNo(input.employeeNo),
      phone: clean(input.phone ?? null) ?? null,
      quote: clean(input.quote ?? null) ?? null,
      consent,
      consentDate: clean(input.consentDate ?? null) ?? null,
      consentNote: clean(input.consentNote ?? null) ?? null,
      note: clean(input.note ?? null) ?? null,
    };
  }
}

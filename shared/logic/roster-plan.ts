import type { Company, Consent, Worker } from '../model/roster';
import { halfWidthDigits, nameKey, normalizeCompanyName, normalizeEmployeeNo, normalizePersonName } from './names';
import { autoMapping, findHeaderRow, uniqueHeaders, type RosterField, type RosterMapping } from './roster-headers';

export interface RosterRowWorker {
  name: string;
  companyName: string | null;
  department: string | null;
  craft: string | null;
  employeeNo: string | null;
  joined: number | null;
  phone: string | null;
  quote: string | null;
  consent: Consent | null;
  pinyin: string | null;
}

export interface RosterRowResult {
  /** 1-based, as the spreadsheet shows it */
  row: number;
  action: 'create' | 'update' | 'skip';
  reason?: string;
  worker?: RosterRowWorker;
  /** the existing worker an update applies to */
  workerId?: string;
  /** the name as read, shown beside a skipped row */
  name?: string;
  warnings: string[];
}

export interface RosterPreview {
  file: string;
  sheet: string;
  headerRow: number;
  headers: string[];
  mapping: RosterMapping;
  rows: RosterRowResult[];
  created: number;
  updated: number;
  skipped: { row: number; reason: string }[];
  /** companies the file names that the roster lacks */
  unknownCompanies: string[];
  companiesToCreate: string[];
}

export interface RosterSheet {
  name: string;
  /** cells as text, first row first */
  rows: string[][];
}

const CONSENT_WORDS: [RegExp, Consent][] = [
  [/^(仅赠送|只赠送|仅送|gift|giftonly)/i, 'gift-only'],
  [/^(不同意|否|拒绝|no|declined?|n)$/i, 'declined'],
  [/^(同意|是|可以|yes|y|exhibit|ok)/i, 'exhibit'],
];

function parseConsent(v: string): Consent | null {
  const s = v.trim();
  if (!s) return null;
  for (const [re, c] of CONSENT_WORDS) if (re.test(s)) return c;
  return null;
}

/** 2018 · 2018年 · 2018-03-01 · 2018.3 · 2018/3/1 → 2018; 工龄 6 / 6年 → this year − 6. */
function parseJoined(joined: string, years: string, currentYear: number): { year: number | null; warning?: string } {
  const j = halfWidthDigits(joined.trim());
  if (j) {
    const m = /^(\d{4})(?:\s*年|[-./]\d{1,2}|$)/.exec(j);
    if (m && Number(m[1]) >= 1950 && Number(m[1]) <= currentYear) return { year: Number(m[1]) };
    return { year: null, warning: `入职年份「${joined}」无法识别 / joined "${joined}" not understood` };
  }
  const y = halfWidthDigits(years.trim());
  if (y) {
    const m = /^(\d{1,2})(?:\.\d+)?\s*年?$/.exec(y);
    if (m) return { year: currentYear - Number(m[1]) };
    return { year: null, warning: `工龄「${years}」无法识别 / years "${years}" not understood` };
  }
  return { year: null };
}

/**
 * What importing a roster sheet would do, row by row, against the roster as it stands. Pure: the service applies
 * the plan as one undoable change. Updates match on employee number, else on name within the same company
 * (and workshop, when the sheet gives one). Blank cells never erase what the roster already knows.
 */
export function planRoster(input: {
  file: string;
  sheet: RosterSheet;
  mapping?: RosterMapping;
  companies: Company[];
  workers: Worker[];
  createCompanies: boolean;
  currentYear: number;
}): RosterPreview {
  const { sheet } = input;
  const headerRow = findHeaderRow(sheet.rows);
  const base: RosterPreview = { file: input.file, sheet: sheet.name, headerRow: headerRow + 1, headers: [], mapping: {}, rows: [], created: 0, updated: 0, skipped: [], unknownCompanies: [], companiesToCreate: [] };
  if (headerRow < 0) {
    base.skipped.push({ row: 1, reason: '前 10 行中没有含「姓名」的表头 / no header row with a name column (姓名/name) in the first 10 rows' });
    return base;
  }
  const headers = uniqueHeaders(sheet.rows[headerRow]!);
  const mapping = { ...autoMapping(headers), ...(input.mapping ?? {}) };
  base.headers = headers;
  base.mapping = mapping;
  const column = (field: RosterField) => headers.findIndex((h) => mapping[h] === field);
  const cols = Object.fromEntries((['name', 'company', 'department', 'craft', 'employeeNo', 'joined', 'years', 'phone', 'quote', 'consent', 'pinyin'] as RosterField[]).map((f) => [f, column(f)])) as Record<RosterField, number>;

  const companyByKey = new Map<string, Company>();
  for (const c of input.companies) {
    companyByKey.set(nameKey(c.name), c);
    if (c.shortName && !companyByKey.has(nameKey(c.shortName))) companyByKey.set(nameKey(c.shortName), c);
  }
  const unknown = new Set<string>();
  const seenInFile = new Map<string, number>();

  for (let i = headerRow + 1; i < sheet.rows.length; i++) {
    const cells = sheet.rows[i]!;
    const cell = (f: RosterField) => (cols[f] >= 0 ? (cells[cols[f]] ?? '').trim() : '');
    const rowNo = i + 1;
    if (cells.every((c) => !c.trim())) continue; // blank line
    const warnings: string[] = [];
    const skip = (reason: string) => {
      base.rows.push({ row: rowNo, action: 'skip', reason, warnings, name: normalizePersonName(cell('name')) || undefined });
      base.skipped.push({ row: rowNo, reason });
    };
    const name = normalizePersonName(cell('name'));
    if (!name) {
      skip('姓名为空 / no name');
      continue;
    }
    const companyName = normalizeCompanyName(cell('company')) || null;
    let company: Company | undefined;
    if (companyName) {
      company = companyByKey.get(nameKey(companyName));
      if (!company) {
        unknown.add(companyName);
        if (!input.createCompanies) {
          skip(`单位不在名册中：${companyName}（可选择自动新建）/ unknown company ${companyName}`);
          continue;
        }
      }
    }
    const joined = parseJoined(cell('joined'), cell('years'), input.currentYear);
    if (joined.warning) warnings.push(joined.warning);
    const consentRaw = cell('consent');
    const consent = parseConsent(consentRaw);
    if (consentRaw && !consent) warnings.push(`同意展出「${consentRaw}」无法识别 / consent "${consentRaw}" not understood`);
    const worker: RosterRowWorker = {
      name,
      companyName: company?.name ?? companyName,
      department: cell('department') || null,
      craft: cell('craft') || null,
      employeeNo: normalizeEmployeeNo(cell('employeeNo')),
      joined: joined.year,
      phone: cell('phone') || null,
      quote: cell('quote') || null,
      consent,
      pinyin: cell('pinyin') || null,
    };

    // The same person twice in one file: keep the first.
    const fileKey = worker.employeeNo ? `no:${nameKey(worker.companyName ?? '')}:${worker.employeeNo}` : `nm:${nameKey(worker.companyName ?? '')}:${nameKey(name)}:${nameKey(worker.department ?? '')}`;
    if (seenInFile.has(fileKey)) {
      skip(`与第 ${seenInFile.get(fileKey)} 行重复 / duplicate of row ${seenInFile.get(fileKey)}`);
      continue;
    }
    seenInFile.set(fileKey, rowNo);

    const sameCompany = (w: Worker) => (company ? w.companyId === company.id : !companyName && !w.companyId);
    let matches = worker.employeeNo ? input.workers.filter((w) => w.employeeNo === worker.employeeNo && sameCompany(w)) : [];
    if (!matches.length) {
      matches = input.workers.filter((w) => nameKey(w.name) === nameKey(name) && sameCompany(w));
      if (matches.length > 1 && worker.department) matches = matches.filter((w) => nameKey(w.department ?? '') === nameKey(worker.department!));
      // A namesake with a different employee number is a different person.
      if (worker.employeeNo) matches = matches.filter((w) => !w.employeeNo || w.employeeNo === worker.employeeNo);
    }
    if (matches.length > 1) {
      skip(`名册中有 ${matches.length} 位同名的${name}，请补充工号或车间 / ${matches.length} workers called ${name} at ${worker.companyName ?? '(no company)'}: add an employee number or workshop`);
      continue;
    }
    if (matches.length === 1) {
      base.rows.push({ row: rowNo, action: 'update', worker, workerId: matches[0]!.id, warnings });
      base.updated++;
    } else {
      base.rows.push({ row: rowNo, action: 'create', worker, warnings });
      base.created++;
    }
  }
  base.unknownCompanies = [...unknown];
  base.companiesToCreate = input.createCompanies ? [...unknown] : [];
  return base;
}

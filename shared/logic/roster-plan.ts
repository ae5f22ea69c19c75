import { msg, reasonOf, type Message, type MessageKey, type MessageParams } from '../i18n/messages';
import type { Company, Consent, Worker } from '../model/roster';
import { halfWidthDigits, nameKey, normalizeCompanyName, normalizeEmployeeNo, normalizePersonName } from './names';
import {
  autoMapping,
  columnLetter,
  findHeaderRow,
  uniqueHeaders,
  type RosterField,
  type RosterMapping,
} from './roster-headers';

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
  note: string | null;
}

export interface RosterRowResult {
  /** 1-based, as the spreadsheet shows it */
  row: number;
  action: 'create' | 'update' | 'skip';
  reason?: Message;
  worker?: RosterRowWorker;
  /** the existing worker an update applies to */
  workerId?: string;
  /** the name as read, shown beside a skipped row */
  name?: string;
  warnings: Message[];
}

/** A column as the sheet has it: its header and the first values under it, so a person can say what it holds. */
export interface RosterColumn {
  header: string;
  samples: string[];
}

export interface RosterSkip {
  row: number;
  /** in English, for scripts; `key` says it in the user's language */
  reason: string;
  key: MessageKey;
  params?: MessageParams;
}

export interface RosterPreview {
  file: string;
  sheet: string;
  /** 1-based row of the headers; 0 when the sheet has none (columns are then named A, B, C…) */
  headerRow: number;
  /** false when no header row was recognised and none was chosen: the first filled row is assumed */
  headerFound: boolean;
  headers: string[];
  columns: RosterColumn[];
  mapping: RosterMapping;
  /** no column holds the names yet: the person must say which one does */
  needsName: boolean;
  rows: RosterRowResult[];
  created: number;
  updated: number;
  skipped: RosterSkip[];
  /** companies the file names that the roster lacks, with the short name the file gives (if any) */
  unknownCompanies: string[];
  /** rows that would be skipped only because their company is not in the roster */
  skippedForCompany: number;
  companiesToCreate: { name: string; shortName: string | null }[];
}

export interface RosterSheet {
  name: string;
  /** cells as text, first row first */
  rows: string[][];
}

/**
 * What a consent cell may say, word for word: a worker's consent is never guessed from part of a cell ("是否",
 * "可以不", "同意？" are not yes). Anything else is named on its row and the worker's consent left as it was.
 */
const CONSENT_WORDS: [RegExp, Consent][] = [
  [/^(仅礼物|只送礼物|仅送礼物|仅赠送|只赠送|仅送|仅礼品|只要礼物|gift|giftonly)$/i, 'gift-only'],
  [/^(不同意|否|拒绝|不|不愿意|no|n|declined?|refused?|×|✗)$/i, 'declined'],
  [/^(同意|同意展出|是|可以|愿意|yes|y|exhibit|agreed?|ok|√|✓|✔)$/i, 'exhibit'],
];

export function parseConsent(v: string): Consent | null {
  const s = v
    .normalize('NFKC')
    .replace(/[\s。.!！]+/g, '')
    .replace(/-/g, '');
  if (!s) return null;
  for (const [re, c] of CONSENT_WORDS) if (re.test(s)) return c;
  return null;
}

/** 2018 · 2018年 · 2018-03-01 · 2018.3 · 2018/3/1 → 2018; 工龄 6 / 6年 → this year − 6. */
function parseJoined(joined: string, years: string, currentYear: number): { year: number | null; warning?: Message } {
  const j = halfWidthDigits(joined.trim());
  if (j) {
    const m = /^(\d{4})(?:\s*年|[-./]\d{1,2}|$)/.exec(j);
    if (m && Number(m[1]) >= 1950 && Number(m[1]) <= currentYear) return { year: Number(m[1]) };
    return { year: null, warning: msg('roster.warn.joined', { value: joined }) };
  }
  const y = halfWidthDigits(years.trim());
  if (y) {
    const m = /^(\d{1,2})(?:\.\d+)?\s*年?$/.exec(y);
    if (m) return { year: currentYear - Number(m[1]) };
    return { year: null, warning: msg('roster.warn.years', { value: years }) };
  }
  return { year: null };
}

/** The first values of each column below the header, for a person to recognise what the column holds. */
function columnsOf(headers: string[], rows: string[][], from: number): RosterColumn[] {
  return headers.map((header, c) => {
    const samples: string[] = [];
    for (let i = from; i < rows.length && samples.length < 3; i++) {
      const v = (rows[i]![c] ?? '').trim();
      if (v) samples.push(v);
    }
    return { header, samples };
  });
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
  /** 1-based header row chosen by the person; 0 = the sheet has no header row */
  headerRow?: number;
  companies: Company[];
  workers: Worker[];
  createCompanies: boolean;
  currentYear: number;
}): RosterPreview {
  const { sheet } = input;
  const width = Math.max(0, ...sheet.rows.map((r) => r.length));
  const found = findHeaderRow(sheet.rows);
  const firstFilled = sheet.rows.findIndex((r) => r.some((c) => c.trim()));
  // The header row: the person's choice, else the recognised one, else the first filled row as a guess.
  const headerIndex =
    input.headerRow !== undefined ? input.headerRow - 1 : found >= 0 ? found : Math.max(0, firstFilled);
  const headers =
    headerIndex < 0
      ? uniqueHeaders(Array.from({ length: width }, (_, i) => columnLetter(i)))
      : uniqueHeaders(Array.from({ length: width }, (_, i) => sheet.rows[headerIndex]?.[i] ?? ''));
  const mapping = { ...autoMapping(headers), ...(input.mapping ?? {}) };
  const base: RosterPreview = {
    file: input.file,
    sheet: sheet.name,
    headerRow: headerIndex + 1,
    headerFound: input.headerRow !== undefined || found >= 0,
    headers,
    columns: columnsOf(headers, sheet.rows, headerIndex + 1),
    mapping,
    needsName: !Object.values(mapping).includes('name'),
    rows: [],
    created: 0,
    updated: 0,
    skipped: [],
    unknownCompanies: [],
    skippedForCompany: 0,
    companiesToCreate: [],
  };
  const column = (field: RosterField) => headers.findIndex((h) => mapping[h] === field);
  const FIELDS: RosterField[] = [
    'name',
    'company',
    'companyShort',
    'department',
    'craft',
    'employeeNo',
    'joined',
    'years',
    'phone',
    'quote',
    'consent',
    'pinyin',
    'notes',
  ];
  const cols = Object.fromEntries(FIELDS.map((f) => [f, column(f)])) as Record<RosterField, number>;

  const companyByKey = new Map<string, Company>();
  for (const c of input.companies) {
    companyByKey.set(nameKey(c.name), c);
    if (c.shortName && !companyByKey.has(nameKey(c.shortName))) companyByKey.set(nameKey(c.shortName), c);
  }
  const unknown = new Map<string, string | null>();
  const seenInFile = new Map<string, number>();

  for (let i = headerIndex + 1; i < sheet.rows.length; i++) {
    const cells = sheet.rows[i]!;
    const cell = (f: RosterField) => (cols[f] >= 0 ? (cells[cols[f]] ?? '').trim() : '');
    const rowNo = i + 1;
    if (cells.every((c) => !c.trim())) continue; // blank line
    const warnings: Message[] = [];
    const skip = (reason: Message) => {
      base.rows.push({
        row: rowNo,
        action: 'skip',
        reason,
        warnings,
        name: normalizePersonName(cell('name')) || undefined,
      });
      base.skipped.push({ row: rowNo, ...reasonOf(reason) });
    };
    if (base.needsName) {
      skip(msg('roster.skip.noNameColumn'));
      continue;
    }
    const name = normalizePersonName(cell('name'));
    if (!name) {
      skip(msg('roster.skip.noName'));
      continue;
    }
    // A short name (简称) column finds the company when the full name is missing, and names a company to create.
    const shortName = normalizeCompanyName(cell('companyShort')) || null;
    const companyName = normalizeCompanyName(cell('company')) || shortName;
    let company: Company | undefined;
    if (companyName) {
      company =
        companyByKey.get(nameKey(companyName)) ?? (shortName ? companyByKey.get(nameKey(shortName)) : undefined);
      if (!company) {
        if (!unknown.has(companyName) || (!unknown.get(companyName) && shortName && shortName !== companyName))
          unknown.set(companyName, shortName && shortName !== companyName ? shortName : null);
        if (!input.createCompanies) {
          base.skippedForCompany++;
          skip(msg('roster.skip.unknownCompany', { company: companyName }));
          continue;
        }
      }
    }
    const joined = parseJoined(cell('joined'), cell('years'), input.currentYear);
    if (joined.warning) warnings.push(joined.warning);
    const consentRaw = cell('consent');
    const consent = parseConsent(consentRaw);
    if (consentRaw && !consent) warnings.push(msg('roster.warn.consent', { value: consentRaw }));
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
      note: cell('notes') || null,
    };

    // The same person twice in one file: keep the first.
    const fileKey = worker.employeeNo
      ? `no:${nameKey(worker.companyName ?? '')}:${worker.employeeNo}`
      : `nm:${nameKey(worker.companyName ?? '')}:${nameKey(name)}:${nameKey(worker.department ?? '')}`;
    if (seenInFile.has(fileKey)) {
      skip(msg('roster.skip.duplicate', { row: seenInFile.get(fileKey)! }));
      continue;
    }
    seenInFile.set(fileKey, rowNo);

    const sameCompany = (w: Worker) => (company ? w.companyId === company.id : !companyName && !w.companyId);
    let matches = worker.employeeNo
      ? input.workers.filter((w) => w.employeeNo === worker.employeeNo && sameCompany(w))
      : [];
    if (!matches.length) {
      matches = input.workers.filter((w) => nameKey(w.name) === nameKey(name) && sameCompany(w));
      if (matches.length > 1 && worker.department)
        matches = matches.filter((w) => nameKey(w.department ?? '') === nameKey(worker.department!));
      // A namesake with a different employee number is a different person.
      if (worker.employeeNo) matches = matches.filter((w) => !w.employeeNo || w.employeeNo === worker.employeeNo);
    }
    if (matches.length > 1) {
      skip(
        msg('roster.skip.ambiguous', {
          count: matches.length,
          name,
          company: worker.companyName ?? msg('roster.noCompanyName'),
        }),
      );
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
  base.unknownCompanies = [...unknown.keys()];
  base.companiesToCreate = input.createCompanies
    ? [...unknown].map(([name, short]) => ({ name, shortName: short }))
    : [];
  return base;
}

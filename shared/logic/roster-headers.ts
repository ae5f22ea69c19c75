/** The roster fields a spreadsheet column can fill. */
export const ROSTER_FIELDS = [
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
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];
export type RosterMapping = Record<string, RosterField | null>;

/** What Chinese (and English) staff lists call each column. Exact names first; the longer ones are tried as parts. */
const SYNONYMS: Record<RosterField, string[]> = {
  name: ['姓名', '名字', '职工姓名', '员工姓名', '人员姓名', 'name', 'fullname', 'worker', 'employee'],
  company: [
    '单位',
    '公司',
    '企业',
    '单位名称',
    '公司名称',
    '企业名称',
    '所在单位',
    '工作单位',
    'company',
    'employer',
    'organisation',
    'organization',
  ],
  companyShort: ['简称', '单位简称', '公司简称', '企业简称', 'shortname', 'companyshort', 'short'],
  department: [
    '车间',
    '部门',
    '班组',
    '科室',
    '车间部门',
    '部门车间',
    '所在部门',
    'department',
    'workshop',
    'team',
    'dept',
  ],
  craft: ['工种', '岗位', '职位', '职务', '岗位工种', '工种岗位', 'craft', 'job', 'position', 'role', 'trade', 'title'],
  employeeNo: [
    '工号',
    '员工编号',
    '职工编号',
    '员工号',
    '编号',
    '工牌号',
    'employeeno',
    'employeenumber',
    'staffno',
    'staffid',
    'employeeid',
    'no',
  ],
  joined: [
    '入职年份',
    '入职时间',
    '入职日期',
    '入厂时间',
    '参加工作时间',
    '入司时间',
    'joined',
    'startyear',
    'hiredate',
    'startdate',
  ],
  years: ['工龄', '工作年限', '司龄', '厂龄', '年限', 'years', 'yearsofservice', 'tenure'],
  phone: ['手机', '手机号', '手机号码', '电话', '联系电话', '联系方式', 'phone', 'mobile', 'tel'],
  quote: ['寄语', '感言', '心声', '一句话', '个人感言', 'quote', 'words'],
  consent: ['同意', '同意展出', '是否同意展出', '是否同意', '授权', '肖像授权', '是否授权', '展出授权', 'consent'],
  pinyin: ['拼音', '姓名拼音', 'pinyin'],
  notes: ['备注', '说明', '备注说明', '其他', 'notes', 'note', 'remark', 'remarks', 'comment', 'comments'],
};

/** "  工 号（必填）" → "工号": what is left of a header once spacing, case and notes are gone. */
export function headerKey(raw: string): string {
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[（(【\[].*?[）)】\]]/g, '')
    .replace(/[\s_\-/\\:：.*#]+/g, '');
}

export function matchHeader(raw: string): RosterField | null {
  const key = headerKey(raw);
  if (!key) return null;
  for (const field of ROSTER_FIELDS) if (SYNONYMS[field].includes(key)) return field;
  // Longer headers such as 职工所在车间 or 身份证号 (not an employee number): match parts, longest synonym first.
  if (/身份证/.test(key)) return null;
  let best: [RosterField, number] | null = null;
  for (const field of ROSTER_FIELDS)
    for (const syn of SYNONYMS[field])
      if (syn.length >= 2 && key.includes(syn) && (!best || syn.length > best[1])) best = [field, syn.length];
  return best?.[0] ?? null;
}

/** Header texts made unique (merged cells repeat them): 单位, 单位 (2). A blank header is named by its column. */
export function uniqueHeaders(raw: string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((h, i) => {
    const base = h.trim() || `#${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

/** Maps every header to a field; a field claimed twice keeps its first column (merged header cells repeat). */
export function autoMapping(headers: string[]): RosterMapping {
  const taken = new Set<RosterField>();
  const mapping: RosterMapping = {};
  for (const h of headers) {
    const f = matchHeader(h);
    mapping[h] = f && !taken.has(f) ? f : null;
    if (f) taken.add(f);
  }
  return mapping;
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The header row: the first of the top rows that names a worker and at least one more field (titles sit above). */
export function findHeaderRow(rows: string[][], scan = 10): number {
  for (let i = 0; i < Math.min(rows.length, scan); i++) {
    const fields = new Set(rows[i]!.map(matchHeader).filter(Boolean));
    if (fields.has('name') && fields.size >= 2) return i;
  }
  return -1;
}

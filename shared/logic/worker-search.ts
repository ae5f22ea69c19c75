import type { Company, Worker } from '../model/roster';

/** "zhan mu dan" → "zmd". Here rather than in pinyin.ts so the UI can search without bundling the dictionary. */
export function initialsOf(pinyinText: string): string {
  return pinyinText
    .split(/\s+/)
    .filter(Boolean)
    .map((s) => s[0])
    .join('');
}

/**
 * A query as the matcher compares it: lower case, tone marks (zhàn) and tone digits (zhan4) dropped, ü typed as
 * u or v, spaces and punctuation gone; Chinese characters kept.
 */
export function normalizeQuery(query: string): string {
  return query
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/([a-z])[1-5]/g, '$1')
    .replace(/v/g, 'u')
    .replace(/[^a-z0-9\u3400-\u9fff]/g, '');
}

/** The name as syllables: each character with its pinyin (toneless, ü as u); a name that is not Chinese is one syllable. */
function syllables(name: string, pinyinText: string): { chars: string[]; sylls: string[] } {
  const chars = [...name];
  const sylls = pinyinText.split(/\s+/).filter(Boolean).map(normalizeQuery);
  return sylls.length === chars.length
    ? { chars, sylls }
    : { chars: [name.toLowerCase()], sylls: [normalizeQuery(pinyinText)] };
}

/**
 * Does the (normalised) query spell the name from syllable `k` on — each syllable given as its character, its
 * whole pinyin or the start of it? "zmd", "zhanmudan", "占md", "zhanmd" and "牡丹" all spell 占牡丹.
 */
function spells(q: string, i: number, chars: string[], sylls: string[], k: number): boolean {
  if (i === q.length) return true;
  if (k === sylls.length) return false;
  if (q[i] === chars[k]) return spells(q, i + 1, chars, sylls, k + 1);
  const s = sylls[k]!;
  for (let n = 1; n <= s.length && i + n <= q.length && q[i + n - 1] === s[n - 1]; n++)
    if (spells(q, i + n, chars, sylls, k + 1)) return true;
  return false;
}

/** Where the query spells the name: from its first syllable, from a later one, or not at all. */
export function nameMatch(query: string, name: string, pinyinText: string): 'start' | 'inside' | null {
  const q = normalizeQuery(query);
  if (!q) return null;
  const { chars, sylls } = syllables(name, pinyinText);
  for (let k = 0; k < sylls.length; k++) if (spells(q, 0, chars, sylls, k)) return k === 0 ? 'start' : 'inside';
  return null;
}

/**
 * How well a typed query names a worker: Chinese characters, full pinyin, pinyin initials (`zmd` finds 占牡丹),
 * employee number, company. 0 means no match; higher ranks first.
 */
export function workerMatchScore(query: string, worker: Worker, company?: Company | null): number {
  const q = query.trim().toLowerCase().replace(/\s+/g, '');
  if (!q) return 1;
  const name = worker.name.toLowerCase();
  const py = worker.pinyin.replace(/\s+/g, '');
  const initials = initialsOf(worker.pinyin);
  if (name === q || worker.employeeNo === q) return 100;
  if (name.startsWith(q)) return 90;
  if (initials === q) return 85;
  if (initials.startsWith(q)) return 80;
  if (py.startsWith(q)) return 75;
  // Tones, spaces, ü as v, and characters mixed with pinyin ("占md", "zhàn mǔ"): spelled syllable by syllable.
  const spelled = nameMatch(query, worker.name, worker.pinyin);
  if (spelled === 'start') return 70;
  if (name.includes(q)) return 60;
  if (spelled === 'inside') return 55;
  if (py.includes(q)) return 50;
  if (worker.employeeNo?.includes(q)) return 40;
  const co = [company?.name, company?.shortName].filter(Boolean).join(' ').toLowerCase();
  if (co.includes(q)) return 20;
  if ((worker.department ?? '').toLowerCase().includes(q) || (worker.craft ?? '').toLowerCase().includes(q)) return 10;
  return 0;
}

export function searchWorkers(query: string, workers: Worker[], companies: Map<string, Company>, limit = 20): Worker[] {
  return workers
    .map((w) => ({ w, s: workerMatchScore(query, w, w.companyId ? companies.get(w.companyId) : null) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || a.w.name.localeCompare(b.w.name, 'zh-CN'))
    .slice(0, limit)
    .map((x) => x.w);
}

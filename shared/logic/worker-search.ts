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
  if (name.includes(q)) return 60;
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

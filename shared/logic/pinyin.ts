import { pinyin } from 'pinyin-pro';

/** "占牡丹" → "zhan mu dan": toneless, lower case, surnames read as surnames (占 is Zhan, 单 is Shan). */
export function pinyinOf(name: string): string {
  if (!/[\u3400-\u9fff]/.test(name)) return name.toLowerCase();
  return pinyin(name, { toneType: 'none', surname: 'head', type: 'array', nonZh: 'consecutive' })
    .join(' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export { initialsOf } from './worker-search';

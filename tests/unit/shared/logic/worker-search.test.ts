import { describe, expect, it } from 'vitest';
import { initialsOf, pinyinOf } from '../../../../shared/logic/pinyin';
import { searchWorkers, nameMatch, normalizeQuery } from '../../../../shared/logic/worker-search';
import type { Company, Worker } from '../../../../shared/model/roster';
import { workerRecord } from '../../../helpers/roster';

const w = (id: string, name: string, extra: Partial<Worker> = {}): Worker =>
  workerRecord(id, name, { pinyin: pinyinOf(name), companyId: 'co_1', ...extra });
const companies = new Map<string, Company>([
  [
    'co_1',
    { id: 'co_1', name: '科润智能控制股份有限公司', shortName: '科润智控', district: null, contact: null, logo: null },
  ],
]);
const all = [w('a', '占牡丹', { employeeNo: '0012' }), w('b', '张明'), w('c', '周敏'), w('d', '单雄信')];

describe('pinyin', () => {
  it('reads surnames as surnames', () => {
    expect(pinyinOf('占牡丹')).toBe('zhan mu dan');
    expect(pinyinOf('单雄信')).toBe('shan xiong xin');
    expect(initialsOf('zhan mu dan')).toBe('zmd');
  });
});

describe('searchWorkers', () => {
  const names = (q: string) => searchWorkers(q, all, companies).map((x) => x.name);
  it('finds by pinyin initials, full pinyin, characters and employee number', () => {
    expect(names('zmd')[0]).toBe('占牡丹');
    expect(names('zhanmu')[0]).toBe('占牡丹');
    expect(names('牡丹')).toEqual(['占牡丹']);
    expect(names('0012')).toEqual(['占牡丹']);
    expect(names('sxx')).toEqual(['单雄信']);
  });
  it('finds everyone at a company by its short name', () => {
    expect(names('科润智控')).toHaveLength(4);
  });
  it('finds nobody for nonsense', () => {
    expect(names('qqqq')).toEqual([]);
  });
});

describe('nameMatch: a name spelled syllable by syllable', () => {
  const zhan = ['占牡丹', 'zhan mu dan'] as const;
  it('finds a name by characters, full pinyin, initials, or both mixed; with or without tones and spaces', () => {
    for (const q of [
      'zmd',
      'zhanmudan',
      'zhan mu dan',
      'Zhàn Mǔ Dān',
      'zhan4 mu3 dan1',
      '占md',
      'zhanmd',
      '占牡丹',
      'zh m d',
      'z',
    ])
      expect([q, nameMatch(q, ...zhan)]).toEqual([q, 'start']);
    expect(nameMatch('牡丹', ...zhan)).toBe('inside');
    expect(nameMatch('mudan', ...zhan)).toBe('inside');
  });

  it('does not find what the name does not spell', () => {
    for (const q of ['zmx', 'zhanmudanx', '王', 'dz', '', '！？…', ' '])
      expect([q, nameMatch(q, ...zhan)]).toEqual([q, null]);
  });

  it('reads ü typed as v or u, and a name that is not Chinese as one word', () => {
    expect(nameMatch('lv', '吕', 'lü')).toBe('start');
    expect(nameMatch('lu', '吕', 'lü')).toBe('start');
    expect(nameMatch('ann', 'Anna', 'anna')).toBe('start');
    expect(normalizeQuery(' Zhàn-Mǔ_dān3! ')).toBe('zhanmudan');
  });
});

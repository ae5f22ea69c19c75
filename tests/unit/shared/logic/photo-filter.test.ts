import { describe, expect, it } from 'vitest';
import { compareForLibrary, comparePhotos, facetsOf, matchesFilter } from '../../../../shared/logic/photo-filter';
import { photoRecord } from '../../../helpers/factories';

const a = photoRecord({
  id: 'aaaaaaaaaaaaaaaa',
  photographer: '张三',
  company: '科润智控',
  shootDay: '2025-05-12',
  rating: 4,
  flag: 'picked',
  capturedAt: '2025-05-12T09:00:00',
  caption: '调试设备',
});
const b = photoRecord({
  id: 'bbbbbbbbbbbbbbbb',
  photographer: '李四',
  company: '科润智控',
  shootDay: '2025-05-13',
  rating: 1,
  flag: 'rejected',
  capturedAt: '2025-05-13T09:00:00',
});
const c = photoRecord({
  id: 'cccccccccccccccc',
  photographer: '张三',
  company: null,
  shootDay: null,
  rating: 0,
  flag: null,
  capturedAt: null,
  keywords: ['师徒'],
});

describe('matchesFilter', () => {
  const keep = (f: Parameters<typeof matchesFilter>[1]) =>
    [a, b, c].filter((p) => matchesFilter(p, f)).map((p) => p.id[0]);
  it('narrows by each field and combines them', () => {
    expect(keep({})).toEqual(['a', 'b', 'c']);
    expect(keep({ photographer: '张三' })).toEqual(['a', 'c']);
    expect(keep({ company: '科润智控', shootDay: '2025-05-13' })).toEqual(['b']);
    expect(keep({ minRating: 2 })).toEqual(['a']);
    expect(keep({ flag: 'unflagged' })).toEqual(['c']);
    expect(keep({ flag: 'rejected' })).toEqual(['b']);
    expect(keep({ text: '调试' })).toEqual(['a']);
    expect(keep({ text: '师徒' })).toEqual(['c']);
  });
});

describe('compareForLibrary', () => {
  it('sorts by capture time with unknown times last', () => {
    expect([c, b, a].sort(compareForLibrary).map((p) => p.id[0])).toEqual(['a', 'b', 'c']);
  });
});

describe('comparePhotos', () => {
  const named = (id: string, originalName: string, extra: Partial<Parameters<typeof photoRecord>[0]> = {}) =>
    photoRecord({ id: id.repeat(16), originalName, ...extra });
  const x = named('1', 'IMG_10.JPG', {
    rating: 3,
    importedAt: '2025-05-12T10:00:00Z',
    capturedAt: '2025-05-12T08:00:00',
  });
  const y = named('2', 'IMG_9.JPG', {
    rating: 5,
    importedAt: '2025-05-12T09:00:00Z',
    capturedAt: '2025-05-12T09:00:00',
  });
  const z = named('3', 'DSC_1.JPG', { rating: 3, importedAt: '2025-05-12T11:00:00Z', capturedAt: null });
  const order = (sort: Parameters<typeof comparePhotos>[0]) =>
    [x, y, z].sort(comparePhotos(sort)).map((p) => p.originalName);
  it('sorts by file name as people read numbers, by rating, by import order, either way round', () => {
    expect(order({ by: 'name', dir: 'asc' })).toEqual(['DSC_1.JPG', 'IMG_9.JPG', 'IMG_10.JPG']);
    expect(order({ by: 'name', dir: 'desc' })).toEqual(['IMG_10.JPG', 'IMG_9.JPG', 'DSC_1.JPG']);
    expect(order({ by: 'rating', dir: 'desc' })).toEqual(['IMG_9.JPG', 'IMG_10.JPG', 'DSC_1.JPG']);
    expect(order({ by: 'imported', dir: 'asc' })).toEqual(['IMG_9.JPG', 'IMG_10.JPG', 'DSC_1.JPG']);
    expect(order({ by: 'captured', dir: 'asc' })).toEqual(['IMG_10.JPG', 'IMG_9.JPG', 'DSC_1.JPG']);
  });
});

describe('search by initials', () => {
  it('finds a photo by the pinyin initials of a worker in it, from the start of the name', () => {
    const w = { id: 'wk_1', name: '占牡丹', pinyin: 'zhan mu dan' } as never;
    const p = photoRecord({ workers: ['wk_1'] });
    const ctx = { workers: new Map([['wk_1', w]]) };
    expect(matchesFilter(p, { text: 'zmd' }, ctx)).toBe(true);
    expect(matchesFilter(p, { text: 'ZM' }, ctx)).toBe(true);
    expect(matchesFilter(p, { text: 'md' }, ctx)).toBe(false);
    expect(matchesFilter(p, { text: '牡丹' }, ctx)).toBe(true);
  });
});

describe('facetsOf', () => {
  it('counts photos per photographer, company and day', () => {
    const f = facetsOf([a, b, c]);
    expect(f.photographers).toEqual(
      [
        { value: '李四', count: 1 },
        { value: '张三', count: 2 },
      ].sort((x, y) => x.value.localeCompare(y.value, 'zh-CN')),
    );
    expect(f.companies).toEqual([{ value: '科润智控', count: 2 }]);
    expect(f.shootDays.map((d) => d.value)).toEqual(['2025-05-12', '2025-05-13']);
    expect(f.total).toBe(3);
  });
});

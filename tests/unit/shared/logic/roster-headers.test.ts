import { describe, expect, it } from 'vitest';
import { autoMapping, findHeaderRow, matchHeader, uniqueHeaders } from '../../../../shared/logic/roster-headers';

describe('matchHeader', () => {
  it.each([
    ['姓名', 'name'],
    [' 姓 名 ', 'name'],
    ['Name', 'name'],
    ['单位', 'company'],
    ['公司名称', 'company'],
    ['车间/部门', 'department'],
    ['工种/岗位', 'craft'],
    ['工号（必填）', 'employeeNo'],
    ['入职年份', 'joined'],
    ['工龄', 'years'],
    ['手机', 'phone'],
    ['职工所在车间', 'department'],
    ['身份证号', null],
    ['备注', 'notes'],
    ['身份证号码', null],
  ])('%j → %s', (header, field) => expect(matchHeader(header)).toBe(field));
});

describe('autoMapping', () => {
  it('gives a field to its first column only (merged headers repeat)', () => {
    expect(autoMapping(uniqueHeaders(['姓名', '单位', '单位', '工号']))).toEqual({
      姓名: 'name',
      单位: 'company',
      '单位 (2)': null,
      工号: 'employeeNo',
    });
  });
});

describe('findHeaderRow', () => {
  it('skips title rows above the header', () => {
    expect(
      findHeaderRow([['科润智控职工名单'], [''], ['序号', '姓名', '车间', '工号'], ['1', '占牡丹', '装配', '001']]),
    ).toBe(2);
    expect(
      findHeaderRow([
        ['a', 'b'],
        ['1', '2'],
      ]),
    ).toBe(-1);
  });
});

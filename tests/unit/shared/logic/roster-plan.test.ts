import { describe, expect, it } from 'vitest';
import { planRoster } from '../../../../shared/logic/roster-plan';
import { formatMessage } from '../../../../shared/i18n/messages';
import type { Company, Worker } from '../../../../shared/model/roster';
import { workerRecord } from '../../../helpers/roster';

const keRun: Company = {
  id: 'co_1',
  name: '科润智能控制股份有限公司',
  shortName: '科润智控',
  district: null,
  contact: null,
  logo: null,
};
const worker = (w: Partial<Worker>): Worker => workerRecord(w.id ?? 'wk_x', w.name ?? '', w);
const plan = (rows: string[][], opts: { workers?: Worker[]; createCompanies?: boolean } = {}) =>
  planRoster({
    file: 'x.xlsx',
    sheet: { name: 'Sheet1', rows },
    companies: [keRun],
    workers: opts.workers ?? [],
    createCompanies: !!opts.createCompanies,
    currentYear: 2025,
  });

describe('planRoster', () => {
  it('creates workers, normalizing names and numbers, and understands dates and years typed as text', () => {
    const p = plan([
      ['科润智控职工名单'],
      ['姓名', '单位', '车间', '工种', '工号', '入职年份', '工龄'],
      ['占　牡丹', '科润智控', '装配车间', '装配工', '００１２', '2018年', ''],
      ['王 伟', '科润智能控制股份有限公司 ', '', '电工', '0045', '', '7年'],
      ['李四', '科润智控', '', '', '', '2019-03-01', ''],
    ]);
    expect(p.headerRow).toBe(2);
    expect(p.created).toBe(3);
    expect(p.rows.map((r) => r.worker?.name)).toEqual(['占牡丹', '王伟', '李四']);
    expect(p.rows[0]!.worker).toMatchObject({
      companyName: '科润智能控制股份有限公司',
      department: '装配车间',
      employeeNo: '0012',
      joined: 2018,
    });
    expect(p.rows[1]!.worker).toMatchObject({ employeeNo: '0045', joined: 2018 });
    expect(p.rows[2]!.worker!.joined).toBe(2019);
  });

  it('skips rows with a reason and a row number: no name, unknown company, duplicate in the file', () => {
    const p = plan([
      ['姓名', '单位', '工号'],
      ['', '科润智控', '1'],
      ['张三', '不存在的公司', '2'],
      ['李四', '科润智控', '3'],
      ['李四', '科润智控', '3'],
    ]);
    expect(p.skipped).toEqual([
      { row: 2, reason: 'no name', key: 'roster.skip.noName' },
      {
        row: 3,
        reason: expect.stringContaining('unknown company 不存在的公司'),
        key: 'roster.skip.unknownCompany',
        params: { company: '不存在的公司' },
      },
      { row: 5, reason: 'duplicate of row 4', key: 'roster.skip.duplicate', params: { row: 4 } },
    ]);
    expect(p.unknownCompanies).toEqual(['不存在的公司']);
    expect(p.skippedForCompany).toBe(1);
    expect(p.created).toBe(1);
  });

  it('creates unknown companies when asked, with the short name the file gives', () => {
    const p = plan(
      [
        ['姓名', '单位', '单位简称', '备注'],
        ['张三', '江山新材料有限公司', '新材料', '夜班'],
        ['李四', '江山新材料有限公司', '', ''],
      ],
      { createCompanies: true },
    );
    expect(p.created).toBe(2);
    expect(p.companiesToCreate).toEqual([{ name: '江山新材料有限公司', shortName: '新材料' }]);
    expect(p.rows[0]!.worker!.note).toBe('夜班');
  });

  it('finds a company by the short-name column when the full name is missing', () => {
    const p = plan([
      ['姓名', '简称'],
      ['张三', '科润智控'],
    ]);
    expect(p.rows[0]).toMatchObject({ action: 'create', worker: { companyName: '科润智能控制股份有限公司' } });
  });

  it('updates by employee number, else by name at the same company, and refuses an ambiguous name', () => {
    const existing = [
      worker({ id: 'wk_a', name: '占牡丹', companyId: 'co_1', employeeNo: '0012' }),
      worker({ id: 'wk_b', name: '王伟', companyId: 'co_1', department: '装配车间' }),
      worker({ id: 'wk_c', name: '王伟', companyId: 'co_1', department: '机加车间' }),
    ];
    const p = plan(
      [
        ['姓名', '单位', '车间', '工号'],
        ['占牡丹', '科润智控', '', '0012'],
        ['王伟', '科润智控', '机加车间', ''],
        ['王伟', '科润智控', '', ''],
      ],
      { workers: existing },
    );
    expect(p.rows.map((r) => [r.action, r.workerId])).toEqual([
      ['update', 'wk_a'],
      ['update', 'wk_c'],
      ['skip', undefined],
    ]);
    expect(p.rows[2]!.reason).toMatchObject({ key: 'roster.skip.ambiguous', params: { count: 2, name: '王伟' } });
  });

  it('with no recognisable name column: shows every column with its first values, asks for the name, counts every row', () => {
    const p = plan([
      ['编号', '人员', '所在单位'],
      ['1', '占牡丹', '科润智控'],
      ['2', '王伟', '科润智控'],
    ]);
    expect(p.headerFound).toBe(false);
    expect(p.headerRow).toBe(1);
    expect(p.needsName).toBe(true);
    expect(p.columns).toEqual([
      { header: '编号', samples: ['1', '2'] },
      { header: '人员', samples: ['占牡丹', '王伟'] },
      { header: '所在单位', samples: ['科润智控', '科润智控'] },
    ]);
    expect([p.created, p.updated, p.skipped.length]).toEqual([0, 0, 2]);
    // Once the person says which column is the name, the rows come in.
    const named = planRoster({
      file: 'x',
      sheet: {
        name: 's',
        rows: [
          ['编号', '人员', '所在单位'],
          ['1', '占牡丹', '科润智控'],
          ['2', '王伟', '科润智控'],
        ],
      },
      mapping: { 人员: 'name' },
      companies: [keRun],
      workers: [],
      createCompanies: false,
      currentYear: 2025,
    });
    expect([named.needsName, named.created, named.skipped.length]).toEqual([false, 2, 0]);
  });

  it('reads a sheet without any header row when told so: columns are A, B, C', () => {
    const p = planRoster({
      file: 'x',
      sheet: {
        name: 's',
        rows: [
          ['占牡丹', '科润智控'],
          ['王伟', '科润智控'],
        ],
      },
      headerRow: 0,
      mapping: { A: 'name', B: 'company' },
      companies: [keRun],
      workers: [],
      createCompanies: false,
      currentYear: 2025,
    });
    expect(p.headers).toEqual(['A', 'B']);
    expect(p.created).toBe(2);
  });

  it('reads consent words and warns about ones it does not know', () => {
    const p = plan([
      ['姓名', '单位', '同意展出'],
      ['甲', '科润智控', '同意'],
      ['乙', '科润智控', '仅赠送'],
      ['丙', '科润智控', '否'],
      ['丁', '科润智控', '也许'],
    ]);
    expect(p.rows.map((r) => r.worker!.consent)).toEqual(['exhibit', 'gift-only', 'declined', null]);
    expect(p.rows[3]!.warnings[0]).toEqual({ key: 'roster.warn.consent', params: { value: '也许' } });
  });

  it.each(['同意', '是否同意', '同意展出', '授权', '肖像授权', 'consent', 'Consent'])(
    'takes a column headed %s as consent',
    (header) => {
      const p = plan([
        ['姓名', '单位', header],
        ['甲', '科润智控', '同意'],
      ]);
      expect(p.mapping[header]).toBe('consent');
      expect(p.rows[0]!.worker!.consent).toBe('exhibit');
    },
  );

  it('reads every consent word, and names a value it cannot read instead of taking it for agreement', () => {
    const words: [string, string | null][] = [
      ['不同意', 'declined'],
      ['否', 'declined'],
      ['拒绝', 'declined'],
      ['no', 'declined'],
      ['NO', 'declined'],
      ['同意', 'exhibit'],
      ['是', 'exhibit'],
      ['可以', 'exhibit'],
      ['yes', 'exhibit'],
      [' 同意 ', 'exhibit'],
      ['仅礼物', 'gift-only'],
      ['只送礼物', 'gift-only'],
      ['仅赠送', 'gift-only'],
      // Not agreement: part of a word, a question, a maybe.
      ['待定', null],
      ['是否', null],
      ['可以不', null],
      ['同意？', null],
      ['yesterday', null],
      ['未问', null],
    ];
    const p = plan([['姓名', '单位', '同意'], ...words.map(([v], i) => [`人${i}`, '科润智控', v])]);
    expect(p.rows.map((r) => [words[r.row - 2]![0], r.worker!.consent])).toEqual(words);
    const unread = p.rows.filter((r) => r.worker!.consent === null);
    expect(unread.map((r) => r.warnings)).toEqual(
      unread.map((r) => [{ key: 'roster.warn.consent', params: { value: words[r.row - 2]![0] } }]),
    );
    expect(formatMessage(unread[0]!.warnings[0]!, 'zh')).toBe(
      '「待定」不是可识别的授权值（可填：同意、不同意、仅礼物）：此人的授权不作改动，新增的人记为“未确认”',
    );
  });
});

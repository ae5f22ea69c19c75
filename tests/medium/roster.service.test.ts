import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RosterService } from '../../electron/main/services/roster.service';
import { writeGbkCsv, writeXlsx } from '../helpers/spreadsheets';
import { freshProjects } from '../helpers/services';

const setup = freshProjects();

describe(RosterService.name, () => {
  it('imports an Excel staff list with a title row, merged header cells, formulas and zero-padded numbers', async () => {
    const { services, root } = await setup();
    services.roster.createCompany({ name: '科润智能控制股份有限公司', shortName: '科润智控' });
    const file = await writeXlsx(
      path.join(root, '科润名单.xlsx'),
      [
        ['科润智控 2025 年职工名单'],
        ['姓名', '单位', '单位', '车间', '工种', '工号', '入职年份', '工龄'],
        ['占　牡丹', '科润智控', '', '装配车间', '装配工', 12, '2018年', ''],
        ['王伟', { formula: 'B3', result: '科润智控' }, '', '机加车间', '车工', 45, '', { formula: '3+4', result: 7 }],
        ['张三', '不存在的公司', '', '', '', 46, '', ''],
      ],
      { merge: ['A1:H1'], numFmt: { F3: '0000', F4: '0000' } },
    );
    const preview = await services.roster.previewFile(file);
    expect(preview).toMatchObject({ created: 2, updated: 0, headerRow: 2 });
    expect(preview.skipped).toEqual([
      {
        row: 5,
        reason: expect.stringContaining('unknown company 不存在的公司'),
        key: 'roster.skip.unknownCompany',
        params: { company: '不存在的公司' },
      },
    ]);
    expect(services.roster.workers()).toHaveLength(0); // a preview changes nothing

    await services.roster.applyFile(file);
    const byName = Object.fromEntries(services.roster.workers().map((w) => [w.name, w]));
    expect(byName['占牡丹']).toMatchObject({
      pinyin: 'zhan mu dan',
      department: '装配车间',
      craft: '装配工',
      employeeNo: '0012',
      joined: 2018,
    });
    expect(byName['王伟']).toMatchObject({ employeeNo: '0045', joined: new Date().getFullYear() - 7 });
    expect(byName['占牡丹']!.companyId).toBe(services.roster.findCompany('科润智控')!.id);

    // The same file again updates, it does not duplicate; one undo takes the whole import back.
    const again = await services.roster.applyFile(file);
    expect(again).toMatchObject({ created: 0, updated: 2 });
    expect(services.roster.workers()).toHaveLength(2);
    services.history.undo();
    services.history.undo();
    expect(services.roster.workers()).toHaveLength(0);
    services.history.redo();
    expect(services.roster.workers()).toHaveLength(2);
  });

  it('reads a GBK CSV from Chinese Excel and creates the companies it names when asked', async () => {
    const { services, root } = await setup();
    const file = await writeGbkCsv(
      path.join(root, 'roster.csv'),
      '姓名,公司,部门,工号\r\n占牡丹,科润智能控制股份有限公司,装配车间,0012\r\n周建国,江山华宇机械有限公司 ,总装,0007\r\n',
    );
    const plan = await services.roster.applyFile(file, undefined, true);
    expect(plan).toMatchObject({
      created: 2,
      companiesToCreate: [
        { name: '科润智能控制股份有限公司', shortName: null },
        { name: '江山华宇机械有限公司', shortName: null },
      ],
    });
    expect(
      services.roster
        .companies()
        .map((c) => c.name)
        .sort(),
    ).toEqual(['江山华宇机械有限公司', '科润智能控制股份有限公司'].sort());
    expect(
      services.roster
        .workers()
        .map((w) => w.employeeNo)
        .sort(),
    ).toEqual(['0007', '0012']);
  });

  it('names what is wrong with a file that is not a roster', async () => {
    const { services, root } = await setup();
    const empty = path.join(root, 'empty.csv');
    await fs.writeFile(empty, '');
    await expect(services.roster.previewFile(empty)).rejects.toMatchObject({ code: 'EMPTY' });
    const broken = path.join(root, 'broken.xlsx');
    await fs.writeFile(broken, 'not a zip');
    await expect(services.roster.previewFile(broken)).rejects.toMatchObject({
      code: 'CORRUPT',
      message: expect.stringContaining('broken.xlsx'),
    });
    const noHeader = await writeXlsx(path.join(root, 'numbers.xlsx'), [
      [1, 2],
      [3, 4],
    ]);
    // No name column: the preview shows the columns and asks; applying it as it stands is refused.
    expect(await services.roster.previewFile(noHeader)).toMatchObject({
      needsName: true,
      headerFound: false,
      created: 0,
      skipped: [{ row: 2 }],
    });
    await expect(services.roster.applyFile(noHeader)).rejects.toMatchObject({
      code: 'VALIDATION',
      key: 'roster.noRoster',
    });
    await expect(services.roster.previewFile(path.join(root, 'missing.xlsx'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('tells two workers of one name apart, and refuses to guess which one is meant', async () => {
    const { services } = await setup();
    const co = services.roster.createCompany({ name: '科润智能控制股份有限公司' });
    const a = services.roster.createWorker({
      name: '王伟',
      companyId: co.id,
      department: '装配车间',
      employeeNo: '0001',
    });
    services.roster.createWorker({ name: '王伟', companyId: co.id, department: '机加车间', employeeNo: '0002' });
    expect(() => services.roster.resolveWorker('王伟')).toThrow(/2 workers are called 王伟.*装配车间.*机加车间/);
    expect(services.roster.resolveWorker(a.id).id).toBe(a.id);
  });
});

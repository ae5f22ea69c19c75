import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { CatalogRepository } from '../../electron/main/repositories/catalog.repository';
import { photoRecord, tempDir, writePhoto } from '../helpers/factories';
import { projectLock } from '../helpers/services';
import { writeXlsx } from '../helpers/spreadsheets';

const run = (...args: string[]) => runCli(args);
const json = <T>(r: { stdout: string }) => JSON.parse(r.stdout) as T;

describe('the chasing-light command', () => {
  let root: string;
  let project: string;
  beforeAll(async () => {
    root = await tempDir('cl-cli-');
    project = path.join(root, 'project');
    for (let i = 0; i < 2; i++)
      await writePhoto(path.join(root, 'card'), `IMG_${i}.JPG`, {
        seed: 300 + i,
        exif: { IFD2: { DateTimeOriginal: '2025:05:12 09:00:00', OffsetTimeOriginal: '+08:00' } },
      });
    await fs.writeFile(path.join(root, 'card', 'broken.jpg'), 'text');
  });

  it('creates a project, imports with --json and lists photos with the contract fields', async () => {
    expect((await run('new', project, '--name', '追光')).code).toBe(0);
    const imported = await run(
      'import',
      project,
      path.join(root, 'card'),
      '--photographer',
      '陈晓明',
      '--company',
      '科润智能控制股份有限公司',
      '--json',
    );
    expect(imported.code).toBe(0);
    expect(json(imported)).toMatchObject({
      imported: 2,
      duplicates: [],
      failed: [{ path: expect.stringMatching(/broken\.jpg$/), code: 'UNSUPPORTED', message: expect.any(String) }],
    });
    expect(imported.stderr).toMatch(/import: \d+\/3/);
    const photos = json<Record<string, unknown>[]>(await run('photos', project, '--json'));
    for (const key of [
      'id',
      'path',
      'sha256',
      'format',
      'width',
      'height',
      'orientation',
      'capturedAt',
      'make',
      'model',
      'lens',
      'exposureTime',
      'fNumber',
      'iso',
      'focalLength',
      'gps',
      'artist',
      'copyright',
      'title',
      'caption',
      'keywords',
      'personsShown',
      'rating',
      'flag',
      'photographer',
      'company',
      'thumbnail',
      'preview',
      'workers',
    ])
      expect(photos[0], key).toHaveProperty(key);
    expect(photos[0]).toMatchObject({
      capturedAt: '2025-05-12T09:00:00+08:00',
      photographer: '陈晓明',
      company: '科润智能控制股份有限公司',
      workers: [],
    });
    await expect(fs.stat(photos[0]!.thumbnail as string)).resolves.toBeTruthy();
  });

  it('calls any method of the contract with `api`, as the window does: reads to read, edits to write, jobs to their end', async () => {
    const list = json<{ method: string; kind: string; kiosk: boolean }[]>(await run('api', '--list', '--json'));
    expect(list.find((m) => m.method === 'photos.setRating')).toEqual({
      method: 'photos.setRating',
      kind: 'edit',
      kiosk: false,
    });
    expect(
      list
        .filter((m) => m.kiosk)
        .map((m) => m.method)
        .sort(),
    ).toEqual(['app.info', 'find.kiosk', 'find.label', 'find.worker']);
    const [first] = json<{ id: string }[]>(await run('api', project, 'photos.list'));
    const rated = await run('api', project, 'photos.setRating', JSON.stringify({ ids: [first!.id], rating: 4 }));
    expect(rated.code).toBe(0);
    expect(
      json<{ rating: number }>(await run('api', project, 'photos.get', JSON.stringify({ id: first!.id }))),
    ).toMatchObject({ rating: 4 });
    // A job through `api` runs to its end and answers its result.
    expect(
      json(
        await run(
          'api',
          project,
          'jobs.start',
          JSON.stringify({ kind: 'import', paths: [path.join(root, 'card')] }),
          '--quiet',
        ),
      ),
    ).toMatchObject({ imported: 0, duplicates: [{}, {}] });
    // What the schema refuses is named; an unknown method or kind is bad usage.
    const refused = await run(
      'api',
      project,
      'photos.setRating',
      JSON.stringify({ ids: [first!.id], rating: 9 }),
      '--json',
    );
    expect([refused.code, json<{ error: { code: string } }>(refused).error.code]).toEqual([2, 'VALIDATION']);
    expect((await run('api', project, 'photos.frobnicate')).code).toBe(2);
    expect((await run('api', project, 'jobs.start', '{"kind":"sweep"}')).code).toBe(2);
    expect((await run('api', project, 'photos.get', '{not json')).code).toBe(2);
    // The tests after this one read the project as the import left it.
    expect((await run('api', project, 'photos.setRating', JSON.stringify({ ids: [first!.id], rating: 0 }))).code).toBe(
      0,
    );
  });

  it('answers bad usage with exit code 2 and a message', async () => {
    expect((await run('import', project)).code).toBe(2);
    expect((await run('frobnicate')).code).toBe(2);
    const notProject = await run('photos', root, '--json');
    expect(notProject.code).toBe(2);
    expect(notProject.stderr).toMatch(/not a Chasing Light project/);
    // In a Chinese locale the same refusal is said in Chinese only.
    const zh = await runCli(['photos', root, '--json'], { env: { ...process.env, CHASING_LIGHT_LANG: 'zh' } });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toMatch(/不是追光项目文件夹/);
    expect(zh.stderr).not.toMatch(/not a Chasing Light project/);
    expect((await run('tag', project, 'abc', '--worker', 'x', '--region', '1,2')).code).toBe(2);
  });

  it('prints a JSON answer of over 1 MB whole through a pipe, and under --json a refusal as JSON on stdout too', async () => {
    // 1,500 photo records written straight into a catalog: the size of the answer without importing 1,500 files.
    const big = path.join(root, 'big');
    await fs.mkdir(big);
    const catalog = await CatalogRepository.create(big, 'big', false, await projectLock(big));
    for (let i = 0; i < 1500; i++)
      catalog.putPhoto(photoRecord({ id: `ab${String(i).padStart(14, '0')}`, caption: '车间里的一个下午'.repeat(8) }));
    await catalog.close();
    const listed = await run('photos', big, '--json');
    expect(listed.code).toBe(0);
    expect(Buffer.byteLength(listed.stdout)).toBeGreaterThan(1 << 20);
    expect(json<unknown[]>(listed)).toHaveLength(1500);
    const notProject = await run('photos', root, '--json');
    expect(notProject.code).toBe(2);
    expect(json(notProject)).toEqual({
      error: {
        code: 'NOT_FOUND',
        key: 'project.notProject',
        message: expect.stringContaining('not a Chasing Light project'),
      },
    });
    const usage = await run('export', project, '--format', 'gif', '--json');
    expect(usage.code).toBe(2);
    expect(json(usage)).toEqual({
      error: { code: 'USAGE', key: 'cli.badUsage', message: expect.stringContaining('--format is jpeg, tiff or pdf') },
    });
  });

  it('imports a roster (dry run first), lists workers and companies, tags and untags', async () => {
    const roster = await writeXlsx(path.join(root, 'roster.xlsx'), [
      ['姓名', '单位', '车间', '工号'],
      ['占牡丹', '科润智能控制股份有限公司', '装配车间', '００１２'],
      ['王伟', '科润智能控制股份有限公司', '装配车间', '0013'],
      ['王伟', '科润智能控制股份有限公司', '机加车间', '0014'],
      ['', '科润智能控制股份有限公司', '', '0015'],
      ['周建国', '江山华宇机械有限公司', '', '0007'],
    ]);
    const dry = await run('roster', 'import', project, roster, '--dry-run', '--json');
    expect(json(dry)).toMatchObject({
      created: 3,
      updated: 0,
      skipped: [{ row: 5 }, { row: 6, reason: expect.stringContaining('unknown company') }],
    });
    expect(json<unknown[]>(await run('workers', project, '--json'))).toHaveLength(0);
    const applied = await run('roster', 'import', project, roster, '--create-companies', '--json');
    expect(json(applied)).toMatchObject({
      created: 4,
      updated: 0,
      skipped: [{ row: 5, reason: expect.stringContaining('no name') }],
    });

    const workers = json<{ id: string; name: string; employeeNo: string; pinyin: string; consent: string }[]>(
      await run('workers', project, '--json'),
    );
    expect(workers.map((w) => w.employeeNo).sort()).toEqual(['0007', '0012', '0013', '0014']);
    expect(workers.find((w) => w.name === '占牡丹')).toMatchObject({ pinyin: 'zhan mu dan', consent: 'unknown' });
    const companies = json<{ id: string; name: string; shortName: string | null }[]>(
      await run('companies', project, '--json'),
    );
    expect(companies.map((c) => c.name).sort()).toEqual(['江山华宇机械有限公司', '科润智能控制股份有限公司'].sort());

    const [photo] = json<{ id: string }[]>(await run('photos', project, '--json'));
    const tagged = await run('tag', project, photo!.id, '--worker', '占牡丹', '--region', '0.1,0.2,0.3,0.4');
    expect(tagged.code).toBe(0);
    const ambiguous = await run('tag', project, photo!.id, '--worker', '王伟');
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/2 workers are called 王伟.*装配车间.*机加车间/);
    const badRegion = await run('tag', project, photo!.id, '--worker', '占牡丹', '--region', '0.9,0.2,0.3,0.4');
    expect(badRegion.code).toBe(2);
    expect(badRegion.stderr).toMatch(/region/);

    const zhan = workers.find((w) => w.name === '占牡丹')!;
    let listed = json<{ id: string; workers: string[]; faceRegions: unknown[] }[]>(
      await run('photos', project, '--json'),
    ).find((p) => p.id === photo!.id)!;
    expect(listed).toMatchObject({
      workers: [zhan.id],
      faceRegions: [{ workerId: zhan.id, x: 0.1, y: 0.2, w: 0.3, h: 0.4 }],
    });
    expect((await run('untag', project, photo!.id, '--worker', zhan.id)).code).toBe(0);
    listed = json<{ id: string; workers: string[]; faceRegions: unknown[] }[]>(
      await run('photos', project, '--json'),
    ).find((p) => p.id === photo!.id)!;
    expect(listed.workers).toEqual([]);

    const xmp = await run('xmp', project, '--out', path.join(root, 'xmp'), '--json');
    expect(json<{ written: string[] }>(xmp).written).toHaveLength(2);
  });

  it('lists templates and exports gift sheets with the JSON the print check reads', async () => {
    const templates = json<{ id: string; name: string }[]>(await run('templates', project, '--json'));
    expect(templates.map((t) => t.id)).toEqual(expect.arrayContaining(['simple-white-10', 'red-mat-a4', 'plain-6']));
    const [photo] = json<{ id: string }[]>(await run('photos', project, '--json'));
    expect((await run('tag', project, photo!.id, '--worker', '占牡丹')).code).toBe(0);
    const out = path.join(root, 'print');
    // Marks would make a JPEG larger than the paper: refused by name, nothing written.
    const marked = await run('export', project, '--template', 'plain-6', '--format', 'jpeg', '--marks', '--out', out);
    expect(marked.code).toBe(2);
    expect(marked.stderr).toMatch(/PDF/);
    const exported = await run(
      'export',
      project,
      '--template',
      'plain-6',
      '--dpi',
      '150',
      '--format',
      'jpeg',
      '--bleed',
      '3',
      '--out',
      out,
      '--json',
      '--allow-low-res',
    );
    expect(exported.code).toBe(0);
    const result = json<{
      files: { path: string; workerId: string; photoId: string; widthPx: number; heightPx: number; ppi: number }[];
      orderSheet: { pdf: string; csv: string };
      skipped: unknown[];
      written: number;
    }>(exported);
    expect(result.files).toHaveLength(1);
    expect(result.files[0]).toMatchObject({
      photoId: photo!.id,
      widthPx: expect.any(Number),
      heightPx: expect.any(Number),
      ppi: expect.any(Number),
    });
    expect(result.written).toBe(1);
    // The 640 px test photo is far too soft for 10寸 (about 100 ppi): without --allow-low-res it is refused per
    // worker, by name, and the exit code says so.
    const refused = await run(
      'export',
      project,
      '--template',
      'simple-white-10',
      '--dpi',
      '150',
      '--out',
      path.join(root, 'print2'),
      '--json',
    );
    expect(refused.code).toBe(3);
    expect(json<{ files: unknown[]; skipped: { reason: string }[] }>(refused)).toMatchObject({
      files: [],
      skipped: [{ reason: expect.stringContaining('占牡丹') }],
    });
    await expect(fs.stat(result.files[0]!.path)).resolves.toBeTruthy();
    await expect(fs.stat(result.orderSheet.pdf)).resolves.toBeTruthy();
    expect((await run('export', project, '--format', 'gif')).code).toBe(2);
    expect((await run('export', project, '--template', 'nope', '--json')).code).toBe(2);
  });

  it('plans the exhibition with the JSON the checks read, and names bad usage', async () => {
    const planned = await run(
      'exhibition',
      'plan',
      project,
      '--boards',
      '1',
      '--board-size',
      '900x1200mm',
      '--order',
      'day',
      '--json',
    );
    expect(planned.code).toBe(0);
    const plan = json<{
      boards: {
        id: string;
        name: string;
        widthMm: number;
        heightMm: number;
        photos: { photoId: string; number: string; xMm: number; yMm: number; wMm: number; hMm: number }[];
      }[];
      excluded: { photoId: string; reason: string }[];
    }>(planned);
    expect(plan.boards).toHaveLength(1);
    expect(plan.boards[0]).toMatchObject({ widthMm: 900, heightMm: 1200 });
    const placedAndExcluded = plan.boards[0]!.photos.length + plan.excluded.length;
    expect(placedAndExcluded).toBeGreaterThan(0);
    expect(plan.boards[0]!.photos[0]).toMatchObject({
      number: '板1-01',
      xMm: expect.any(Number),
      wMm: expect.any(Number),
    });
    expect((await run('exhibition', 'plan', project, '--order', 'height')).code).toBe(2);
    expect((await run('exhibition', 'hang', project)).code).toBe(2);
    expect((await run('exhibition', 'plan', project, '--board-size', 'huge')).code).toBe(2);
  });

  it('finds workers with the JSON the checks read: none here, for 占牡丹 was not asked about the exhibition', async () => {
    const found = await run('find', project, 'zmd', '--json');
    expect(found.code).toBe(0);
    expect(json<unknown[]>(found)).toEqual([]);
    expect((await run('find', project, 'zmd')).stdout).toMatch(/nobody found|没有找到/);
    expect((await run('find', project, '！？')).code).toBe(2);
    expect((await run('find', project)).code).toBe(2);
  });

  it('exports the exhibition with the JSON the checks read: files with their pages, warnings per photo, exit 3 for a board not written', async () => {
    const labels = await run(
      'exhibition',
      'export',
      project,
      '--what',
      'labels',
      '--base-url',
      'https://zgh.example.cn/g',
      '--out',
      path.join(root, 'labels'),
      '--json',
    );
    expect(labels.code).toBe(0);
    const written = json<{ files: { path: string; kind: string; pages: number }[]; warnings: unknown[] }>(labels);
    expect(written.files).toEqual([
      { path: path.join(root, 'labels', '展签_15x10cm_A4.pdf'), kind: 'labels', pages: expect.any(Number) },
    ]);
    expect(written.warnings).toEqual([]);
    // The 640 px test photo is under 50 ppi on a 90×120 cm board: the board is named and not written.
    const boards = await run(
      'exhibition',
      'export',
      project,
      '--what',
      'boards',
      '--out',
      path.join(root, 'boards'),
      '--json',
    );
    expect(boards.code).toBe(3);
    expect(
      json<{ files: unknown[]; warnings: { photoId: string; code: string; message: string }[] }>(boards).warnings,
    ).toContainEqual(expect.objectContaining({ code: 'tooLowPpi', message: expect.stringContaining('板1-01') }));
    expect((await run('exhibition', 'export', project, '--what', 'posters')).code).toBe(2);
    expect((await run('exhibition', 'export', project, '--what', 'labels', '--base-url', 'ftp://x')).code).toBe(2);
  });
});

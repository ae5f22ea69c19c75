import path from 'node:path';
import type { AppErrorShape } from '../../shared/errors';
import { parseArgs } from 'node:util';
import {
  API_METHODS,
  isApiMethod,
  JOB_EDITS,
  KIOSK_METHODS,
  METHOD_KINDS,
  METHODS,
  type ApiMethod,
  type ApiRequest,
  type ApiResponse,
} from '../../shared/api/contract';
import type { JobRequests, JobResults } from '../../shared/api/contract';
import type { JobKind, JobProgress } from '../../shared/model/job';
import { dispatch } from '../main/api-dispatch';
import { createHandlers } from '../main/api-handlers';
import { createServices } from '../main/container';
import { serveServices } from '../main/http-server';
import { localize, say } from './language';
import { EXHIBIT_ORDERS, EXHIBITION_OUTPUTS, type ExhibitOrder } from '../../shared/model/exhibition';
import { out } from './output';
import { ProgressLine } from './progress';
import { UsageError } from './usage';
const services = createServices();
const handlers = createHandlers(services, 'cli');

/** A refusal or failure the API answered (a call's, or a job's), as the exception the CLI's entry says by key. */
function refusal(error: AppErrorShape | null): Error {
  return Object.assign(new Error(error?.message ?? 'failed'), {
    code: error?.code ?? 'INTERNAL',
    key: error?.key,
    params: error?.params,
  });
}

/** Calls the API exactly as the UI does; an error Result becomes an exception with its code. */
async function call<K extends ApiMethod>(method: K, request: ApiRequest<K>): Promise<ApiResponse<K>> {
  const result = await dispatch(handlers, method, request, services.logger);
  if (!result.ok) throw refusal(result.error);
  return result.value as ApiResponse<K>;
}

function parse(args: string[], options: NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function needDir(positionals: string[], command: string): string {
  const dir = positionals[0];
  if (!dir) throw new UsageError(`${command}: the project folder is required`);
  return path.resolve(dir);
}

/** `exhibition export <dir> --what boards|labels|catalogue|summary …`: print files, with the warnings per photo. */
async function exhibitionExport(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    what: { type: 'string' },
    format: { type: 'string' },
    'base-url': { type: 'string' },
    out: { type: 'string' },
    dpi: { type: 'string' },
    bleed: { type: 'string' },
    'no-marks': { type: 'boolean' },
    'allow-low-res': { type: 'boolean' },
    material: { type: 'string' },
    json: { type: 'boolean' },
    'label-template': { type: 'string' },
    cover: { type: 'string' },
    'poster-size': { type: 'string' },
    'label-sheet': { type: 'string' },
    'page-size': { type: 'string' },
    landscape: { type: 'boolean' },
    quiet: { type: 'boolean' },
  });
  const labelSheet = values['label-sheet'] as string | undefined;
  if (labelSheet !== undefined && !['A4', 'A3', 'single'].includes(labelSheet))
    throw new UsageError(`exhibition export: --label-sheet is A4, A3 or single (got "${labelSheet}")`);
  const posterSize = values['poster-size'] as string | undefined;
  if (posterSize !== undefined && !['A2', 'A1'].includes(posterSize))
    throw new UsageError(`exhibition export: --poster-size is A2 or A1 (got "${posterSize}")`);
  const pageSize = values['page-size'] as string | undefined;
  if (pageSize !== undefined && !['A4', '210x285'].includes(pageSize))
    throw new UsageError(`exhibition export: --page-size is A4 or 210x285 (got "${pageSize}")`);
  const dir = needDir(positionals, 'exhibition export');
  const what = values.what as string | undefined;
  if (!what || !(EXHIBITION_OUTPUTS as readonly string[]).includes(what))
    throw new UsageError(
      `exhibition export: --what is ${EXHIBITION_OUTPUTS.join(', ')} (got ${what ? `"${what}"` : 'nothing'})`,
    );
  const format = values.format as string | undefined;
  if (format !== undefined && !['pdf', 'jpeg', 'tiff'].includes(format))
    throw new UsageError(`exhibition export: --format is pdf, jpeg or tiff (got "${format}")`);
  const number = (name: string, v: unknown) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new UsageError(`exhibition export: --${name} is a number (got "${v}")`);
    return n;
  };
  // An export reads the catalog as it stands (a window may be editing it meanwhile): no write lock is asked for.
  await call('projects.open', { dir, toRead: true });
  const result = await runJob(
    'exhibition-export',
    {
      what: what as (typeof EXHIBITION_OUTPUTS)[number],
      format: format as 'pdf' | 'jpeg' | 'tiff' | undefined,
      dpi: number('dpi', values.dpi),
      bleedMm: number('bleed', values.bleed),
      marks: values['no-marks'] ? false : undefined,
      outDir: values.out ? path.resolve(values.out as string) : undefined,
      baseUrl: values['base-url'] as string | undefined,
      allowLowRes: !!values['allow-low-res'],
      material: values.material as string | undefined,
      labelTemplateId: values['label-template'] as string | undefined,
      labelSheet: labelSheet as 'A4' | 'A3' | 'single' | undefined,
      catalogueSize: pageSize as 'A4' | '210x285' | undefined,
      landscape: values.landscape ? true : undefined,
      coverPhotoId: values.cover as string | undefined,
      posterSize: posterSize as 'A2' | 'A1' | undefined,
    },
    !!values.quiet,
  );
  await call('projects.close', {});
  const warnings = localize(result.warnings).map(({ photoId, code, key, message }) => ({
    photoId,
    code,
    key,
    message,
  }));
  if (values.json)
    out(
      JSON.stringify({ files: result.files.map(({ path: p, kind, pages }) => ({ path: p, kind, pages })), warnings }) +
        '\n',
    );
  else {
    out(`${say('cli.exhibitionExported', { files: result.files.length, dir: result.outDir })}\n`);
    for (const f of result.files) out(`  ${f.path}\n`);
    for (const w of warnings) out(`  ! ${w.message}\n`);
  }
  // Something refused (a board not written): finished, but not whole.
  return warnings.some((w) => w.code === 'tooLowPpi' || w.code === 'photoMissing' || w.code === 'photoUnreadable')
    ? 3
    : 0;
}

/**
 * The one way the command line runs a long task: starts the job through the API as the window does, shows its
 * progress (a bar on a terminal, a line a second in a log) and waits for its end; a failed job becomes the error.
 * It wakes on the job's `job.finished` event, and reads the status at least every 250 ms besides, so an end said
 * before the job's id came back is not missed.
 */
async function runJob<K extends JobKind>(kind: K, request: JobRequests[K], quiet: boolean): Promise<JobResults[K]> {
  const bar = new ProgressLine(quiet);
  let jobId: string | null = null;
  let wake = () => {};
  const unsubscribe = services.events.subscribe((name, payload) => {
    if (name === 'job.progress' && (payload as JobProgress).jobId === jobId) bar.show(payload as JobProgress);
    if (name === 'job.finished') wake();
  });
  try {
    jobId = (await call('jobs.start', { kind, ...request } as ApiRequest<'jobs.start'>)).jobId;
    for (;;) {
      const st = await call('jobs.status', { jobId });
      if (st.state === 'failed') throw refusal(st.error);
      if (st.state !== 'running') {
        bar.show(st.progress);
        return st.result as JobResults[K];
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 250);
      });
    }
  } finally {
    unsubscribe();
    bar.end();
  }
}

/** `faces detect <dir>`, `faces <dir>` (the list), `faces assign <dir> <faceId> --worker`, `faces reject <dir> <faceId>`. */
async function facesCommand(args: string[]): Promise<number> {
  const sub = ['detect', 'assign', 'reject'].includes(args[0] ?? '') ? args[0]! : 'list';
  const { values, positionals } = parse(sub === 'list' ? args : args.slice(1), {
    json: { type: 'boolean' },
    worker: { type: 'string' },
    again: { type: 'boolean' },
    thorough: { type: 'boolean' },
  });
  const dir = needDir(positionals, `faces ${sub === 'list' ? '' : sub}`.trim());
  if (sub === 'detect') {
    await call('projects.open', { dir });
    const r = await runJob(
      'faces',
      { again: values.again as boolean | undefined, thorough: values.thorough as boolean | undefined },
      !!values.json,
    );
    if (values.json)
      out(
        JSON.stringify({
          photos: r.photos,
          faces: r.faces,
          seconds: r.seconds,
          tooSmall: r.tooSmall,
          failed: r.failed.map((f) => ({
            photoId: f.photoId,
            name: f.name,
            key: f.message.key,
            message: say(f.message.key, f.message.params),
          })),
        }) + '\n',
      );
    else {
      out(`${say('cli.facesDetected', { photos: r.photos, faces: r.faces, seconds: r.seconds })}\n`);
      for (const f of r.failed) process.stderr.write(`${f.name}: ${localize(f.message)}\n`);
    }
    return 0;
  }
  if (sub === 'list') {
    await call('projects.open', { dir, toRead: true });
    const faces = await call('faces.list', {});
    if (values.json)
      out(
        JSON.stringify(
          faces.map((f) => ({
            faceId: f.faceId,
            photoId: f.photoId,
            box: f.box,
            workerId: f.workerId,
            suggestion: f.suggestion,
          })),
        ) + '\n',
      );
    else
      for (const f of faces)
        out(
          `${f.faceId}  ${f.photoId}  ${[f.box.x, f.box.y, f.box.w, f.box.h].map((v) => v.toFixed(3)).join(',')}  ${f.workerId ?? (f.suggestion ? `? ${f.suggestion.workerId} ${f.suggestion.score}` : '—')}\n`,
        );
    return 0;
  }
  const faceId = positionals[1];
  if (!faceId) throw new UsageError(`faces ${sub}: say which face (its faceId from "faces <dir> --json")`);
  const worker = values.worker as string | undefined;
  if (sub === 'assign' && !worker) throw new UsageError('faces assign: --worker <id|name> is required');
  await call('projects.open', { dir });
  const [face] =
    sub === 'assign'
      ? await call('faces.assign', { faceIds: [faceId], workerId: worker! })
      : await call('faces.reject', { faceIds: [faceId], workerId: worker });
  if (values.json)
    out(
      JSON.stringify({
        faceId: face!.faceId,
        photoId: face!.photoId,
        box: face!.box,
        workerId: face!.workerId,
        suggestion: face!.suggestion,
      }) + '\n',
    );
  else out(`${face!.faceId}  ${face!.workerId ?? '—'}\n`);
  return 0;
}

/**
 * `api <dir> <method> [<request JSON>|-]`, `api --list`: any method of the contract, as the window calls it, for a
 * script. Its wiring is derived from the declarations: a method added to the contract is here with no more code.
 * What it reads or exports opens the project to read; an edit opens it to write; a session call opens nothing.
 * `jobs.start` runs the job to its end and prints its result.
 */
async function apiCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    list: { type: 'boolean' },
    json: { type: 'boolean' },
    quiet: { type: 'boolean' },
  });
  if (values.list) {
    const list = API_METHODS.map((m) => ({ method: m, kind: METHOD_KINDS[m], kiosk: KIOSK_METHODS.includes(m) }));
    out(
      values.json
        ? JSON.stringify(list) + '\n'
        : list.map((m) => `${m.method}  ${m.kind}${m.kiosk ? '  kiosk' : ''}\n`).join(''),
    );
    return 0;
  }
  const [dir, method, body] = positionals;
  if (!dir || !method) throw new UsageError('api: say the project folder and the method (api --list names them)');
  if (!isApiMethod(method)) throw new UsageError(`api: there is no method "${method}" (api --list names them)`);
  let request: unknown = {};
  if (body !== undefined) {
    const text = body === '-' ? await readStdin() : body;
    try {
      request = JSON.parse(text);
    } catch (err) {
      throw new UsageError(`api: the request is not JSON (${(err as Error).message})`);
    }
  }
  if (method === 'jobs.start') {
    // Checked by its schema first: a bad kind is a usage error, and only a job that edits takes the write lock.
    const parsed = METHODS['jobs.start'].schema.safeParse(request);
    if (!parsed.success)
      throw new UsageError(
        `api: jobs.start: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    const { kind: job, ...rest } = parsed.data;
    await call('projects.open', { dir: path.resolve(dir), toRead: !JOB_EDITS[job] });
    out(JSON.stringify(localize(await runJob(job, rest as never, !!values.quiet))) + '\n');
    return 0;
  }
  const kind = METHOD_KINDS[method];
  if (kind !== 'session') await call('projects.open', { dir: path.resolve(dir), toRead: kind !== 'edit' });
  out(JSON.stringify(localize(await call(method, request as never))) + '\n');
  return 0;
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (d) => (text += d));
    process.stdin.on('end', () => resolve(text));
    process.stdin.on('error', reject);
  });
}

/** Runs one command; resolves with the exit code, or -1 for a command that keeps running (serve). */
export async function runCommand(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'new': {
      const { values, positionals } = parse(rest, { name: { type: 'string' }, json: { type: 'boolean' } });
      const info = await call('projects.create', {
        dir: needDir(positionals, 'new'),
        name: values.name as string | undefined,
      });
      out(values.json ? JSON.stringify(info) + '\n' : `${say('cli.created', { name: info.name, dir: info.dir })}\n`);
      return 0;
    }
    case 'import': {
      const { values, positionals } = parse(rest, {
        photographer: { type: 'string' },
        company: { type: 'string' },
        day: { type: 'string' },
        copy: { type: 'boolean' },
        json: { type: 'boolean' },
        quiet: { type: 'boolean' },
      });
      const dir = needDir(positionals, 'import');
      const paths = positionals.slice(1);
      if (!paths.length) throw new UsageError('import: name at least one file or folder to import');
      await call('projects.open', { dir });
      const summary = await runJob(
        'import',
        {
          paths: paths.map((p) => path.resolve(p)),
          photographer: values.photographer as string | undefined,
          company: values.company as string | undefined,
          shootDay: values.day as string | undefined,
          copy: !!values.copy,
        },
        !!values.quiet,
      );
      await call('projects.close', {});
      if (values.json) {
        const { imported, duplicates, failed, cancelled } = summary;
        out(JSON.stringify(localize({ imported, duplicates, failed, notPhotos: summary.notPhotos, cancelled })) + '\n');
      } else {
        out(
          `${say('cli.imported', { imported: summary.imported, duplicates: summary.duplicates.length, failed: summary.failed.length, notPhotos: summary.notPhotos })}\n`,
        );
        for (const f of localize(summary.failed)) out(`  ✗ ${f.path} [${f.code}] ${f.message}\n`);
      }
      return 0;
    }
    case 'photos': {
      const { values, positionals } = parse(rest, { json: { type: 'boolean' } });
      const info = await call('projects.open', { dir: needDir(positionals, 'photos'), toRead: true });
      const photos = (await call('photos.list', {})).map((p) => ({
        ...p,
        thumbnail: p.thumbnail ? path.join(info.dir, p.thumbnail) : null,
        preview: p.preview ? path.join(info.dir, p.preview) : null,
        embeddedThumbnail: p.embeddedThumbnail ? path.join(info.dir, p.embeddedThumbnail) : null,
      }));
      if (values.json) out(JSON.stringify(localize(photos), null, 1) + '\n');
      else
        for (const p of photos)
          out(`${p.id}  ${p.capturedAt ?? '—'}  ${p.width}×${p.height}  ${p.photographer ?? ''}  ${p.path}\n`);
      return 0;
    }
    case 'serve': {
      const { values, positionals } = parse(rest, { port: { type: 'string' }, kiosk: { type: 'boolean' } });
      const port = values.port === undefined ? 0 : Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new UsageError(`serve: --port must be a port number, not "${values.port}"`);
      // A window or a kiosk stays open for hours: a read-only view follows the writer's edits (a withdrawal at
      // the venue reaches the kiosk within seconds).
      services.projects.followReadOnly = true;
      // The kiosk only reads: it never holds the project's write lock, so staff can edit (and withdraw) meanwhile.
      if (positionals[0]) await call('projects.open', { dir: path.resolve(positionals[0]), toRead: !!values.kiosk });
      else await call('projects.openDemo', {});
      services.faceJob.afterImport = !values.kiosk;
      const host = await serveServices(services, { port, kiosk: !!values.kiosk });
      // The kiosk's address carries its read-only token; the app's own address is not printed beside it.
      out(
        values.kiosk && host.readOnlyToken
          ? `${host.url.replace(/\?token=[^&]+/, '')}?token=${host.readOnlyToken}\n`
          : `${host.url}\n`,
      );
      const stop = async () => {
        await host.close();
        await services.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      return -1; // keep running
    }
    case 'roster': {
      const [sub, ...more] = rest;
      if (sub !== 'import') throw new UsageError(`roster: the only subcommand is "import" (got ${sub ?? 'nothing'})`);
      const { values, positionals } = parse(more, {
        'create-companies': { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
      });
      const dir = needDir(positionals, 'roster import');
      const file = positionals[1];
      if (!file) throw new UsageError('roster import: name the .xlsx or .csv file');
      await call('projects.open', { dir });
      const request = { file: path.resolve(file), createCompanies: !!values['create-companies'] };
      const plan = values['dry-run'] ? await call('roster.preview', request) : await call('roster.apply', request);
      // A value read with doubt (a consent word it does not know, a year it cannot read) is named on its row.
      const warnings = plan.rows.flatMap((r) =>
        r.warnings.map((w) => ({ row: r.row, key: w.key, message: say(w.key, w.params) })),
      );
      if (values.json)
        out(
          JSON.stringify(
            localize({
              created: plan.created,
              updated: plan.updated,
              skipped: plan.skipped,
              warnings,
              dryRun: !!values['dry-run'],
            }),
          ) + '\n',
        );
      else {
        out(
          `${say(values['dry-run'] ? 'cli.rosterPlanned' : 'cli.rosterDone', { created: plan.created, updated: plan.updated, skipped: plan.skipped.length, sheet: plan.sheet, row: plan.headerRow })}\n`,
        );
        for (const sk of localize(plan.skipped)) out(`  ${say('cli.rosterRow', { row: sk.row, reason: sk.reason })}\n`);
        for (const w of warnings) out(`  ${say('cli.rosterRow', { row: w.row, reason: w.message })}\n`);
      }
      return 0;
    }
    case 'faces':
      return facesCommand(rest);
    case 'api':
      return apiCommand(rest);
    case 'exhibition': {
      const [sub, ...more] = rest;
      if (sub === 'export') return exhibitionExport(more);
      if (sub !== 'plan')
        throw new UsageError(`exhibition: the subcommand is "plan" or "export" (got ${sub ?? 'nothing'})`);
      const { values, positionals } = parse(more, {
        title: { type: 'string' },
        boards: { type: 'string' },
        'board-size': { type: 'string' },
        order: { type: 'string' },
        json: { type: 'boolean' },
      });
      const dir = needDir(positionals, 'exhibition plan');
      const order = values.order as string | undefined;
      if (order !== undefined && !(EXHIBIT_ORDERS as readonly string[]).includes(order))
        throw new UsageError(`exhibition plan: --order is ${EXHIBIT_ORDERS.join(', ')} (got "${order}")`);
      const boards = values.boards === undefined ? undefined : Number(values.boards);
      if (boards !== undefined && (!Number.isInteger(boards) || boards < 1))
        throw new UsageError(`exhibition plan: --boards is a whole number (got "${values.boards}")`);
      await call('projects.open', { dir });
      const plan = await call('exhibitions.plan', {
        title: values.title as string | undefined,
        boards,
        boardSize: values['board-size'] as string | undefined,
        order: order as ExhibitOrder | undefined,
      });
      const { boards: placed } = plan.exhibition;
      if (values.json)
        out(
          JSON.stringify({
            boards: placed.map((b) => ({
              id: b.id,
              name: b.name,
              widthMm: b.widthMm,
              heightMm: b.heightMm,
              photos: b.photos.map(({ photoId, number, xMm, yMm, wMm, hMm }) => ({
                photoId,
                number,
                xMm,
                yMm,
                wMm,
                hMm,
              })),
            })),
            excluded: localize(plan.excluded).map(({ photoId, reason, key }) => ({ photoId, reason, key })),
            toAsk: plan.toAsk,
          }) + '\n',
        );
      else {
        out(
          `${say('cli.exhibitionPlanned', { photos: placed.reduce((n, b) => n + b.photos.length, 0), boards: placed.length, excluded: plan.excluded.length })}\n`,
        );
        for (const e of localize(plan.excluded)) out(`  ${say('cli.skipped', { who: e.photoId, reason: e.reason })}\n`);
      }
      return 0;
    }
    case 'gallery': {
      const { values, positionals } = parse(rest, {
        out: { type: 'string' },
        'base-url': { type: 'string' },
        check: { type: 'boolean' },
        json: { type: 'boolean' },
        quiet: { type: 'boolean' },
      });
      const dir = needDir(positionals, 'gallery');
      if (values.check) {
        // The privacy check: what would be published, and what is left out, before anything is written.
        await call('projects.open', { dir, toRead: true });
        const c = await call('gallery.check', {});
        const said = {
          ...c,
          excluded: localize(c.excluded).map(({ photoId, reason, key }) => ({ photoId, reason, key })),
          withheld: localize(c.withheld).map(({ workerId, name, reason, key }) => ({ workerId, name, reason, key })),
        };
        if (values.json) out(JSON.stringify(said) + '\n');
        else {
          out(
            `${say('cli.galleryCheck', { photos: c.photos.length, workers: c.workers.length, excluded: c.excluded.length, withheld: c.withheld.length })}\n  ${c.workers.join('、')}\n`,
          );
          for (const e of said.excluded) out(`  ${say('cli.skipped', { who: e.photoId, reason: e.reason })}\n`);
          for (const w of said.withheld) out(`  ${w.reason}\n`);
        }
        return 0;
      }
      if (!values.out) throw new UsageError('gallery: --out <folder> says where the web gallery goes');
      await call('projects.open', { dir, toRead: true });
      const r = await runJob(
        'gallery-export',
        { outDir: path.resolve(values.out as string), baseUrl: values['base-url'] as string | undefined },
        !!values.quiet,
      );
      await call('projects.close', {});
      if (values.json)
        out(
          JSON.stringify({
            index: r.index,
            photos: r.photos,
            workers: r.workers,
            excluded: localize(r.excluded).map(({ photoId, reason, key }) => ({ photoId, reason, key })),
            bytes: r.bytes,
          }) + '\n',
        );
      else {
        out(
          `${say('cli.galleryWritten', { photos: r.photos, workers: r.workers, excluded: r.excluded.length, index: r.index })}\n`,
        );
        for (const e of localize(r.excluded)) out(`  ${say('cli.skipped', { who: e.photoId, reason: e.reason })}\n`);
      }
      return 0;
    }
    case 'find': {
      const { values, positionals } = parse(rest, { json: { type: 'boolean' } });
      const dir = needDir(positionals, 'find');
      const query = positionals[1];
      if (query === undefined) throw new UsageError('find: say whom to find (a name, its pinyin or initials: zmd)');
      await call('projects.open', { dir, toRead: true });
      const found = await call('find.worker', { query });
      if (values.json) out(JSON.stringify(found) + '\n');
      else if (!found.length) out(`${say('cli.foundNobody', { query })}\n`);
      else
        for (const w of found)
          out(
            `${w.name}${w.company ? ` · ${w.company}` : ''}  ${w.photos.map((p) => p.number ?? p.photoId).join('、')}\n`,
          );
      return 0;
    }
    case 'workers':
    case 'companies': {
      const { values, positionals } = parse(rest, { json: { type: 'boolean' } });
      await call('projects.open', { dir: needDir(positionals, command), toRead: true });
      const list = command === 'workers' ? await call('workers.list', {}) : await call('companies.list', {});
      if (values.json) out(JSON.stringify(list, null, 1) + '\n');
      else for (const e of list as { id: string; name: string }[]) out(`${e.id}  ${e.name}\n`);
      return 0;
    }
    case 'tag':
    case 'untag': {
      const { values, positionals } = parse(rest, {
        worker: { type: 'string' },
        region: { type: 'string' },
        company: { type: 'string' },
        json: { type: 'boolean' },
      });
      const dir = needDir(positionals, command);
      const photoId = positionals[1];
      if (!photoId) throw new UsageError(`${command}: name the photo id`);
      if (!values.worker)
        throw new UsageError(`${command}: --worker <id${command === 'tag' ? '|name' : ''}> is required`);
      await call('projects.open', { dir });
      if (command === 'tag') {
        const region = values.region === undefined ? undefined : parseRegion(values.region as string);
        const company = values.company as string | undefined;
        if (company !== undefined && company !== 'keep' && company !== 'worker')
          throw new UsageError(`tag: --company is keep or worker (got "${company}")`);
        const [photo] = await call('photos.tag', { ids: [photoId], worker: values.worker as string, region, company });
        out(
          values.json
            ? JSON.stringify(localize(photo)) + '\n'
            : `${say('cli.tagged', { worker: values.worker as string, photo: photoId })}\n`,
        );
      } else {
        await call('photos.untag', { ids: [photoId], workerId: values.worker as string });
        out(`${say('cli.untagged', { worker: values.worker as string, photo: photoId })}\n`);
      }
      return 0;
    }
    case 'xmp': {
      const { values, positionals } = parse(rest, { out: { type: 'string' }, json: { type: 'boolean' } });
      await call('projects.open', { dir: needDir(positionals, 'xmp'), toRead: true });
      const { written, refused } = await call('xmp.write', {
        outDir: values.out ? path.resolve(values.out as string) : undefined,
      });
      if (values.json) out(JSON.stringify(localize({ written, refused })) + '\n');
      else {
        out(
          `${say('cli.xmpWritten', { count: written.length, where: written[0] ? say('cli.to', { dir: path.dirname(written[0]) }) : '' })}\n`,
        );
        for (const r of localize(refused)) out(`  ✗ ${r.path} [${r.code}] ${r.message}\n`);
      }
      return 0;
    }
    case 'templates': {
      const { values, positionals } = parse(rest, { json: { type: 'boolean' } });
      await call('projects.open', { dir: needDir(positionals, 'templates'), toRead: true });
      const list = await call('templates.list', {});
      if (values.json) out(JSON.stringify(list, null, 1) + '\n');
      else for (const t of list) out(`${t.id}  ${t.name}  (${t.size}${t.builtIn ? `, ${say('cli.builtIn')}` : ''})\n`);
      return 0;
    }
    case 'export': {
      const { values, positionals } = parse(rest, {
        template: { type: 'string' },
        size: { type: 'string' },
        dpi: { type: 'string' },
        format: { type: 'string' },
        bleed: { type: 'string' },
        marks: { type: 'boolean' },
        cmyk: { type: 'boolean' },
        per: { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean' },
        quiet: { type: 'boolean' },
        impose: { type: 'string' },
        photos: { type: 'string' },
        'raster-marks': { type: 'boolean' },
        'allow-low-res': { type: 'boolean' },
        icc: { type: 'string' },
      });
      const dir = needDir(positionals, 'export');
      const num = (name: string, v: unknown, dflt: number) => {
        if (v === undefined) return dflt;
        const n = Number(v);
        if (!Number.isFinite(n)) throw new UsageError(`export: --${name} must be a number, not "${v}"`);
        return n;
      };
      const format = (values.format as string | undefined) ?? 'jpeg';
      if (!['jpeg', 'jpg', 'tiff', 'tif', 'pdf'].includes(format))
        throw new UsageError(`export: --format is jpeg, tiff or pdf (got "${format}")`);
      const per = (values.per as string | undefined) ?? 'worker';
      if (per !== 'worker' && per !== 'photo') throw new UsageError(`export: --per is worker or photo (got "${per}")`);
      const impose = values.impose as string | undefined;
      if (impose !== undefined && impose !== 'A4' && impose !== 'A3')
        throw new UsageError(`export: --impose is A4 or A3 (got "${impose}")`);
      await call('projects.open', { dir, toRead: true });
      const request = {
        templateId: (values.template as string | undefined) ?? 'simple-white-10',
        size: values.size as string | undefined,
        dpi: num('dpi', values.dpi, 300),
        format: (format === 'jpg' ? 'jpeg' : format === 'tif' ? 'tiff' : format) as 'jpeg' | 'tiff' | 'pdf',
        bleedMm: num('bleed', values.bleed, 3),
        marks: !!values.marks,
        cmyk: !!values.cmyk,
        per: per as 'worker' | 'photo',
        outDir: values.out ? path.resolve(values.out as string) : undefined,
        impose: impose as 'A4' | 'A3' | undefined,
        photoIds: values.photos
          ? (values.photos as string)
              .split(',')
              .map((x) => x.trim())
              .filter(Boolean)
          : undefined,
        rasterMarks: !!values['raster-marks'],
        allowLowRes: !!values['allow-low-res'],
        icc: values.icc ? path.resolve(values.icc as string) : undefined,
      };
      const summary = await runJob('export', request, !!values.quiet);
      if (values.json)
        out(
          JSON.stringify({
            files: summary.files.map(({ path: p, workerId, photoId, widthPx, heightPx, ppi, reused }) => ({
              path: p,
              workerId,
              photoId,
              widthPx,
              heightPx,
              ppi,
              reused,
            })),
            orderSheet: summary.orderSheet,
            written: summary.written,
            reused: summary.reused,
            pages: summary.pages,
            minimumPages: summary.minimumPages,
            profile: summary.profile,
            skipped: localize(summary.skipped),
            warnings: summary.warnings.map((w) => ({ key: w.key, message: say(w.key, w.params) })),
            cancelled: summary.cancelled,
          }) + '\n',
        );
      else {
        out(
          `${say('cli.exported', { written: summary.written, reused: summary.reused, where: summary.files[0] ? say('cli.to', { dir: path.dirname(summary.files[0].path) }) : '', sheet: summary.orderSheet.pdf ?? '—' })}\n`,
        );
        if (summary.pages) out(`  ${say('cli.pages', { pages: summary.pages, minimum: summary.minimumPages })}\n`);
        for (const s of localize(summary.skipped))
          out(`  ${say('cli.skipped', { who: s.workerId ?? s.photoId ?? '', reason: s.reason })}\n`);
        for (const w of summary.warnings) out(`  ${say('cli.warning', { text: say(w.key, w.params) })}\n`);
      }
      // A gift refused (too soft) or failed is not a finished job for a script that checks the exit code; a worker
      // who declined, or who is in no photo, is.
      return summary.skipped.some((s) => !EXPECTED_SKIPS.has(s.key ?? '')) ? 3 : 0;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/** Skips that are the roster's doing, not a failure of the export. */
const EXPECTED_SKIPS = new Set(['gift.declined', 'gift.noPhoto', 'export.skip.notInPhotos']);

/** "0.2,0.1,0.3,0.4" → a region; anything else is bad usage. */
function parseRegion(text: string) {
  const parts = text.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n)))
    throw new UsageError(`--region is x,y,w,h as fractions of the photo (got "${text}")`);
  const [x, y, w, h] = parts as [number, number, number, number];
  return { x, y, w, h };
}

/** Lets the last coalesced catalog write land and releases the project before the process exits. */
export async function closeProject(): Promise<void> {
  await services.close();
}

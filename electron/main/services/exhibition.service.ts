import { AppError } from '../../../shared/errors';
import { msg, reasonOf } from '../../../shared/i18n/messages';
import {
  layoutBoard,
  parseBoardSize,
  placeNumber,
  shareAcrossBoards,
  type BoardBox,
} from '../../../shared/logic/board-layout';
import { exhibitRule } from '../../../shared/logic/photo-usage';
import { isWebAddress } from '../../../shared/logic/qr';
import type {
  Board,
  ExcludedPhoto,
  Exhibition,
  ExhibitionPlan,
  ExhibitOrder,
  PlacedOnBoard,
} from '../../../shared/model/exhibition';
import type { Photo } from '../../../shared/model/photo';
import type { Worker } from '../../../shared/model/roster';
import type { CampaignService } from './campaign.service';
import type { HistoryService } from './history.service';
import type { ProjectSession } from './project-session';

export const DEFAULT_EXHIBITION = 'default';
/** Photos per board when the number of boards is not given: a 90×120 cm board holds about this many at a readable size. */
const PHOTOS_PER_BOARD = 30;
/** Rated at least this, when nothing is picked, a photo is chosen for the wall. */
const MIN_RATING = 3;
const BOARD_DEFAULTS = {
  widthMm: 900,
  heightMm: 1200,
  background: '#ffffff',
  marginMm: 40,
  gutterMm: 12,
  headerMm: 120,
  captionMm: 18,
};

export interface PlanOptions {
  title?: string;
  boards?: number;
  boardSize?: string;
  order?: ExhibitOrder;
  /** board look, for every board: background colour, margins and gutters in mm, the header band on or off */
  background?: string;
  marginMm?: number;
  gutterMm?: number;
  header?: boolean;
}

/**
 * The exhibition (展览): which photos may hang (everyone in them agreed), in which order, on which board and
 * where. Auto-fill lays the chosen photos on the boards; the plan is kept in the project.
 */
export class ExhibitionService {
  constructor(private readonly deps: { session: ProjectSession; history: HistoryService; campaign: CampaignService }) {}

  private get catalog() {
    return this.deps.session.require();
  }

  list(): Exhibition[] {
    return this.catalog.all('exhibitions');
  }

  get(id = DEFAULT_EXHIBITION): Exhibition {
    const e = this.catalog.get('exhibitions', id);
    if (!e) throw new AppError('NOT_FOUND', msg('exhibit.none', { id }));
    return e;
  }

  /** Changes what the exhibition says about itself (title, subtitle, venue, dates, organisers, gallery address). */
  update(
    patch: Partial<
      Pick<
        Exhibition,
        'title' | 'subtitle' | 'venue' | 'dates' | 'organizers' | 'galleryUrl' | 'preface' | 'coverPhotoId' | 'logos'
      >
    >,
    id = DEFAULT_EXHIBITION,
  ): Exhibition {
    if (patch.coverPhotoId && !this.catalog.photo(patch.coverPhotoId))
      throw new AppError('NOT_FOUND', msg('photo.notFound', { id: patch.coverPhotoId }));
    const url = patch.galleryUrl?.trim();
    if (url && !isWebAddress(url))
      throw new AppError('VALIDATION', msg('exhibit.badBaseUrl', { url, schemes: 'http:// https://' }));
    const next = { ...this.get(id), ...patch, ...(patch.galleryUrl !== undefined ? { galleryUrl: url || null } : {}) };
    this.deps.history.record({ zh: '修改展览信息', en: 'Edited the exhibition' }, () =>
      this.catalog.put('exhibitions', next),
    );
    return next;
  }

  /**
   * Moves a photo to another place: on `toBoardId`, before `beforePhotoId` (or at the end). Both boards are laid
   * out again in their new order and renumbered; refused by name when the board cannot take it.
   */
  move(photoId: string, toBoardId: string, beforePhotoId: string | null, id = DEFAULT_EXHIBITION): Exhibition {
    const e = this.get(id);
    const from = e.boards.find((b) => b.photos.some((p) => p.photoId === photoId));
    if (!from) throw new AppError('NOT_FOUND', msg('exhibit.notOnWall', { id: photoId }));
    const to = e.boards.find((b) => b.id === toBoardId);
    if (!to) throw new AppError('NOT_FOUND', msg('exhibit.noBoard', { id: toBoardId }));
    const orders = new Map(e.boards.map((b) => [b.id, b.photos.map((p) => p.photoId)]));
    orders.set(
      from.id,
      orders.get(from.id)!.filter((x) => x !== photoId),
    );
    const target = orders.get(to.id)!;
    const at = beforePhotoId ? target.indexOf(beforePhotoId) : -1;
    target.splice(at < 0 ? target.length : at, 0, photoId);
    const next = this.relaid(e, orders);
    this.deps.history.record({ zh: '移动展板上的照片', en: 'Moved a photo on the boards' }, () =>
      this.catalog.put('exhibitions', next),
    );
    return next;
  }

  /** Takes a photo off the wall (auto-fill leaves it off too, until it is put back); its board closes up. */
  remove(photoId: string, id = DEFAULT_EXHIBITION): Exhibition {
    const e = this.get(id);
    if (!e.boards.some((b) => b.photos.some((p) => p.photoId === photoId)))
      throw new AppError('NOT_FOUND', msg('exhibit.notOnWall', { id: photoId }));
    const orders = new Map(e.boards.map((b) => [b.id, b.photos.map((p) => p.photoId).filter((x) => x !== photoId)]));
    const next = { ...this.relaid(e, orders), removed: [...new Set([...(e.removed ?? []), photoId])] };
    this.deps.history.record({ zh: '从展板上撤下照片', en: 'Took a photo off the boards' }, () =>
      this.catalog.put('exhibitions', next),
    );
    return next;
  }

  /** Puts a photo taken off the wall back, at the end of the last board. */
  restore(photoId: string, id = DEFAULT_EXHIBITION): Exhibition {
    const e = this.get(id);
    if (!(e.removed ?? []).includes(photoId))
      throw new AppError('NOT_FOUND', msg('exhibit.notRemoved', { id: photoId }));
    const orders = new Map(e.boards.map((b) => [b.id, b.photos.map((p) => p.photoId)]));
    orders.get(e.boards.at(-1)!.id)!.push(photoId);
    const next = { ...this.relaid(e, orders), removed: (e.removed ?? []).filter((x) => x !== photoId) };
    this.deps.history.record({ zh: '把照片放回展板', en: 'Put a photo back on the boards' }, () =>
      this.catalog.put('exhibitions', next),
    );
    return next;
  }

  /** What is off the wall and why (declined, gift only, not asked, taken off by hand), without changing anything. */
  leftOff(id = DEFAULT_EXHIBITION): Pick<ExhibitionPlan, 'excluded' | 'toAsk'> {
    const { excluded, toAsk } = this.wallChoice(this.catalog.get('exhibitions', id) ?? null);
    return { excluded, toAsk };
  }

  /** The chosen photos split into those that may hang and those left off, with the reason for each. */
  private wallChoice(existing: Exhibition | null) {
    const confirmed = new Set(existing?.confirmed ?? []);
    const removed = new Set(existing?.removed ?? []);
    const workers = new Map(this.catalog.all('workers').map((w) => [w.id, w]));
    const excluded: ExcludedPhoto[] = [];
    const toAsk: string[] = [];
    const hanging = chosenPhotos(this.catalog.photos()).filter((p) => {
      if (removed.has(p.id)) {
        excluded.push({ photoId: p.id, ...reasonOf(msg('exhibit.removedByHand')) });
        return false;
      }
      const rule = exhibitRule(p.workers.map((w) => workers.get(w)).filter((w): w is Worker => !!w));
      if (rule.rule === 'yes' || (rule.rule === 'ask' && confirmed.has(p.id))) return true;
      if (rule.rule === 'ask') toAsk.push(p.id);
      excluded.push({ photoId: p.id, ...reasonOf(rule.reason) });
      return false;
    });
    return { hanging, excluded, toAsk, workers };
  }

  /** Makes a photo large (a row of its own on its board) or back to its row; the board is laid out again. */
  setLarge(photoId: string, large: boolean, id = DEFAULT_EXHIBITION): Exhibition {
    const e = this.get(id);
    if (!e.boards.some((b) => b.photos.some((p) => p.photoId === photoId)))
      throw new AppError('NOT_FOUND', msg('exhibit.notOnWall', { id: photoId }));
    const set = new Set(e.large ?? []);
    if (large) set.add(photoId);
    else set.delete(photoId);
    const orders = new Map(e.boards.map((b) => [b.id, b.photos.map((p) => p.photoId)]));
    const next = this.relaid({ ...e, large: [...set] }, orders);
    this.deps.history.record(
      large
        ? { zh: '放大展板上的照片', en: 'Made a photo large on its board' }
        : { zh: '照片恢复原大小', en: 'Put a photo back to its row' },
      () => this.catalog.put('exhibitions', next),
    );
    return next;
  }

  /** The boards laid out again with these photo orders, places renumbered. */
  private relaid(e: Exhibition, orders: Map<string, string[]>): Exhibition {
    const large = new Set(e.large ?? []);
    const boards = e.boards.map((board, b) => ({
      ...board,
      photos: placed(
        board,
        orders
          .get(board.id)!
          .map((pid) => this.catalog.photo(pid))
          .filter((p): p is Photo => !!p),
        b,
        large,
      ),
    }));
    return { ...e, boards };
  }

  /**
   * The user confirms photos whose workers were not asked yet (they said yes in person, or the union takes it on):
   * the next auto-fill places them. A photo someone declined or kept to a gift cannot be confirmed.
   */
  confirm(photoIds: string[], id = DEFAULT_EXHIBITION): Exhibition {
    const catalog = this.catalog;
    const workers = new Map(catalog.all('workers').map((w) => [w.id, w]));
    for (const photoId of photoIds) {
      const photo = catalog.photo(photoId);
      if (!photo) throw new AppError('NOT_FOUND', msg('photo.notFound', { id: photoId }));
      const rule = exhibitRule(photo.workers.map((w) => workers.get(w)).filter((w): w is Worker => !!w));
      if (rule.rule === 'never') throw new AppError('VALIDATION', rule.reason);
    }
    const existing = catalog.get('exhibitions', id) ?? this.plan({}, id).exhibition;
    // Confirmed photos not on the wall yet go up at the end of the last board; the rest of the plan stays as it is.
    const onWall = new Set(existing.boards.flatMap((b) => b.photos.map((p) => p.photoId)));
    const orders = new Map(existing.boards.map((b) => [b.id, b.photos.map((p) => p.photoId)]));
    if (existing.boards.length)
      orders.get(existing.boards.at(-1)!.id)!.push(...photoIds.filter((pid) => !onWall.has(pid)));
    const next = { ...this.relaid(existing, orders), confirmed: [...new Set([...existing.confirmed, ...photoIds])] };
    this.deps.history.record(
      { zh: `确认 ${photoIds.length} 张照片可以展出`, en: `Confirmed ${photoIds.length} photo(s) for the wall` },
      () => catalog.put('exhibitions', next),
    );
    return next;
  }

  /**
   * Creates or refreshes an exhibition by auto-fill: the chosen photos (picked; else rated 3 and up; else all not
   * rejected) that may hang, in the order asked, shared evenly across the boards and laid out on each. Photos
   * left out are listed with the reason; those with a worker not yet asked form the "to ask" list.
   */
  plan(opts: PlanOptions = {}, id = DEFAULT_EXHIBITION): ExhibitionPlan {
    const catalog = this.catalog;
    const existing = catalog.get('exhibitions', id);
    const size = opts.boardSize ? parseBoardSize(opts.boardSize) : null;
    if (opts.boardSize && !size)
      throw new AppError('VALIDATION', msg('exhibit.badBoardSize', { size: opts.boardSize }));
    if (opts.boards !== undefined && (!Number.isInteger(opts.boards) || opts.boards < 1 || opts.boards > 200))
      throw new AppError('VALIDATION', msg('exhibit.badBoardCount', { count: String(opts.boards) }));
    const order = opts.order ?? existing?.order ?? 'company';
    const confirmed = new Set(existing?.confirmed ?? []);

    const { hanging, excluded, toAsk, workers } = this.wallChoice(existing ?? null);
    const ordered = sortForWall(hanging, order, workers);

    const template = existing?.boards[0] ?? null;
    const boardSize =
      size ??
      (template
        ? { widthMm: template.widthMm, heightMm: template.heightMm }
        : { widthMm: BOARD_DEFAULTS.widthMm, heightMm: BOARD_DEFAULTS.heightMm });
    const count = opts.boards ?? Math.max(1, Math.ceil(ordered.length / PHOTOS_PER_BOARD));
    const shares = shareAcrossBoards(ordered.length, count);
    // Every board looks the same: the last plan's look, what this request changes, the size asked.
    const kept = template
      ? {
          background: template.background,
          marginMm: template.marginMm,
          gutterMm: template.gutterMm,
          headerMm: template.headerMm,
          captionMm: template.captionMm ?? BOARD_DEFAULTS.captionMm,
        }
      : {};
    const asked = {
      ...(opts.background !== undefined ? { background: opts.background } : {}),
      ...(opts.marginMm !== undefined ? { marginMm: opts.marginMm } : {}),
      ...(opts.gutterMm !== undefined ? { gutterMm: opts.gutterMm } : {}),
      ...(opts.header !== undefined
        ? { headerMm: opts.header ? template?.headerMm || BOARD_DEFAULTS.headerMm : 0 }
        : {}),
    };
    const box = { ...BOARD_DEFAULTS, ...kept, ...asked, ...boardSize };
    const large = new Set(existing?.large ?? []);
    let next = 0;
    const boards: Board[] = shares.map((n, b) => {
      const photos = ordered.slice(next, next + n);
      next += n;
      return { id: `board-${b + 1}`, name: `展板 ${b + 1}`, ...box, photos: placed(box, photos, b, large) };
    });
    const campaign = this.deps.campaign.campaign();
    const exhibition: Exhibition = {
      id,
      title: opts.title?.trim() || existing?.title || campaign.theme,
      subtitle: existing?.subtitle ?? campaign.theme,
      venue: existing?.venue ?? null,
      dates: existing?.dates ?? null,
      organizers: existing?.organizers ?? campaign.organizer,
      galleryUrl: existing?.galleryUrl ?? null,
      order,
      confirmed: [...confirmed],
      removed: existing?.removed ?? [],
      large: existing?.large ?? [],
      boards,
    };
    this.deps.history.record(
      { zh: `自动排版展览（${boards.length} 块展板）`, en: `Auto-filled the exhibition (${boards.length} boards)` },
      () => catalog.put('exhibitions', exhibition),
    );
    return { exhibition, excluded, toAsk };
  }
}

const round = (mm: number) => Math.round(mm * 100) / 100;

/** Photos laid out on board `b` (0-based) in their order, numbered 板3-05; refused by name when the board cannot take them. */
function placed(box: BoardBox, photos: Photo[], b: number, large: ReadonlySet<string>): PlacedOnBoard[] {
  const layout = layoutBoard(
    photos.map((p) => p.width / p.height),
    box,
    new Set(photos.flatMap((p, i) => (large.has(p.id) ? [i] : []))),
  );
  if (!layout)
    throw new AppError(
      'VALIDATION',
      msg('exhibit.boardTooSmall', { size: `${box.widthMm}×${box.heightMm}`, margin: box.marginMm }),
    );
  return layout.placed.map((pl, k) => ({
    photoId: photos[pl.index]!.id,
    number: placeNumber(b + 1, k + 1),
    xMm: round(pl.xMm),
    yMm: round(pl.yMm),
    wMm: round(pl.wMm),
    hMm: round(pl.hMm),
  }));
}

/** The wall's choice: the picked photos; else those rated 3 and up; else every photo not rejected. */
function chosenPhotos(photos: Photo[]): Photo[] {
  const usable = photos.filter((p) => p.flag !== 'rejected');
  const picked = usable.filter((p) => p.flag === 'picked');
  if (picked.length) return picked;
  const rated = usable.filter((p) => p.rating >= MIN_RATING);
  return rated.length ? rated : usable;
}

/** Orders photos for the wall; ties by capture time, then file name, so a refresh keeps the same order. */
function sortForWall(photos: Photo[], order: ExhibitOrder, workers: Map<string, Worker>): Photo[] {
  const zh = new Intl.Collator('zh-CN');
  const firstWorker = (p: Photo) => workers.get(p.workers[0] ?? '')?.pinyin ?? '\uffff';
  const key: Record<ExhibitOrder, (p: Photo) => string> = {
    company: (p) => p.company ?? '\uffff',
    photographer: (p) => p.photographer ?? '\uffff',
    day: (p) => p.shootDay ?? p.capturedAt ?? '\uffff',
    name: firstWorker,
  };
  return [...photos].sort(
    (a, b) =>
      zh.compare(key[order](a), key[order](b)) ||
      (a.capturedAt ?? '').localeCompare(b.capturedAt ?? '') ||
      a.originalName.localeCompare(b.originalName),
  );
}

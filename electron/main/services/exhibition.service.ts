import { AppError } from '../../../shared/errors';
import { msg, reasonOf } from '../../../shared/i18n/messages';
import { layoutBoard, parseBoardSize, placeNumber, shareAcrossBoards } from '../../../shared/logic/board-layout';
import { exhibitRule } from '../../../shared/logic/photo-usage';
import type { Board, ExcludedPhoto, Exhibition, ExhibitionPlan, ExhibitOrder } from '../../../shared/model/exhibition';
import type { Photo } from '../../../shared/model/photo';
import type { Worker } from '../../../shared/model/roster';
import type { GiftService } from './gift.service';
import type { HistoryService } from './history.service';
import type { ProjectSession } from './project-session';

export const DEFAULT_EXHIBITION = 'default';
/** Photos per board when the number of boards is not given: a 90×120 cm board holds about this many at a readable size. */
const PHOTOS_PER_BOARD = 30;
/** Rated at least this, when nothing is picked, a photo is chosen for the wall. */
const MIN_RATING = 3;
const BOARD_DEFAULTS = { widthMm: 900, heightMm: 1200, background: '#ffffff', marginMm: 40, gutterMm: 12, headerMm: 120, captionMm: 18 };

export interface PlanOptions {
  title?: string;
  boards?: number;
  boardSize?: string;
  order?: ExhibitOrder;
}

/**
 * The exhibition (展览): which photos may hang (everyone in them agreed), in which order, on which board and
 * where. Auto-fill lays the chosen photos on the boards; the plan is kept in the project.
 */
export class ExhibitionService {
  constructor(private readonly deps: { session: ProjectSession; history: HistoryService; gifts: GiftService }) {}

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
  update(patch: Partial<Pick<Exhibition, 'title' | 'subtitle' | 'venue' | 'dates' | 'organizers' | 'galleryUrl' | 'preface'>>, id = DEFAULT_EXHIBITION): Exhibition {
    const next = { ...this.get(id), ...patch };
    this.deps.history.record({ zh: '修改展览信息', en: 'Edited the exhibition' }, () => this.catalog.put('exhibitions', next));
    return next;
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
    const next = { ...existing, confirmed: [...new Set([...existing.confirmed, ...photoIds])] };
    this.deps.history.record({ zh: `确认 ${photoIds.length} 张照片可以展出`, en: `Confirmed ${photoIds.length} photo(s) for the wall` }, () => catalog.put('exhibitions', next));
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
    if (opts.boardSize && !size) throw new AppError('VALIDATION', msg('exhibit.badBoardSize', { size: opts.boardSize }));
    if (opts.boards !== undefined && (!Number.isInteger(opts.boards) || opts.boards < 1 || opts.boards > 200)) throw new AppError('VALIDATION', msg('exhibit.badBoardCount', { count: String(opts.boards) }));
    const order = opts.order ?? existing?.order ?? 'company';
    const confirmed = new Set(existing?.confirmed ?? []);

    const workers = new Map(catalog.all('workers').map((w) => [w.id, w]));
    const chosen = chosenPhotos(catalog.photos());
    const excluded: ExcludedPhoto[] = [];
    const toAsk: string[] = [];
    const hanging = chosen.filter((p) => {
      const rule = exhibitRule(p.workers.map((w) => workers.get(w)).filter((w): w is Worker => !!w));
      if (rule.rule === 'yes' || (rule.rule === 'ask' && confirmed.has(p.id))) return true;
      if (rule.rule === 'ask') toAsk.push(p.id);
      excluded.push({ photoId: p.id, ...reasonOf(rule.reason) });
      return false;
    });
    const ordered = sortForWall(hanging, order, workers);

    const template = existing?.boards[0] ?? null;
    const boardSize = size ?? (template ? { widthMm: template.widthMm, heightMm: template.heightMm } : { widthMm: BOARD_DEFAULTS.widthMm, heightMm: BOARD_DEFAULTS.heightMm });
    const count = opts.boards ?? Math.max(1, Math.ceil(ordered.length / PHOTOS_PER_BOARD));
    const shares = shareAcrossBoards(ordered.length, count);
    let next = 0;
    const boards: Board[] = shares.map((n, b) => {
      const photos = ordered.slice(next, next + n);
      next += n;
      const box = { ...BOARD_DEFAULTS, ...(template ? { background: template.background, marginMm: template.marginMm, gutterMm: template.gutterMm, headerMm: template.headerMm, captionMm: template.captionMm ?? BOARD_DEFAULTS.captionMm } : {}), ...boardSize };
      const layout = layoutBoard(photos.map((p) => p.width / p.height), box);
      if (!layout) throw new AppError('VALIDATION', msg('exhibit.boardTooSmall', { size: `${box.widthMm}×${box.heightMm}`, margin: box.marginMm }));
      return {
        id: `board-${b + 1}`,
        name: `展板 ${b + 1}`,
        ...box,
        photos: layout.placed.map((pl, k) => ({ photoId: photos[pl.index]!.id, number: placeNumber(b + 1, k + 1), xMm: round(pl.xMm), yMm: round(pl.yMm), wMm: round(pl.wMm), hMm: round(pl.hMm) })),
      };
    });
    const campaign = this.deps.gifts.campaign();
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
      boards,
    };
    this.deps.history.record({ zh: `自动排版展览（${boards.length} 块展板）`, en: `Auto-filled the exhibition (${boards.length} boards)` }, () => catalog.put('exhibitions', exhibition));
    return { exhibition, excluded, toAsk };
  }
}

const round = (mm: number) => Math.round(mm * 100) / 100;

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
  return [...photos].sort((a, b) => zh.compare(key[order](a), key[order](b)) || (a.capturedAt ?? '').localeCompare(b.capturedAt ?? '') || a.originalName.localeCompare(b.originalName));
}

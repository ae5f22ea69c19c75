import { AppError } from '../../../shared/errors';
import type { HistoryEntry, HistoryLabel, HistoryState } from '../../../shared/model/history';
import type { EventBus } from '../events';
import type { TrackedChange } from '../repositories/catalog.repository';
import type { ProjectSession } from './project-session';
import { msg } from '../../../shared/i18n/messages';

const LIMIT = 200;

interface Recorded extends HistoryEntry {
  change: TrackedChange;
  project: string;
}

/** Undo and redo for every catalog edit. Each entry holds the before and after of what it touched, nothing more. */
export class HistoryService {
  private entries: Recorded[] = [];
  private cursor = 0;

  constructor(private readonly deps: { session: ProjectSession; events: EventBus }) {}

  /** Runs an edit against the open catalog and records it under a label the user will see in the history. */
  record<T>(label: HistoryLabel, edit: () => T): T {
    const catalog = this.deps.session.require();
    const { result, change } = catalog.track(edit);
    if (change.before.size === 0) return result; // nothing changed: nothing to undo
    this.dropOtherProjects(catalog.project.id);
    this.entries = this.entries.slice(0, this.cursor);
    this.entries.push({
      id: (this.entries.at(-1)?.id ?? 0) + 1,
      label,
      at: new Date().toISOString(),
      count: change.before.size,
      change,
      project: catalog.project.id,
    });
    if (this.entries.length > LIMIT) this.entries.shift();
    this.cursor = this.entries.length;
    this.announce(change);
    return result;
  }

  undo(): HistoryState {
    const entry = this.entries[this.cursor - 1];
    if (!entry) throw new AppError('CONFLICT', msg('history.nothingToUndo'));
    this.deps.session.require().restore(entry.change.before);
    this.cursor--;
    this.announce(entry.change);
    return this.state();
  }

  redo(): HistoryState {
    const entry = this.entries[this.cursor];
    if (!entry) throw new AppError('CONFLICT', msg('history.nothingToRedo'));
    this.deps.session.require().restore(entry.change.after);
    this.cursor++;
    this.announce(entry.change);
    return this.state();
  }

  /** Forgets every entry (a freshly built demo has nothing to undo). */
  clear(): void {
    this.entries = [];
    this.cursor = 0;
  }

  state(): HistoryState {
    const current = this.deps.session.current?.project.id;
    this.dropOtherProjects(current);
    return { entries: this.entries.map(({ id, label, at, count }) => ({ id, label, at, count })), cursor: this.cursor };
  }

  /** History belongs to one project: opening another starts afresh. */
  private dropOtherProjects(project: string | undefined) {
    if (this.entries.length && this.entries[0]!.project !== project) {
      this.entries = [];
      this.cursor = 0;
    }
  }

  private announce(change: TrackedChange) {
    const ids = [...change.before.keys()].filter((k) => k.startsWith('photos:')).map((k) => k.slice(7));
    this.deps.events.emit('photos.changed', { ids, jobId: null });
    this.deps.events.emit('catalog.changed', { history: true });
  }
}

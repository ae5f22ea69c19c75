import path from 'node:path';
import type { JobProgress } from '../../shared/model/job';
import { say } from './language';

const BAR_WIDTH = 24;

/** The words of a job's progress: what, how far, how fast, how long still, on what. */
export function progressText(p: JobProgress): string {
  const eta = p.etaSeconds === null || p.done >= p.total ? '' : say('cli.eta', { seconds: Math.ceil(p.etaSeconds) });
  const file = p.current ? path.basename(p.current) : '';
  return say('cli.jobProgress', {
    what: say(`job.kind.${p.kind}`),
    done: p.done,
    total: p.total,
    rate: p.rate.toFixed(1),
    eta,
    file,
  });
}

/** A bar of how far a job is, `[█████░░░░░]`; an empty one while the total is not known yet. */
export function progressBar(done: number, total: number, width = BAR_WIDTH): string {
  const filled = total > 0 ? Math.min(width, Math.round((done / total) * width)) : 0;
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]`;
}

/**
 * A job's progress on stderr. On a terminal: one bar redrawn in place, cut to the terminal's width. In a log (CI,
 * a pipe, a file): a line a second and the last one, so a log stays short and still shows the end.
 */
export class ProgressLine {
  private lastLine = 0;
  private lastText = '';
  private drawn = false;

  constructor(
    private readonly quiet: boolean,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  show(p: JobProgress): void {
    if (this.quiet) return;
    const text = progressText(p);
    if (this.stream.isTTY) {
      const columns = this.stream.columns || 100;
      const line = `${progressBar(p.done, p.total)} ${text}`.slice(0, columns - 1);
      this.stream.write(`\r${line}\u001b[K`);
      this.drawn = true;
      return;
    }
    const now = Date.now();
    if ((now - this.lastLine < 1000 && p.done < p.total) || text === this.lastText) return;
    this.lastLine = now;
    this.lastText = text;
    this.stream.write(`${text}\n`);
  }

  /** Ends the redrawn line, so what the command prints next starts on its own. */
  end(): void {
    if (this.drawn) this.stream.write('\n');
    this.drawn = false;
  }
}

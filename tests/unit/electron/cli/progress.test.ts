import { describe, expect, it } from 'vitest';
import type { JobProgress } from '../../../../shared/model/job';
import { ProgressLine, progressBar, progressText } from '../../../../electron/cli/progress';

const at = (done: number, total = 10): JobProgress => ({
  jobId: 'j1',
  kind: 'import',
  done,
  total,
  current: `/media/card/DCIM/IMG_${done}.JPG`,
  rate: 2.5,
  etaSeconds: (total - done) / 2.5,
  counts: {},
});

/** A terminal (or a log) that keeps what is written to it. */
function stream(isTTY: boolean, columns = 60) {
  const written: string[] = [];
  return { written, s: { isTTY, columns, write: (t: string) => written.push(t) > 0 } as unknown as NodeJS.WriteStream };
}

describe('the command line’s job progress', () => {
  it('draws a bar of how far, and says what, how far, how fast, how long still and on which file', () => {
    expect(progressBar(0, 10, 10)).toBe('[░░░░░░░░░░]');
    expect(progressBar(5, 10, 10)).toBe('[█████░░░░░]');
    expect(progressBar(12, 10, 10)).toBe('[██████████]');
    expect(progressBar(3, 0, 4)).toBe('[░░░░]');
    expect(progressText(at(4))).toMatch(/^(import|导入)[:：] ?4\/10.*2\.5.*(3 s|3 秒).*IMG_4\.JPG$/);
    // Done: no time left is said.
    expect(progressText(at(10))).not.toMatch(/s left|约剩/);
  });

  it('redraws one line in place on a terminal, cut to its width, and ends it with a newline', () => {
    const { written, s } = stream(true, 40);
    const line = new ProgressLine(false, s);
    line.show(at(1));
    line.show(at(2));
    line.end();
    expect(written.slice(0, 2).every((w) => w.startsWith('\r[') && w.replace(/\r|\u001b\[K/g, '').length <= 39)).toBe(
      true,
    );
    expect(written.at(-1)).toBe('\n');
  });

  it('writes a line a second in a log, and always the last one; nothing when quiet', () => {
    const { written, s } = stream(false);
    const line = new ProgressLine(false, s);
    for (let i = 1; i <= 10; i++) line.show(at(i));
    line.show(at(10)); // the end said twice (its event, then its status) is written once
    line.end();
    expect(written).toHaveLength(2);
    expect(written[0]).toMatch(/1\/10/);
    expect(written[1]).toMatch(/10\/10/);
    expect(written.every((w) => !w.includes('\r'))).toBe(true);
    const quiet = stream(false);
    new ProgressLine(true, quiet.s).show(at(10));
    expect(quiet.written).toEqual([]);
  });
});

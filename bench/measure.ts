// What the benches share: running a side of the comparison in a process of its own (its memory and start-up its
// own), and the median of several timings of an in-process call.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** What every side of a comparison prints: how long it took, and its peak memory. */
export interface Timed {
  seconds: number;
  peakRssMB: number;
}

/** Runs bench/<script> with tsx and returns the JSON of its last printed line; a failure stops the bench. */
export function runScript<T extends Timed>(script: string, ...args: string[]): T {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, script), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as T;
}

/** The median of `runs` timings of `fn`, in ms (an odd number of runs has a middle one). */
export function medianMs(fn: () => unknown, runs: number): number {
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../../shared/errors';
import { msg } from '../../../../shared/i18n/messages';
import type { Box } from '../../../../shared/model/face';

export interface DetectedFace {
  box: Box;
  score: number;
  /** base64 of 128 float32 */
  descriptor: string;
  /** where its crop was written, when asked */
  crop: string | null;
}

export type Detection =
  | { ok: true; faces: DetectedFace[]; tooSmall: number }
  /** MISSING: the file is gone; DECODE: it could not be read as an image */
  | { ok: false; code: 'MISSING' | 'DECODE'; reason: string };

interface Pending {
  id: number;
  file: string;
  crops: string | null;
  resolve: (d: Detection) => void;
  reject: (e: unknown) => void;
}

interface Helper {
  child: ChildProcess;
  ready: Promise<void>;
  busy: Pending | null;
  /** its peak resident memory (bytes), read before it ends */
  peak: number;
}

/**
 * Finds faces and what they look like, in helper processes of their own (face-api on TensorFlow.js' WebAssembly
 * backend: one thread per process, a heap that never shrinks). One photo in flight per helper; the helpers end
 * when `close` is called, giving their memory back.
 */
export class FaceDetectorRepository {
  private helpers: Helper[] = [];
  private queue: Pending[] = [];
  private next = 1;
  private failure: AppError | null = null;
  private peakBytes = 0;
  model = '';

  constructor(
    private readonly opts: {
      script: string;
      /** how many helpers (each holds ~0.4-0.5 GB); defaults to one per core, at most two */
      processes?: number;
      /** the face-api model folder (tests point it at a broken copy) */
      modelDir?: string;
    },
  ) {}

  /** Faces in an upright image file, left to right; their crops written as `${crops}${i}.jpg` when given. */
  detect(file: string, crops: string | null): Promise<Detection> {
    if (this.failure) return Promise.reject(this.failure);
    this.start();
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.next++, file, crops, resolve, reject });
      this.pump();
    });
  }

  /** Ends the helpers (their memory goes back to the system); the next detect starts them again. */
  async close(): Promise<void> {
    const helpers = this.helpers;
    this.helpers = [];
    this.failure = null;
    this.notePeak(helpers);
    await Promise.all(
      helpers.map(
        (h) =>
          new Promise<void>((resolve) => {
            if (h.child.exitCode !== null || h.child.signalCode !== null) return resolve();
            h.child.once('exit', () => resolve());
            h.child.kill();
          }),
      ),
    );
  }

  /** The helpers' peak resident memory added together (bytes; 0 where there is no /proc): the face job's share. */
  peakMemory(): number {
    this.notePeak(this.helpers);
    return this.peakBytes;
  }

  private start() {
    if (this.helpers.length) return;
    const count = Math.max(1, this.opts.processes ?? Math.min(2, os.availableParallelism()));
    for (let i = 0; i < count; i++) this.helpers.push(this.spawn());
  }

  private spawn(): Helper {
    const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_RUN_AS_NODE: '1' };
    if (this.opts.modelDir) env.CHASING_LIGHT_FACE_MODELS = this.opts.modelDir;
    // Electron's own binary runs the script as plain Node (ELECTRON_RUN_AS_NODE); without inherited flags (tsx).
    const child = fork(this.opts.script, [], { env, execArgv: [], stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' });
    let stderr = '';
    child.stderr?.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-2000)));
    const helper: Helper = { child, busy: null, peak: 0, ready: Promise.resolve() };
    helper.ready = new Promise<void>((resolve, reject) => {
      child.on('message', (m: Record<string, unknown>) => {
        if (m.type === 'ready') {
          this.model = String(m.model);
          resolve();
          this.pump();
        } else if (m.type === 'fatal') {
          const err = new AppError('UNSUPPORTED', msg('faces.modelBroken', { file: String(m.file), reason: String(m.reason) }));
          this.fail(err);
          reject(err);
        } else if (helper.busy && m.id === helper.busy.id) {
          const job = helper.busy;
          helper.busy = null;
          this.notePeak(this.helpers);
          job.resolve(m.ok ? { ok: true, faces: m.faces as DetectedFace[], tooSmall: Number(m.tooSmall) } : { ok: false, code: m.code === 'MISSING' ? 'MISSING' : 'DECODE', reason: String(m.reason) });
          this.pump();
        }
      });
      child.on('exit', (code, signal) => {
        if (!this.helpers.includes(helper)) return; // closed on purpose
        const err = new AppError('INTERNAL', msg('faces.helperStopped', { reason: signal ?? `exit ${code}`, detail: stderr.trim().split('\n').at(-1) ?? '' }));
        reject(err);
        // The photo it was on is named as failed; the others go to a fresh helper.
        if (helper.busy) helper.busy.resolve({ ok: false, code: 'DECODE', reason: `the face detector stopped (${signal ?? `exit ${code}`})` });
        helper.busy = null;
        this.helpers = this.helpers.filter((h) => h !== helper);
        if (!this.failure) {
          this.helpers.push(this.spawn());
          this.pump();
        }
      });
    });
    helper.ready.catch(() => undefined);
    return helper;
  }

  private pump() {
    for (const h of this.helpers) {
      if (h.busy || !this.queue.length || !this.model) continue;
      if (h.child.exitCode !== null || !h.child.connected) continue;
      const job = this.queue.shift()!;
      h.busy = job;
      h.child.send({ id: job.id, file: job.file, crops: job.crops });
    }
  }

  private fail(err: AppError) {
    this.failure = err;
    for (const job of this.queue.splice(0)) job.reject(err);
    for (const h of this.helpers) {
      h.busy?.reject(err);
      h.busy = null;
      h.child.kill();
    }
  }

  private notePeak(helpers: Helper[]) {
    for (const h of helpers) h.peak = Math.max(h.peak, readPeak(h.child.pid));
    this.peakBytes = Math.max(this.peakBytes, helpers.reduce((s, h) => s + h.peak, 0));
  }
}

/** A process's peak resident memory from /proc (Linux), 0 elsewhere. */
function readPeak(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The helper script, beside this file from source and from the built out/ folder alike (both two levels down). */
export function faceDetectorScript(root: string): string {
  return path.join(root, 'electron', 'main', 'repositories', 'face-detector', 'worker.cjs');
}

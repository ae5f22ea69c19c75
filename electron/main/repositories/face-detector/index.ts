import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../../shared/errors';
import { msg, type Message } from '../../../../shared/i18n/messages';
import type { Box } from '../../../../shared/model/face';
import { damageReason } from '../decode-damage';
import { HelperFailure, HelperProcess, launchNodeHelper, type HelperReply, type LaunchHelper } from './helper-process';

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
  | { ok: false; code: 'MISSING' | 'DECODE'; reason: string }
  /** its header reads but its picture is cut short or broken: not searched as if whole; `damage` says which */
  | { ok: false; code: 'DAMAGED'; reason: string; damage: Message };

/**
 * Finds faces and what they look like, in helper processes (face-api on TensorFlow.js' WebAssembly backend: one
 * thread per process, a heap that never shrinks). With two cores the work is a pipeline: one helper finds the
 * boxes (the detector's big heap lives there alone), the other measures each face (landmarks, descriptor) and
 * writes its crop, each on its own core. With one core, one helper does both. `close` ends them.
 */
export class FaceDetectorRepository {
  private finder: HelperProcess;
  private describer: HelperProcess;
  /** photos looked at, and how many of them took the SSD's second look and the closer look in tiles */
  private looked = { photos: 0, ssd: 0, tiles: 0 };

  constructor(opts: {
    script: string;
    /** 1: one helper for both stages; 2 (default on two cores or more): one each */ processes?: number;
    modelDir?: string;
    launch?: LaunchHelper;
  }) {
    const env: NodeJS.ProcessEnv = { ...process.env };
    if (opts.modelDir) env.CHASING_LIGHT_FACE_MODELS = opts.modelDir;
    const two = (opts.processes ?? Math.min(2, os.availableParallelism())) >= 2;
    const launch = opts.launch ?? launchNodeHelper;
    this.finder = new HelperProcess(opts.script, [two ? 'detect' : 'detect,describe'], env, launch);
    this.describer = two ? new HelperProcess(opts.script, ['describe'], env, launch) : this.finder;
  }

  get model(): string {
    return this.describer.model || this.finder.model;
  }

  /** Faces in an upright image file, left to right; their crops written as `${crops}${i}.jpg` when given. */
  async detect(
    file: string,
    crops: string | null,
    opts: {
      /** true: always look closer for small faces (about five times slower); false: never; default: when the whole photo shows no face or a small one */ thorough?: boolean;
    } = {},
  ): Promise<Detection> {
    const found = await ask(this.finder, { kind: 'detect', file, tiles: opts.thorough ?? 'auto' });
    if (!found.ok) return failed(found);
    const looked = found.looked as { ssd: boolean; tiles: boolean };
    this.looked = {
      photos: this.looked.photos + 1,
      ssd: this.looked.ssd + Number(looked.ssd),
      tiles: this.looked.tiles + Number(looked.tiles),
    };
    const boxes = found.boxes as { box: Box; score: number }[];
    if (!boxes.length) return { ok: true, faces: [], tooSmall: 0 };
    const described = await ask(this.describer, { kind: 'describe', file, boxes, crops });
    if (!described.ok) return failed(described);
    const faces = (described.faces as DetectedFace[]).sort((a, b) => a.box.x - b.box.x);
    return { ok: true, faces, tooSmall: Number(described.tooSmall) };
  }

  /**
   * What the faces in given boxes look like (a region drawn or imported where the detector saw none), with their
   * crops; boxes too small to tell who, or a file that cannot be read, give nothing.
   */
  async describe(file: string, boxes: Box[], crops: string | null): Promise<DetectedFace[]> {
    const r = await ask(this.describer, {
      kind: 'describe',
      file,
      boxes: boxes.map((b) => ({ box: { x: b.x, y: b.y, w: b.w, h: b.h }, score: 1 })),
      crops,
    });
    return r.ok ? (r.faces as DetectedFace[]) : [];
  }

  /** How many photos were looked at, and how many of them again by the SSD or in tiles (the cost of doubt). */
  passes(): { photos: number; ssd: number; tiles: number } {
    return { ...this.looked };
  }

  /** The helpers' peak resident memory added together (bytes; 0 without /proc): the face job's share. */
  peakMemory(): number {
    return this.finder === this.describer ? this.finder.peak() : this.finder.peak() + this.describer.peak();
  }

  async close(): Promise<void> {
    await Promise.all([this.finder.close(), this.describer.close()]);
  }
}

/** A helper's answer; a helper that cannot start names its model file. */
async function ask(helper: HelperProcess, message: Record<string, unknown>): Promise<HelperReply> {
  try {
    return await helper.request(message);
  } catch (err) {
    if (err instanceof HelperFailure)
      throw new AppError('UNSUPPORTED', msg('faces.modelBroken', { file: err.file, reason: err.reason }));
    throw err;
  }
}

function failed(r: HelperReply): Detection {
  const reason = String(r.reason);
  if (r.code === 'DAMAGED') return { ok: false, code: 'DAMAGED', reason, damage: damageReason(reason) };
  return { ok: false, code: r.code === 'MISSING' ? 'MISSING' : 'DECODE', reason };
}

/**
 * The helper script: beside this file in a checkout (from source and from out/ alike), else the copy the build puts
 * in out/face-helper (a packaged app carries out/ but not the sources).
 */
export function faceDetectorScript(root: string): string {
  const source = path.join(root, 'electron', 'main', 'repositories', 'face-detector', 'worker.cjs');
  return fs.existsSync(source) ? source : path.join(root, 'out', 'face-helper', 'worker.cjs');
}

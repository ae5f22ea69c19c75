// Photos the face photos do not hold, made from them at test time: a close portrait (one face filling most of a
// 1200 × 1200 frame) and a group selfie (seven large faces, some cut off by the frame's edges). The tiny detector
// at 608 px misses both kinds (README, "Faces"); the tests and `npm run bench:faces` check that they are found.
import path from 'node:path';
import sharp, { type OverlayOptions } from 'sharp';
import type { Box } from '../../shared/model/face';

/**
 * Where the face is in each source photo (fractions, a tight box around brows to chin, as face-api's SSD draws
 * it), and who it is (truth.json's names). Read once from those photos; the scenes below crop around them.
 */
const SOURCES = {
  obama1: { file: 'test/obama1.jpg', person: 'obama', face: { x: 0.363, y: 0.186, w: 0.243, h: 0.545 } },
  obama3: { file: 'test/obama3.jpg', person: 'obama', face: { x: 0.45, y: 0.111, w: 0.178, h: 0.152 } },
  alex: { file: 'test/alex_lacamoire1.jpg', person: 'alex_lacamoire', face: { x: 0.416, y: 0.136, w: 0.18, h: 0.413 } },
  kit: { file: 'test/johnsnow_test1.jpg', person: 'kit_harington', face: { x: 0.337, y: 0.122, w: 0.22, h: 0.185 } },
  biden2: { file: 'train/biden/biden2.jpg', person: 'biden', face: { x: 0.36, y: 0.169, w: 0.368, h: 0.466 } },
  rose2: { file: 'train/rose_leslie/img2.jpg', person: 'rose_leslie', face: { x: 0.299, y: 0.153, w: 0.4, h: 0.367 } },
  girl: { file: 'test/obama_and_biden.jpg', person: 'unknown', face: { x: 0.824, y: 0.733, w: 0.064, h: 0.127 } },
} as const;
type Source = keyof typeof SOURCES;

/** A made photo: its file, and who is where in it, left to right (boxes as fractions, cut at the frame). */
export interface Scene {
  file: string;
  /** truth.json's names, left to right */
  people: string[];
  faces: { person: string; box: Box }[];
}

/** A square around a source's face, `side` times the face's width, kept inside the photo; and the face in it. */
async function head(faces: string, source: Source, side: number) {
  const s = SOURCES[source];
  const file = path.join(faces, s.file);
  const { width: W, height: H } = await sharp(file)
    .metadata()
    .then((m) => ({ width: m.width!, height: m.height! }));
  const fw = s.face.w * W;
  const fh = s.face.h * H;
  const size = Math.round(Math.min(fw * side, W, H));
  const left = Math.round(Math.min(Math.max(s.face.x * W + fw / 2 - size / 2, 0), W - size));
  const top = Math.round(Math.min(Math.max(s.face.y * H + fh / 2 - size / 2, 0), H - size));
  const input = await sharp(file).extract({ left, top, width: size, height: size }).toBuffer();
  // The face within the square, as fractions of it.
  return {
    input,
    person: s.person,
    face: { x: (s.face.x * W - left) / size, y: (s.face.y * H - top) / size, w: fw / size, h: fh / size },
  };
}

/**
 * A close portrait: a source's face `fill` of the frame's width, the frame 1200 × 1200, upscaled from the photo as a
 * phone's portrait mode would give it. The default (test/johnsnow_test1.jpg, 0.7) is one the tiny detector alone
 * misses; PORTRAITS are the ones bench:faces measures.
 */
export async function closePortrait(
  faces: string,
  out: string,
  opts: { source?: Source; fill?: number; px?: number } = {},
): Promise<Scene> {
  const { source = 'kit', fill = 0.7, px = 1200 } = opts;
  const s = SOURCES[source];
  const file = path.join(faces, s.file);
  const meta = await sharp(file).metadata();
  const W = meta.width!;
  const H = meta.height!;
  const fw = s.face.w * W;
  const side = Math.round(Math.min(fw / fill, W, H));
  const cx = s.face.x * W + fw / 2;
  const cy = (s.face.y + s.face.h / 2) * H;
  const left = Math.round(Math.min(Math.max(cx - side / 2, 0), W - side));
  const top = Math.round(Math.min(Math.max(cy - side / 2, 0), H - side));
  await sharp(file)
    .extract({ left, top, width: side, height: side })
    .resize(px, px, { kernel: 'lanczos3' })
    .jpeg({ quality: 90 })
    .toFile(out);
  const box = {
    x: (s.face.x * W - left) / side,
    y: (s.face.y * H - top) / side,
    w: fw / side,
    h: (s.face.h * H) / side,
  };
  return { file: out, people: [s.person], faces: [{ person: s.person, box: clip(box) }] };
}

/** Close portraits of six people, their faces half to four fifths of the frame's width. */
export const PORTRAITS = (['obama1', 'alex', 'biden2', 'kit', 'rose2', 'obama3'] as const).flatMap((source) =>
  [0.5, 0.6, 0.7, 0.8].map((fill) => ({ source, fill })),
);

/**
 * A selfie of seven: four faces at the back, three large ones in front over them, cut off by the left edge, the
 * bottom and the right edge (a fifth to two fifths of the face outside the frame). 2400 × 1600, faces 300-560 px.
 * One person is there twice (obama, from two photos): the face photos hold six people in all.
 */
export async function groupSelfie(faces: string, out: string): Promise<Scene> {
  const W = 2400;
  const H = 1600;
  /** who, the face's width in the frame (px), and its centre; drawn in this order, the front row last */
  const layout: { source: Source; width: number; cx: number; cy: number }[] = [
    { source: 'rose2', width: 300, cx: 520, cy: 330 },
    { source: 'kit', width: 300, cx: 960, cy: 300 },
    { source: 'obama3', width: 300, cx: 1400, cy: 320 },
    { source: 'girl', width: 300, cx: 1840, cy: 340 },
    { source: 'alex', width: 520, cx: 150, cy: 1060 },
    { source: 'obama1', width: 520, cx: 1180, cy: 1330 },
    { source: 'biden2', width: 560, cx: 2240, cy: 1080 },
  ];
  const composites: OverlayOptions[] = [];
  const placed: { person: string; box: Box }[] = [];
  for (const p of layout) {
    const h = await head(faces, p.source, 1.5);
    const size = Math.round(p.width / h.face.w);
    const left = Math.round(p.cx - (h.face.x + h.face.w / 2) * size);
    const top = Math.round(p.cy - (h.face.y + h.face.h / 2) * size);
    // Only the part inside the frame is drawn.
    const l = Math.max(0, left);
    const t = Math.max(0, top);
    const input = await sharp(h.input)
      .resize(size, size, { kernel: 'lanczos3' })
      .extract({
        left: l - left,
        top: t - top,
        width: Math.min(W, left + size) - l,
        height: Math.min(H, top + size) - t,
      })
      .toBuffer();
    composites.push({ input, left: l, top: t });
    placed.push({
      person: h.person,
      box: clip({
        x: (left + h.face.x * size) / W,
        y: (top + h.face.y * size) / H,
        w: (h.face.w * size) / W,
        h: (h.face.h * size) / H,
      }),
    });
  }
  await sharp({ create: { width: W, height: H, channels: 3, background: { r: 92, g: 108, b: 124 } } })
    .composite(composites)
    .jpeg({ quality: 90 })
    .toFile(out);
  const sorted = placed.sort((a, b) => a.box.x - b.box.x);
  return { file: out, people: sorted.map((f) => f.person), faces: sorted };
}

/** The part of a box inside the frame. */
function clip(b: Box): Box {
  const x = Math.max(0, b.x);
  const y = Math.max(0, b.y);
  return { x, y, w: Math.min(1, b.x + b.w) - x, h: Math.min(1, b.y + b.h) - y };
}

// A face helper process: face-api (TensorFlow.js on its WebAssembly backend) runs one thread per process and its
// heap never shrinks, so it lives here rather than in the app's process. Plain CommonJS on purpose: it starts with
// `node` (or Electron as node) without a TypeScript loader, and tfjs' node builds are CommonJS.
//
// Two stages, each a role a helper takes (argv[2]: "detect", "describe" or both, comma-separated), so that on two
// cores they run side by side and only one process carries the detector's large heap (README, "Faces"):
//   detect    finds face boxes:          { kind, id, file, tiles }        → { id, ok, boxes: [{ box, score }],
//             looked: { ssd, tiles } (whether the second looks ran) }
//             (the tiny detector; the SSD as well where the tiny one is in doubt: large or cut-off faces)
//             tiles: true (always look closer), false (never), 'auto' (when no face or a small one was found)
//   describe  landmarks + descriptors:   { kind, id, file, boxes, crops } → { id, ok, faces: [{ box, score,
//             descriptor (base64 Float32 × 128), crop }], tooSmall }
// Either answers { id, ok: false, code: 'MISSING' | 'DECODE' | 'DAMAGED', reason } for a photo it cannot read
// (DAMAGED: its header reads but its picture is cut short or broken; it is not searched as if whole), and says
// { type: 'ready', model } once its models are loaded, or { type: 'fatal', code, file, reason }.
'use strict';
const path = require('node:path');
const fs = require('node:fs');

/** What the networks see: the long side fed (they shrink it further; more costs memory, gains nothing). */
const INPUT_PX = 1024;
/** Tiny Face Detector's own input and the score a face must reach (chosen on ../shared/faces: README, "Faces"). */
const DETECTOR_INPUT = 608;
const MIN_SCORE = 0.5;
// Why the tiny detector misses large faces: it is a YOLO v2 net whose largest prior box is 9 × 11 cells of its
// 19 × 19 grid (about half the frame, whatever the input size), and each cell sees a fixed patch of pixels. A face
// filling most of the frame is past both: found with a low score, a shifted box, or not at all; a face cut off by
// the frame's edge has its centre outside, where no cell predicts. Shrinking the input (608 → 320/224) brings the
// face inside a cell's view but not inside the priors: measured, it still misses some and places others badly.
// SSD MobileNet v1 (same package) predicts from six feature maps with default boxes up to the whole frame and
// finds them, at about twice the tiny detector's cost; so it looks again only where the tiny pass is in doubt.
/**
 * The tiny detector's candidates down to this score are looked at, not kept: a large one is a face it half saw.
 * Lower (0.15), junk shapes on ordinary photos called for the SSD on 6 more of bench:faces' 76 photos (22, not 16).
 */
const DOUBT_SCORE = 0.25;
/** A doubtful candidate at least this share of the long side, or a face at least LARGE_FACE, calls for the SSD. */
const DOUBTFUL_FACE = 0.2;
const LARGE_FACE = 0.4;
/** The SSD's own threshold (face-api's default): below it, it names blurred shapes as faces. */
const SSD_MIN_SCORE = 0.5;
/** Faces narrower than this on the 2048 px preview are too small to recognise: counted, not stored. */
const MIN_FACE_PX = 24;
const PREVIEW_PX = 2048;
/** A face narrower than this on the preview (found in the whole photo) calls for the closer look in 'auto'. */
const SMALL_FACE_PX = 100;
const CROP_PX = 160;
const MODEL = `face-api 1.7.15: tiny_face_detector(${DETECTOR_INPUT}) + ssd_mobilenetv1 where in doubt + face_landmark_68 + face_recognition`;

const roles = new Set((process.argv[2] || 'detect,describe').split(','));
// Electron's utility process talks through parentPort (the app); a Node child through process.send.
const port = process.parentPort;
const send = (m) => (port ? port.postMessage(m) : process.send && process.send(m));
const onMessage = (fn) => (port ? port.on('message', (e) => fn(e.data)) : process.on('message', fn));
const reasonOf = (err) => String((err && err.message) || err);

async function main() {
  const modelDir =
    process.env.CHASING_LIGHT_FACE_MODELS ||
    path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
  let sharp, tf, faceapi;
  try {
    sharp = require('sharp');
    tf = require('@tensorflow/tfjs');
    const wasm = require('@tensorflow/tfjs-backend-wasm');
    faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
    // The .wasm files from node_modules: nothing is fetched from anywhere at run time.
    wasm.setWasmPaths(
      path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + path.sep,
    );
    await tf.setBackend('wasm');
    await tf.ready();
  } catch (err) {
    return send({ type: 'fatal', code: 'ENGINE', file: '@tensorflow/tfjs-backend-wasm', reason: reasonOf(err) });
  }
  const nets = [
    ...(roles.has('detect')
      ? [
          ['tiny_face_detector_model', faceapi.nets.tinyFaceDetector],
          ['ssd_mobilenetv1_model', faceapi.nets.ssdMobilenetv1],
        ]
      : []),
    ...(roles.has('describe')
      ? [
          ['face_landmark_68_model', faceapi.nets.faceLandmark68Net],
          ['face_recognition_model', faceapi.nets.faceRecognitionNet],
        ]
      : []),
  ];
  for (const [name, net] of nets) {
    const file = path.join(modelDir, `${name}-weights_manifest.json`);
    try {
      if (!fs.existsSync(file)) throw new Error('the file is missing');
      await net.loadFromDisk(modelDir);
    } catch (err) {
      return send({ type: 'fatal', code: 'MODEL', file, reason: reasonOf(err) });
    }
  }
  const options = new faceapi.TinyFaceDetectorOptions({ inputSize: DETECTOR_INPUT, scoreThreshold: MIN_SCORE });
  const doubtOptions = new faceapi.TinyFaceDetectorOptions({ inputSize: DETECTOR_INPUT, scoreThreshold: DOUBT_SCORE });
  const ssdOptions = new faceapi.SsdMobilenetv1Options({ minConfidence: SSD_MIN_SCORE });
  send({ type: 'ready', model: MODEL });

  // One photo at a time, in the order asked: the WASM backend has one thread.
  let queue = Promise.resolve();
  onMessage((job) => {
    queue = queue.then(async () => {
      try {
        send(await (job.kind === 'detect' ? detect(job) : describe(job)));
      } catch (err) {
        send({ id: job.id, ok: false, code: err instanceof Damaged ? 'DAMAGED' : 'DECODE', reason: reasonOf(err) });
      }
    });
  });

  /**
   * The photo upright, 8-bit sRGB whatever came in (16-bit PNG, greyscale, CMYK): what the networks know. Decoded
   * as strictly as the app decodes photos (decode-damage.ts: JPEG at sharp's 'warning' level, the rest at
   * 'error'): a preview cut short is refused, not searched with its missing rows painted grey.
   */
  async function pixels(file, px) {
    const { format } = await sharp(file).metadata();
    try {
      const img = sharp(file, { failOn: format === 'jpeg' ? 'warning' : 'error' })
        .rotate()
        .resize(px, px, { fit: 'inside', withoutEnlargement: true })
        .toColourspace('srgb')
        .removeAlpha();
      const { data, info } = await img.raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
      return {
        rgb: info.channels === 3 ? data : toRgb(data, info.channels, info.width * info.height),
        width: info.width,
        height: info.height,
      };
    } catch (err) {
      throw new Damaged(reasonOf(err));
    }
  }

  async function withTensor(img, fn) {
    const tensor = tf.tensor3d(img.rgb, [img.height, img.width, 3], 'int32');
    try {
      return await fn(tensor);
    } finally {
      tensor.dispose();
    }
  }

  /** A detector's boxes on an image (as fractions of it; not clipped: a box past the edge says a face is cut off). */
  async function boxesIn(tensor, img, opts) {
    return (await faceapi.detectAllFaces(tensor, opts)).map((d) => ({
      box: {
        x: d.box.x / img.width,
        y: d.box.y / img.height,
        w: d.box.width / img.width,
        h: d.box.height / img.height,
      },
      score: round(d.score),
    }));
  }

  /** The tiny detector's faces on an image. */
  function facesIn(img) {
    return withTensor(img, (tensor) => boxesIn(tensor, img, options));
  }

  /**
   * The whole photo: the tiny detector's faces, and the SSD's too where the tiny one is in doubt (no face; a large
   * face, or one cut off by the edge; a large shape it half took for a face), as it is on close portraits and on
   * groups of large faces. Most photos take the fast path alone.
   */
  function wholeFaces(img) {
    return withTensor(img, async (tensor) => {
      const seen = await boxesIn(tensor, img, doubtOptions);
      const faces = seen.filter((b) => b.score >= MIN_SCORE);
      const long = Math.max(img.width, img.height);
      const share = (b) => (b.box.w * img.width) / long;
      const cut = (b) => b.box.x < 0 || b.box.y < 0 || b.box.x + b.box.w > 1 || b.box.y + b.box.h > 1;
      const doubt =
        !faces.length ||
        faces.some((b) => share(b) >= LARGE_FACE || cut(b)) ||
        seen.some((b) => b.score < MIN_SCORE && share(b) >= DOUBTFUL_FACE);
      return { boxes: doubt ? merge([...faces, ...(await boxesIn(tensor, img, ssdOptions))]) : faces, ssd: doubt };
    });
  }

  async function detect({ id, file, tiles }) {
    if (!fs.existsSync(file)) return { id, ok: false, code: 'MISSING', reason: 'the file is missing' };
    // The tiny detector sees DETECTOR_INPUT px whatever it is given (the SSD 512): shrinking here (sharp, better
    // than the network's bilinear) spares the WASM heap a 1024 px tensor and its float copies.
    const { boxes, ssd } = await wholeFaces(await pixels(file, DETECTOR_INPUT));
    // A closer look when asked, or ('auto') when the whole photo showed no face, or a small one: where there is a
    // small face there are often more (a group, a line), and a workplace photo without a face is rare.
    const smallest = Math.min(...boxes.map((b) => b.box.w));
    const closer = tiles === true || (tiles === 'auto' && (!boxes.length || smallest * PREVIEW_PX < SMALL_FACE_PX));
    if (closer) boxes.push(...(await tiled(file)));
    return { id, ok: true, boxes: merge(boxes), looked: { ssd, tiles: closer } };
  }

  /**
   * A closer look for small faces (a group, a worker across the workshop): the preview in 2×2 overlapping tiles,
   * each fed at the detector's own size, so a face is seen about twice as large as in the whole photo.
   */
  async function tiled(file) {
    const whole = await pixels(file, PREVIEW_PX);
    const W = whole.width,
      H = whole.height;
    const tw = Math.round(W * 0.58),
      th = Math.round(H * 0.58);
    const out = [];
    for (const [left, top] of [
      [0, 0],
      [W - tw, 0],
      [0, H - th],
      [W - tw, H - th],
    ]) {
      const { data, info } = await sharp(whole.rgb, { raw: { width: W, height: H, channels: 3 } })
        .extract({ left, top, width: tw, height: th })
        .resize(DETECTOR_INPUT, DETECTOR_INPUT, { fit: 'inside' })
        .raw()
        .toBuffer({ resolveWithObject: true });
      for (const { box, score } of await facesIn({ rgb: data, width: info.width, height: info.height }))
        out.push({
          box: { x: (left + box.x * tw) / W, y: (top + box.y * th) / H, w: (box.w * tw) / W, h: (box.h * th) / H },
          score,
        });
    }
    return out;
  }

  /** One box per face: of boxes mostly over one another (a face seen whole and in a tile), the surest stays. */
  function merge(boxes) {
    const kept = [];
    for (const b of [...boxes].sort((p, q) => q.score - p.score))
      if (!kept.some((k) => overSmaller(k.box, b.box) > 0.5)) kept.push(b);
    return kept;
  }

  async function describe({ id, file, boxes, crops }) {
    if (!fs.existsSync(file)) return { id, ok: false, code: 'MISSING', reason: 'the file is missing' };
    const img = await pixels(file, INPUT_PX);
    return withTensor(img, async (tensor) => {
      // A face under MIN_FACE_PX on the preview is too small to tell who it is.
      const previewScale = Math.min(PREVIEW_PX, Math.max(img.width, img.height) * 8) / Math.max(img.width, img.height);
      const big = boxes.filter((b) => b.box.w * img.width * previewScale >= MIN_FACE_PX);
      const parents = big.map((b) => ({
        detection: new faceapi.FaceDetection(b.score, new faceapi.Rect(b.box.x, b.box.y, b.box.w, b.box.h), {
          width: img.width,
          height: img.height,
        }),
      }));
      // face-api's own chain from detections on: 68 landmarks, the dlib alignment, the descriptor.
      const described = parents.length
        ? await new faceapi.DetectAllFaceLandmarksTask(Promise.resolve(parents), tensor, false).withFaceDescriptors()
        : [];
      const faces = [];
      for (const f of described) {
        const b = f.detection.box;
        const x = clamp(b.x / img.width),
          y = clamp(b.y / img.height);
        const box = { x, y, w: clamp((b.x + b.width) / img.width) - x, h: clamp((b.y + b.height) / img.height) - y };
        let crop = null;
        if (crops) {
          crop = `${crops}${faces.length}.jpg`;
          await writeCrop(img, b, crop);
        }
        faces.push({
          box,
          score: round(f.detection.score),
          descriptor: Buffer.from(new Float32Array(f.descriptor).buffer).toString('base64'),
          crop,
        });
      }
      return { id, ok: true, faces, tooSmall: boxes.length - big.length };
    });
  }

  /** A square around the face with room for hair and chin, as people lists show faces. */
  async function writeCrop(img, b, file) {
    const side = Math.max(1, Math.floor(Math.min(Math.max(b.width, b.height) * 1.6, img.width, img.height)));
    const left = Math.round(Math.min(Math.max(b.x + b.width / 2 - side / 2, 0), img.width - side));
    const top = Math.round(Math.min(Math.max(b.y + b.height / 2 - side / 2, 0), img.height - side));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await sharp(img.rgb, { raw: { width: img.width, height: img.height, channels: 3 } })
      .extract({ left, top, width: side, height: side })
      .resize(CROP_PX, CROP_PX)
      .jpeg({ quality: 82 })
      .toFile(file);
  }
}

/** A picture whose header reads but whose data does not: cut short, or broken part-way. */
class Damaged extends Error {}

function toRgb(data, channels, n) {
  const out = Buffer.alloc(n * 3);
  const grey = channels < 3;
  for (let i = 0; i < n; i++) {
    out[i * 3] = data[i * channels];
    out[i * 3 + 1] = data[i * channels + (grey ? 0 : 1)];
    out[i * 3 + 2] = data[i * channels + (grey ? 0 : 2)];
  }
  return out;
}
function overSmaller(a, b) {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w <= 0 || h <= 0 ? 0 : (w * h) / Math.min(a.w * a.h, b.w * b.h);
}
const clamp = (v) => Math.min(1, Math.max(0, v));
const round = (v) => Math.round(v * 1000) / 1000;

main().catch((err) => send({ type: 'fatal', code: 'ENGINE', file: '', reason: reasonOf(err) }));

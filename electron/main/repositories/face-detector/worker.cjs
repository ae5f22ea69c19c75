// The face detector's own process: face-api (TensorFlow.js on its WebAssembly backend) runs one thread per process
// and its heap never shrinks, so it lives here rather than in the app's process. Plain CommonJS on purpose: it
// starts with `node` (or Electron as node) without a TypeScript loader, and tfjs' node builds are CommonJS.
//
// Messages in:  { id, file, crops: string | null }    file = an upright image (the 2048 px preview or the original)
// Messages out: { type: 'ready', model } once the models are loaded, or { type: 'fatal', code, file, reason }
//               { id, ok: true, width, height, faces: [{ box: {x,y,w,h} (fractions), score, descriptor (base64
//               Float32 × 128), crop }], tooSmall } or { id, ok: false, code, reason }
'use strict';
const path = require('node:path');
const fs = require('node:fs');

/** What the detector sees: the long side it is fed (the networks shrink it further; more costs memory, gains nothing). */
const INPUT_PX = 1024;
/** Tiny Face Detector's own input and the score a face must reach (chosen on ../shared/faces: README, "Faces"). */
const DETECTOR_INPUT = 608;
const MIN_SCORE = 0.5;
/** Faces narrower than this on the 2048 px preview are too small to recognise: counted, not stored. */
const MIN_FACE_PX = 24;
const PREVIEW_PX = 2048;
const CROP_PX = 160;

const send = (m) => process.send && process.send(m);

async function main() {
  const modelDir = process.env.CHASING_LIGHT_FACE_MODELS || path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
  let sharp, tf, faceapi;
  try {
    sharp = require('sharp');
    tf = require('@tensorflow/tfjs');
    const wasm = require('@tensorflow/tfjs-backend-wasm');
    faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
    // The .wasm files from node_modules: nothing is fetched from anywhere at run time.
    wasm.setWasmPaths(path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + path.sep);
    await tf.setBackend('wasm');
    await tf.ready();
  } catch (err) {
    return send({ type: 'fatal', code: 'ENGINE', file: '@tensorflow/tfjs-backend-wasm', reason: String(err && err.message || err) });
  }
  const nets = [
    ['tiny_face_detector_model', faceapi.nets.tinyFaceDetector],
    ['face_landmark_68_model', faceapi.nets.faceLandmark68Net],
    ['face_recognition_model', faceapi.nets.faceRecognitionNet],
  ];
  for (const [name, net] of nets) {
    const file = path.join(modelDir, `${name}-weights_manifest.json`);
    try {
      if (!fs.existsSync(file)) throw new Error('the file is missing');
      await net.loadFromDisk(modelDir);
    } catch (err) {
      return send({ type: 'fatal', code: 'MODEL', file, reason: String(err && err.message || err) });
    }
  }
  const options = new faceapi.TinyFaceDetectorOptions({ inputSize: DETECTOR_INPUT, scoreThreshold: MIN_SCORE });
  send({ type: 'ready', model: 'face-api 1.7.15 tiny_face_detector(608)+face_landmark_68+face_recognition' });

  // One photo at a time, in the order asked: the WASM backend has one thread.
  let queue = Promise.resolve();
  process.on('message', (job) => {
    queue = queue.then(async () => {
      try {
        send(await detect(job));
      } catch (err) {
        send({ id: job.id, ok: false, code: 'DECODE', reason: String(err && err.message || err) });
      }
    });
  });

  async function detect({ id, file, crops }) {
    if (!fs.existsSync(file)) return { id, ok: false, code: 'MISSING', reason: 'the file is missing' };
    // Upright, 8-bit sRGB whatever came in (16-bit PNG, greyscale, CMYK): what the networks were trained on.
    const img = sharp(file, { failOn: 'none' }).rotate().resize(INPUT_PX, INPUT_PX, { fit: 'inside', withoutEnlargement: true }).toColourspace('srgb').removeAlpha();
    const { data, info } = await img.raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
    const channels = info.channels;
    const rgb = channels === 3 ? data : toRgb(data, channels, info.width * info.height);
    const tensor = tf.tensor3d(rgb, [info.height, info.width, 3], 'int32');
    let found;
    try {
      found = await faceapi.detectAllFaces(tensor, options).withFaceLandmarks().withFaceDescriptors();
    } finally {
      tensor.dispose();
    }
    // The preview's scale: a face under MIN_FACE_PX there is too small to tell who it is.
    const previewScale = Math.min(PREVIEW_PX, Math.max(info.width, info.height) * 8) / Math.max(info.width, info.height);
    const faces = [];
    let tooSmall = 0;
    for (const f of found) {
      const b = f.detection.box;
      const x = clamp(b.x / info.width), y = clamp(b.y / info.height);
      const box = { x, y, w: clamp((b.x + b.width) / info.width) - x, h: clamp((b.y + b.height) / info.height) - y };
      if (b.width * previewScale < MIN_FACE_PX) { tooSmall++; continue; }
      const descriptor = Buffer.from(new Float32Array(f.descriptor).buffer).toString('base64');
      let crop = null;
      if (crops) {
        crop = `${crops}${faces.length}.jpg`;
        await writeCrop(rgb, info, b, crop);
      }
      faces.push({ box, score: round(f.detection.score), descriptor, crop });
    }
    faces.sort((a, b) => a.box.x - b.box.x);
    return { id, ok: true, width: info.width, height: info.height, faces, tooSmall };
  }

  /** A square around the face with room for hair and chin, as people lists show faces. */
  async function writeCrop(rgb, info, b, file) {
    const side = Math.min(Math.max(b.width, b.height) * 1.6, info.width, info.height);
    const left = Math.round(Math.min(Math.max(b.x + b.width / 2 - side / 2, 0), info.width - side));
    const top = Math.round(Math.min(Math.max(b.y + b.height / 2 - side / 2, 0), info.height - side));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await sharp(rgb, { raw: { width: info.width, height: info.height, channels: 3 } })
      .extract({ left, top, width: Math.max(1, Math.floor(side)), height: Math.max(1, Math.floor(side)) })
      .resize(CROP_PX, CROP_PX)
      .jpeg({ quality: 82 })
      .toFile(file);
  }
}

function toRgb(data, channels, n) {
  const out = Buffer.alloc(n * 3);
  for (let i = 0; i < n; i++) {
    const g = channels < 3;
    out[i * 3] = data[i * channels];
    out[i * 3 + 1] = data[i * channels + (g ? 0 : 1)];
    out[i * 3 + 2] = data[i * channels + (g ? 0 : 2)];
  }
  return out;
}
const clamp = (v) => Math.min(1, Math.max(0, v));
const round = (v) => Math.round(v * 1000) / 1000;

main().catch((err) => send({ type: 'fatal', code: 'ENGINE', file: '', reason: String(err && err.message || err) }));

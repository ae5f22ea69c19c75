// The baseline for npm run bench:faces: face-api alone in one process, the tiny detector as the face job had it
// before the SSD's second look (Tiny Face Detector at 608), over the given images fed at 1024 px; with --describe,
// 68 landmarks and the recognition network too, as the face job does. No catalog, no crops, no helper processes.
// Prints {"ms", "seconds", "faces", "peakRssMB", "boxes": {file: [{x, y, w, h}] as fractions}}.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';

const require = createRequire(import.meta.url);
const tf = require('@tensorflow/tfjs');
const wasm = require('@tensorflow/tfjs-backend-wasm');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');

const files = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as string[];
const describe = process.argv.includes('--describe');
wasm.setWasmPaths(
  path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + path.sep,
);
await tf.setBackend('wasm');
await tf.ready();
const models = path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
await faceapi.nets.tinyFaceDetector.loadFromDisk(models);
if (describe) {
  await faceapi.nets.faceLandmark68Net.loadFromDisk(models);
  await faceapi.nets.faceRecognitionNet.loadFromDisk(models);
}
const options = new faceapi.TinyFaceDetectorOptions({ inputSize: 608, scoreThreshold: 0.5 });
const started = performance.now();
let faces = 0;
const boxes: Record<string, { x: number; y: number; w: number; h: number }[]> = {};
for (const file of files) {
  const { data, info } = await sharp(file)
    .rotate()
    .resize(1024, 1024, { fit: 'inside', withoutEnlargement: true })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const tensor = tf.tensor3d(data, [info.height, info.width, 3], 'int32');
  const found = describe
    ? await faceapi.detectAllFaces(tensor, options).withFaceLandmarks().withFaceDescriptors()
    : await faceapi.detectAllFaces(tensor, options);
  tensor.dispose();
  faces += found.length;
  boxes[file] = found
    .map((f: { detection?: { box: FaceBox }; box: FaceBox }) => (f.detection ?? f).box)
    .map((b: FaceBox) => ({
      x: b.x / info.width,
      y: b.y / info.height,
      w: b.width / info.width,
      h: b.height / info.height,
    }));
}
interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}
const peak = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
const ms = performance.now() - started;
console.log(
  JSON.stringify({
    ms,
    seconds: ms / 1000,
    faces,
    peakRssMB: peak ? Math.round((Number(peak[1]) * 1024) / 1e6) : 0,
    boxes,
  }),
);

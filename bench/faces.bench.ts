// npm run bench:faces — faces on this machine, each figure beside its baseline from the same run:
//  1. quality on ../shared/faces: learn one train/ photo per person, then precision and recall of the first
//     suggestion over every face in test/ (truth.json);
//  2. speed and memory of the face job over camera-sized photos of real faces (from their 2048 px previews),
//     with two helper processes and with one, against face-api alone in one process on the same previews;
//  3. ranking 10,000 faces for one worker, against a plain full-distance scan of the same faces;
//  4. the People view over 10,000 faces, against every unknown face measured against every confirmed one.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { createServices } from '../electron/main/container';
import { FaceIndex } from '../shared/logic/face-match';
import { medianMs, runScript, type Timed } from './measure';

const FACES = path.resolve(import.meta.dirname, '../../shared/faces');
const truth = JSON.parse(await fs.readFile(path.join(FACES, 'truth.json'), 'utf8')).photos as Record<string, string[]>;
const work = await fs.mkdtemp(path.join(os.tmpdir(), 'cl-bench-faces-'));
const mb = (b: number) => Math.round(b / 1e6);

// --- 1. quality -------------------------------------------------------------------------------------
{
  const services = createServices({ home: path.join(work, 'home-q') });
  await services.projects.create(path.join(work, 'quality'), 'quality');
  await services.importer.run({ paths: [path.join(FACES, 'train'), path.join(FACES, 'test')] });
  const keyOf = new Map(services.photos.list().map((p) => [p.id, path.relative(FACES, p.path).split(path.sep).join('/')]));
  const r = await services.faceJob.done(services.faceJob.start().jobId);
  const workerOf = new Map<string, string>();
  for (const [key, [person]] of Object.entries(truth)) {
    if (!key.startsWith('train/') || workerOf.has(person!)) continue;
    const w = services.roster.createWorker({ name: person! });
    workerOf.set(person!, w.id);
    const photoId = [...keyOf].find(([, k]) => k === key)![0];
    services.faces.assign([services.faces.list({ photoId })[0]!.faceId], w.id);
  }
  let expected = 0;
  let right = 0;
  let suggested = 0;
  let unknownNamed = 0;
  for (const [key, people] of Object.entries(truth)) {
    if (!key.startsWith('test/')) continue;
    const photoId = [...keyOf].find(([, k]) => k === key)![0];
    const got = services.faces.list({ photoId }).flatMap((f) => (f.suggestion ? [f.suggestion.workerId] : []));
    const named = people.filter((p) => p !== 'unknown').map((p) => workerOf.get(p)!);
    expected += named.length;
    suggested += got.length;
    right += got.filter((w) => named.includes(w)).length;
    unknownNamed += got.filter((w) => !named.includes(w)).length;
  }
  console.log(`quality on ../shared/faces (${r.photos} photos, ${r.faces} faces found): first suggestion right for ${right}/${expected} test faces of known people (recall ${(right / expected).toFixed(3)}), ${suggested} suggestions of which ${unknownNamed} wrong (precision ${(right / Math.max(1, suggested)).toFixed(3)})`);
  await services.close();
}

// --- 2. speed and memory ----------------------------------------------------------------------------
const COPIES = 4;
const card = path.join(work, 'card');
await fs.mkdir(card);
let n = 0;
for (const key of Object.keys(truth))
  for (let k = 0; k < COPIES; k++) {
    // Camera-sized (4000 px long side), mirrored and recropped so no two share bytes.
    const img = sharp(path.join(FACES, key)).resize(4000, 4000, { fit: 'inside' });
    const meta = await img.clone().toBuffer({ resolveWithObject: true });
    const cut = Math.round(meta.info.width * 0.02 * k);
    await (k % 2 ? img.clone().flop() : img.clone()).extract({ left: cut, top: 0, width: meta.info.width - cut, height: meta.info.height }).jpeg({ quality: 90 }).toFile(path.join(card, `face_${n++}.jpg`));
  }
let runs = 0;
const runJob = async (processes: number) => {
  const dir = path.join(work, `speed-${++runs}`);
  const services = createServices({ home: path.join(work, `home-${runs}`), faceProcesses: processes });
  await services.projects.create(dir, 'speed');
  await services.importer.run({ paths: [card] });
  const previews = services.photos.list().map((p) => path.join(dir, p.preview!));
  const started = performance.now();
  const result = await services.faceJob.done(services.faceJob.start().jobId);
  const ms = performance.now() - started;
  // The helpers' peak memory is read before the job lets them go.
  const detector = (services.faceJob as unknown as { deps: { detector: { peakMemory(): number; finder: { peak(): number }; describer: { peak(): number } } } }).deps.detector;
  const peak = detector.peakMemory();
  const split = processes > 1 ? ` (finder ${mb(detector.finder.peak())} MB + describer ${mb(detector.describer.peak())} MB)` : '';
  await services.close();
  return { ms, result, previews, peak, split };
};
const two = await runJob(2);
const one = await runJob(1);
await fs.writeFile(path.join(work, 'previews.json'), JSON.stringify(two.previews));
const baseline = runScript<Timed & { ms: number; faces: number }>('faces-baseline.ts', path.join(work, 'previews.json'));
const per = (ms: number) => (ms / n).toFixed(0);
console.log(`face job over ${n} photos of 4000 px (from their 2048 px previews):`);
console.log(`  two helpers (one finds, one measures): ${per(two.ms)} ms per photo, ${two.result.faces} faces, peak RSS of the two ${mb(two.peak)} MB${two.split}`);
console.log(`  one helper doing both: ${per(one.ms)} ms per photo, ${one.result.faces} faces, peak RSS ${mb(one.peak)} MB`);
console.log(`  baseline, face-api alone in one process: ${per(baseline.ms)} ms per photo, ${baseline.faces} faces, peak RSS ${baseline.peakRssMB} MB`);
console.log(`  ratio two helpers / baseline ${(two.ms / baseline.ms).toFixed(3)}; one helper / baseline ${(one.ms / baseline.ms).toFixed(3)}`);

// --- 3. ranking ----------------------------------------------------------------------------------------
let seed = 7;
const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
const vector = () => Float32Array.from({ length: 128 }, () => rand() * 0.09);
const known = Array.from({ length: 20 }, (_, i) => ({ workerId: 'w', photoId: `k${i}`, d: vector() }));
const faces = Array.from({ length: 10_000 }, (_, i) => ({ faceId: `f${i}`, photoId: `p${i}`, d: vector(), rejected: [] as string[] }));
const index = new FaceIndex(known);
const time = (fn: () => unknown) => medianMs(fn, 9);
/** The plain way: the whole Euclidean distance, every dimension, every time. */
const full = (a: Float32Array, b: Float32Array) => {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i]! - b[i]!) ** 2;
  return Math.sqrt(sum);
};
const ranked = time(() => index.rankFor('w', faces));
const plain = time(() => faces.map((f) => ({ f, d: Math.min(...known.map((k) => full(k.d, f.d))) })).filter((x) => x.d < 0.6).sort((a, b) => a.d - b.d));
console.log(`ranking 10,000 faces for one worker with 20 confirmed faces: median ${ranked.toFixed(1)} ms (goal < 100), a plain full-distance scan ${plain.toFixed(1)} ms: ratio ${(ranked / plain).toFixed(3)}`);

// --- 4. the People view over a large catalog ------------------------------------------------------------
{
  const services = createServices({ home: path.join(work, 'home-people') });
  await services.projects.create(path.join(work, 'people'), 'people');
  const catalog = services.session.require();
  const looks = Array.from({ length: 500 }, vector);
  const workers = looks.map((_, i) => services.roster.createWorker({ name: `职工${i}` }));
  const all: { d: Float32Array; workerId: string | null }[] = [];
  for (let i = 0; i < 10_000; i++) {
    const who = i % 500;
    const d = Float32Array.from(looks[who]!, (v) => v + rand() * 0.01);
    const workerId = i < 2000 ? workers[who]!.id : null;
    all.push({ d, workerId });
    catalog.put('faces', { id: i.toString(16).padStart(16, '0'), photoId: i.toString(16).padStart(12, '0'), box: { x: 0.1, y: 0.1, w: 0.2, h: 0.2 }, score: 0.9, descriptor: Buffer.from(d.buffer).toString('base64'), workerId, rejected: [], state: 'face', crop: null, source: 'detected' });
  }
  let t = performance.now();
  const overview = services.faces.people();
  const first = performance.now() - t;
  t = performance.now();
  services.faces.people();
  const again = performance.now() - t;
  t = performance.now();
  services.faces.list({ photoId: (9999).toString(16).padStart(12, '0') });
  catalog.put('faces', { ...catalog.get('faces', (2500).toString(16).padStart(16, '0'))!, workerId: workers[0]!.id });
  const loupe = (() => {
    const t0 = performance.now();
    services.faces.list({ photoId: (9999).toString(16).padStart(12, '0') });
    return performance.now() - t0;
  })();
  // Baseline: every unknown face against every confirmed face, full distances.
  const known = all.filter((f) => f.workerId);
  t = performance.now();
  let named = 0;
  for (const f of all) {
    if (f.workerId) continue;
    let best = 0.6;
    for (const k of known) best = Math.min(best, full(k.d, f.d));
    if (best < 0.6) named++;
  }
  const plain = performance.now() - t;
  console.log(`People view over 10,000 faces (2,000 confirmed, 500 people): ${first.toFixed(0)} ms after an edit (${overview.workers.length} people, ${overview.counts.unnamed} unnamed), ${again.toFixed(1)} ms again, one photo's faces after an edit ${loupe.toFixed(1)} ms; every face against every confirmed face ${plain.toFixed(0)} ms (${named} named): ratio ${(first / plain).toFixed(3)}`);
  await services.close();
}
await fs.rm(work, { recursive: true, force: true });

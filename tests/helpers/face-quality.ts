// How well faces are found and named, measured the same way by the face tests and by `npm run bench:faces`: the
// face photos (truth.json: who is in each, left to right) and the photos made from them (a close portrait, a group
// selfie: who is where), one tag per person from train/, then the first suggestion of every other face.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Services } from '../../electron/main/container';
import { overlap } from '../../shared/logic/face-match';
import type { Box, FaceView } from '../../shared/model/face';
import { PORTRAITS, closePortrait, groupSelfie, type Scene } from './face-scenes';

/** A photo, who is in it (left to right) and where each face is. */
export interface FaceCase {
  /** truth.json's key (train/…, test/…), or made/<name> */
  key: string;
  file: string;
  people: string[];
  boxes: Box[];
}

/**
 * Where the faces of truth.json's photos are, in its order (fractions, brows to chin): face-api's SSD at a low
 * threshold on ../shared/faces, each box checked by eye against its photo. They hold for the resized copy too.
 */
const FACE_BOXES: Record<string, [number, number, number, number][]> = {
  'train/obama/obama.jpg': [[0.411, 0.097, 0.25, 0.271]],
  'train/obama/obama2.jpg': [[0.346, 0.202, 0.409, 0.326]],
  'train/biden/biden.jpg': [[0.451, 0.071, 0.271, 0.18]],
  'train/biden/biden2.jpg': [[0.36, 0.169, 0.368, 0.466]],
  'train/alex_lacamoire/img1.jpg': [[0.341, 0.122, 0.322, 0.354]],
  'train/kit_harington/john1.jpeg': [[0.575, 0.126, 0.095, 0.26]],
  'train/kit_harington/john2.jpeg': [[0.5, 0.205, 0.243, 0.535]],
  'train/rose_leslie/img1.jpg': [[0.489, 0.093, 0.182, 0.379]],
  'train/rose_leslie/img2.jpg': [[0.299, 0.153, 0.4, 0.367]],
  'test/alex_lacamoire1.jpg': [[0.416, 0.136, 0.18, 0.413]],
  'test/johnsnow_test1.jpg': [[0.337, 0.122, 0.22, 0.185]],
  'test/kit_with_rose.jpg': [
    [0.16, 0.149, 0.147, 0.152],
    [0.524, 0.112, 0.169, 0.172],
  ],
  'test/obama1.jpg': [[0.363, 0.186, 0.243, 0.545]],
  'test/obama3.jpg': [[0.45, 0.111, 0.178, 0.152]],
  'test/obama_and_biden.jpg': [
    [0.381, 0.258, 0.087, 0.192],
    [0.573, 0.245, 0.087, 0.177],
    [0.824, 0.733, 0.064, 0.127],
  ],
  'test/obama_partial_face.jpg': [[0, 0.1, 0.356, 0.269]],
  'test/two_people.jpg': [
    [0.209, 0.034, 0.127, 0.29],
    [0.705, 0.059, 0.123, 0.312],
  ],
};

/** truth.json's photos of a face folder (../shared/faces or its copy in tests/fixtures/faces), with their faces. */
export async function truthCases(faces: string): Promise<FaceCase[]> {
  const truth = JSON.parse(await fs.readFile(path.join(faces, 'truth.json'), 'utf8')).photos as Record<
    string,
    string[]
  >;
  return Object.entries(truth).map(([key, people]) => {
    const boxes = FACE_BOXES[key];
    if (boxes?.length !== people.length)
      throw new Error(`${key}: where its ${people.length} face(s) are is not known; add them to FACE_BOXES`);
    return { key, file: path.join(faces, key), people, boxes: boxes.map(([x, y, w, h]) => ({ x, y, w, h })) };
  });
}

/**
 * The photos made from a face folder, written to `dir`: a group selfie of seven, and a close portrait (or, with
 * `portraits: 'all'`, the close portraits of six people at four sizes that bench:faces measures: PORTRAITS).
 */
export async function madeCases(
  faces: string,
  dir: string,
  opts: { portraits?: 'one' | 'all' } = {},
): Promise<FaceCase[]> {
  await fs.mkdir(dir, { recursive: true });
  const out = [asCase('made/group-selfie.jpg', await groupSelfie(faces, path.join(dir, 'group-selfie.jpg')))];
  if (opts.portraits !== 'all')
    return [
      asCase('made/close-portrait.jpg', await closePortrait(faces, path.join(dir, 'close-portrait.jpg'))),
      ...out,
    ];
  for (const p of PORTRAITS) {
    const name = `portrait-${p.source}-${p.fill}.jpg`;
    out.push(asCase(`made/${name}`, await closePortrait(faces, path.join(dir, name), p)));
  }
  return out;
}

const asCase = (key: string, s: Scene): FaceCase => ({
  key,
  file: s.file,
  people: s.people,
  boxes: s.faces.map((f) => f.box),
});

/** The photo id of each case, once imported from where it is. */
export function photoIds(services: Services, cases: FaceCase[]): Map<string, string> {
  const byPath = new Map(services.photos.list().map((p) => [path.resolve(p.path), p.id]));
  return new Map(cases.map((c) => [c.key, byPath.get(path.resolve(c.file))!]));
}

/** Teaches one face per person: the face of the first train/ photo of each, named as a new roster worker. */
export function teachOnePerPerson(
  services: Services,
  cases: FaceCase[],
  ids: Map<string, string>,
): Map<string, string> {
  const workerOf = new Map<string, string>();
  for (const c of cases) {
    const person = c.people[0]!;
    if (!c.key.startsWith('train/') || workerOf.has(person)) continue;
    const worker = services.roster.createWorker({ name: person });
    workerOf.set(person, worker.id);
    services.faces.assign([services.faces.list({ photoId: ids.get(c.key)! })[0]!.faceId], worker.id);
  }
  return workerOf;
}

/** A face found in a case's photo, and who it is: the person whose face it covers, or null (not a face). */
export interface Identified {
  face: FaceView;
  key: string;
  person: string | null;
}

/** Who each face found in the cases' photos is; and the faces shown there that no found face covers. */
export function whoIsWhere(
  services: Services,
  cases: FaceCase[],
  ids: Map<string, string>,
): { found: Identified[]; missed: { key: string; person: string }[] } {
  const found: Identified[] = [];
  const missed: { key: string; person: string }[] = [];
  for (const c of cases) {
    const faces = services.faces.list({ photoId: ids.get(c.key)! });
    const covered = new Set<number>();
    for (const face of faces) {
      const best = c.boxes.map((b, i) => ({ i, o: overlap(face.box, b) })).sort((a, b) => b.o - a.o)[0];
      const person = best && best.o >= 0.3 ? c.people[best.i]! : null;
      if (person) covered.add(best!.i);
      found.push({ face, key: c.key, person });
    }
    c.people.forEach((person, i) => covered.has(i) || missed.push({ key: c.key, person }));
  }
  return { found, missed };
}

export interface Quality {
  /** faces of known people (not "unknown") */
  expected: number;
  /** of those, suggested as who they are */
  right: number;
  /** suggestions made */
  suggested: number;
  /** the score (1 − distance) of each suggestion, and whether it was right */
  scores: { score: number; right: boolean; key: string }[];
  /** faces shown in the photos that no found face covers */
  missed: { key: string; person: string }[];
}

/** The first suggestion of every face in the cases not taught from (train/ by default), against who it is. */
export function suggestionQuality(
  services: Services,
  cases: FaceCase[],
  ids: Map<string, string>,
  workerOf: Map<string, string>,
  taught: (c: FaceCase) => boolean = (c) => c.key.startsWith('train/'),
): Quality {
  const personOf = new Map([...workerOf].map(([p, w]) => [w, p]));
  const asked = cases.filter((c) => !taught(c));
  const { found, missed } = whoIsWhere(services, asked, ids);
  const scores = found.flatMap((f) =>
    f.face.suggestion
      ? [{ score: f.face.suggestion.score, right: personOf.get(f.face.suggestion.workerId) === f.person, key: f.key }]
      : [],
  );
  return {
    expected: asked.flatMap((c) => c.people).filter((p) => p !== 'unknown').length,
    right: scores.filter((s) => s.right).length,
    suggested: scores.length,
    scores,
    missed,
  };
}

export const recallOf = (q: Quality) => q.right / Math.max(1, q.expected);
export const precisionOf = (q: Quality) => q.right / Math.max(1, q.suggested);

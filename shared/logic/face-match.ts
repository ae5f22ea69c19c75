/**
 * Who a face may be: nearest neighbours over every confirmed face of each worker, and groups of unnamed faces
 * that look alike. Pure: descriptors come in as Float32Arrays (face-api's 128 numbers, Euclidean space).
 */

/**
 * Two faces closer than this are taken for the same person. Chosen on ../shared/faces (README, "Faces"): over
 * every pair of faces there, the same person measured at most 0.58 apart and two different people at least 0.63;
 * 0.6 sits in that gap and is also the figure face-api's authors give for this network.
 */
export const MATCH_DISTANCE = 0.6;
/**
 * A suggestion at least this sure (its score, 1 − distance) is one "confirm all" takes; the others are shown apart
 * and confirmed one at a time. The figure comes from `npm run bench:faces` (its quality lines; README, "Faces"): on
 * ../shared/faces, 24 close portraits and a group selfie made from it, with one face taught per person, every first
 * suggestion on the face photos and the group scored 0.50 or more (lowest 0.502), and so did 22 of the 24 portraits;
 * while two different people (or a false face) came as close as 0.664 apart, only 0.06 past MATCH_DISTANCE. Scores
 * of 40-50 % belong to faces the network saw badly (blurred, heavily upscaled), the kind it takes for one another
 * (README); a 42 % one is what "confirm all" once took with the sure ones, on photos nobody here chose.
 */
export const SURE_SUGGESTION = 0.5;
/** Whether a suggestion is sure enough to be confirmed with others at once (see SURE_SUGGESTION). */
export const isSure = (s: { score: number }) => s.score >= SURE_SUGGESTION;
/** Unnamed faces are grouped tighter than they are named: a wrong group costs a user more than two groups. */
export const GROUP_DISTANCE = 0.5;

export interface KnownFace {
  workerId: string;
  photoId: string;
  d: Float32Array;
}

export interface UnknownFace {
  faceId: string;
  photoId: string;
  d: Float32Array;
  /** workers someone said it is not */
  rejected: readonly string[];
}

export interface Suggestion {
  workerId: string;
  /** 1 − distance, so higher is surer */
  score: number;
}

/** Euclidean distance; gives up (returns Infinity) once past `limit`, which is most comparisons. */
export function distance(a: Float32Array, b: Float32Array, limit = Infinity): number {
  const stop = limit * limit;
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const t = a[i]! - b[i]!;
    sum += t * t;
    if (sum > stop) return Infinity;
  }
  return Math.sqrt(sum);
}

const scoreOf = (d: number) => Math.round((1 - d) * 1000) / 1000;

/**
 * The confirmed faces, ready for matching: skipping workers who must not be suggested (declined, or switched off)
 * and keeping, per photo, who is already there (a face is never suggested as someone confirmed beside it).
 */
export class FaceIndex {
  /**
   * Each worker's faces with their mean and the farthest of them from it: by the triangle inequality no face of
   * the worker is nearer than (distance to the mean − that radius), so most workers are ruled out by one sum.
   */
  private readonly people: { workerId: string; faces: Float32Array[]; mean: Float32Array; radius: number }[] = [];
  readonly takenIn = new Map<string, Set<string>>();

  constructor(known: KnownFace[], excluded: ReadonlySet<string> = new Set()) {
    const byWorker = new Map<string, Float32Array[]>();
    for (const k of known) {
      this.take(k.photoId, k.workerId);
      if (excluded.has(k.workerId)) continue;
      const faces = byWorker.get(k.workerId);
      if (faces) faces.push(k.d);
      else byWorker.set(k.workerId, [k.d]);
    }
    for (const [workerId, faces] of byWorker) {
      const mean = new Float32Array(faces[0]!.length);
      for (const f of faces) for (let i = 0; i < mean.length; i++) mean[i]! += f[i]! / faces.length;
      this.people.push({ workerId, faces, mean, radius: Math.max(...faces.map((f) => distance(f, mean))) });
    }
  }

  /** Adds a worker confirmed in a photo without a descriptor (a drawn region): they are taken there all the same. */
  take(photoId: string, workerId: string) {
    const set = this.takenIn.get(photoId) ?? new Set<string>();
    set.add(workerId);
    this.takenIn.set(photoId, set);
  }

  /** The nearest worker within MATCH_DISTANCE, or null. */
  suggest(face: UnknownFace): Suggestion | null {
    const taken = this.takenIn.get(face.photoId);
    let best = MATCH_DISTANCE;
    let who: string | null = null;
    for (const p of this.people) {
      if (taken?.has(p.workerId) || face.rejected.includes(p.workerId)) continue;
      if (distance(face.d, p.mean, best + p.radius) - p.radius >= best) continue;
      for (const f of p.faces) {
        const d = distance(face.d, f, best);
        if (d < best) {
          best = d;
          who = p.workerId;
        }
      }
    }
    return who ? { workerId: who, score: scoreOf(best) } : null;
  }

  /**
   * Faces that may be this worker, surest first: within MATCH_DISTANCE of any of their confirmed faces, not in a
   * photo where they are already confirmed, not rejected for them.
   */
  rankFor(workerId: string, faces: readonly UnknownFace[]): { faceId: string; score: number }[] {
    const mine = this.people.find((p) => p.workerId === workerId)?.faces;
    if (!mine) return [];
    const out: { faceId: string; score: number }[] = [];
    for (const f of faces) {
      if (this.takenIn.get(f.photoId)?.has(workerId) || f.rejected.includes(workerId)) continue;
      let best = MATCH_DISTANCE;
      for (const d of mine) best = Math.min(best, distance(f.d, d, best));
      if (best < MATCH_DISTANCE) out.push({ faceId: f.faceId, score: scoreOf(best) });
    }
    return out.sort((a, b) => b.score - a.score);
  }
}

/**
 * Unnamed faces in groups of the same person, largest group first: each face joins the nearest group (by its
 * running mean) within GROUP_DISTANCE that has no face from the same photo, else starts one. One pass, so
 * thousands of faces group in well under a second; sure faces go first so they seed the groups.
 */
export function groupFaces<F extends { faceId: string; photoId: string; d: Float32Array; score: number }>(
  faces: readonly F[],
): F[][] {
  const groups: { mean: Float32Array; n: number; photos: Set<string>; members: F[] }[] = [];
  for (const f of [...faces].sort((a, b) => b.score - a.score || a.faceId.localeCompare(b.faceId))) {
    let best = GROUP_DISTANCE;
    let into: (typeof groups)[number] | null = null;
    for (const g of groups) {
      if (g.photos.has(f.photoId)) continue;
      const d = distance(f.d, g.mean, best);
      if (d < best) {
        best = d;
        into = g;
      }
    }
    if (!into) {
      groups.push({ mean: Float32Array.from(f.d), n: 1, photos: new Set([f.photoId]), members: [f] });
      continue;
    }
    into.n++;
    for (let i = 0; i < into.mean.length; i++) into.mean[i]! += (f.d[i]! - into.mean[i]!) / into.n;
    into.photos.add(f.photoId);
    into.members.push(f);
  }
  return groups.map((g) => g.members).sort((a, b) => b.length - a.length);
}

/** How much two boxes overlap: intersection over union, 0-1. */
export function overlap(
  a: { x: number; y: number; w: number; h: number },
  b: { x: number; y: number; w: number; h: number },
): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  if (w <= 0 || h <= 0) return 0;
  const i = w * h;
  return i / (a.w * a.h + b.w * b.h - i);
}

/** A drawn or imported region is this detected face when they overlap at least this much. */
export const SAME_FACE_OVERLAP = 0.3;

import { describe, expect, it } from 'vitest';
import {
  FaceIndex,
  GROUP_DISTANCE,
  MATCH_DISTANCE,
  SURE_SUGGESTION,
  distance,
  groupFaces,
  isSure,
  overlap,
} from '../../../../shared/logic/face-match';

/** A made-up descriptor: a unit direction per person, moved a little for each photo of them. */
function face(person: number, jitter = 0, seed = 1): Float32Array {
  const d = new Float32Array(128);
  d[person] = 1;
  // deterministic small noise spread over the other axes
  let s = seed * 9301 + person * 49297;
  for (let i = 0; i < 128; i++) {
    s = (s * 9301 + 49297) % 233280;
    if (i !== person) d[i] = ((s / 233280) * 2 - 1) * jitter;
  }
  return d;
}

describe('face matching', () => {
  it('measures Euclidean distance and gives up past a limit', () => {
    expect(distance(face(0), face(1))).toBeCloseTo(Math.SQRT2, 5);
    expect(distance(face(0), face(0))).toBe(0);
    expect(distance(face(0), face(1), 0.5)).toBe(Infinity);
  });

  it('suggests the nearest worker within the threshold, with a confidence of 1 − distance', () => {
    const index = new FaceIndex([
      { workerId: 'a', photoId: 'p1', d: face(0) },
      { workerId: 'b', photoId: 'p2', d: face(1) },
    ]);
    const near = index.suggest({ faceId: 'x', photoId: 'p3', d: face(0, 0.02, 7), rejected: [] });
    expect(near?.workerId).toBe('a');
    expect(near!.score).toBeCloseTo(1 - distance(face(0, 0.02, 7), face(0)), 2);
    // Halfway between two people (√2/2 ≈ 0.71 from each) is nobody.
    const between = new Float32Array(128);
    between[0] = 0.5;
    between[1] = 0.5;
    expect(index.suggest({ faceId: 'y', photoId: 'p3', d: between, rejected: [] })).toBeNull();
  });

  it('calls a suggestion sure from SURE_SUGGESTION up; a less sure one is still a suggestion, to be confirmed on its own', () => {
    const index = new FaceIndex([{ workerId: 'a', photoId: 'p1', d: face(0) }]);
    /** face(0) moved `by` along another axis: exactly `by` away from it */
    const at = (by: number) => Float32Array.from(face(0), (v, i) => (i === 1 ? by : v));
    const close = index.suggest({ faceId: 'x', photoId: 'p2', d: at(0.45), rejected: [] })!;
    const doubtful = index.suggest({ faceId: 'y', photoId: 'p3', d: at(0.55), rejected: [] })!;
    expect([close.score, doubtful.score]).toEqual([0.55, 0.45]);
    expect([isSure(close), isSure(doubtful)]).toEqual([true, false]);
    expect(SURE_SUGGESTION).toBeGreaterThan(1 - MATCH_DISTANCE);
    expect(isSure({ score: SURE_SUGGESTION })).toBe(true);
  });

  it('takes the nearest of all of a worker’s confirmed faces (more confirmed faces, better suggestions)', () => {
    const far = face(0, 0.1, 3); // this photo of "a" is past the threshold from the first one…
    const one = new FaceIndex([{ workerId: 'a', photoId: 'p1', d: face(0) }]);
    const probe = { faceId: 'x', photoId: 'p9', d: face(0, 0.105, 3), rejected: [] };
    const two = new FaceIndex([
      { workerId: 'a', photoId: 'p1', d: face(0) },
      { workerId: 'a', photoId: 'p2', d: far },
    ]);
    expect(distance(probe.d, face(0))).toBeGreaterThan(MATCH_DISTANCE);
    expect(one.suggest(probe)).toBeNull();
    expect(two.suggest(probe)?.workerId).toBe('a');
  });

  it('never suggests someone confirmed elsewhere in the same photo, someone rejected for the face, or an excluded worker', () => {
    const known = [
      { workerId: 'a', photoId: 'p1', d: face(0) },
      { workerId: 'a2', photoId: 'p2', d: face(0, 0.03, 5) },
      { workerId: 'b', photoId: 'p3', d: face(1) },
    ];
    const index = new FaceIndex(known);
    const probe = { faceId: 'x', photoId: 'p1', d: face(0, 0.01, 9), rejected: [] as string[] };
    // "a" is already the other face of p1: the look-alike a2 is offered instead.
    expect(index.suggest(probe)?.workerId).toBe('a2');
    expect(index.suggest({ ...probe, rejected: ['a2'] })).toBeNull();
    const excluding = new FaceIndex(known, new Set(['a', 'a2']));
    expect(excluding.suggest({ ...probe, photoId: 'p7' })).toBeNull();
    // a drawn region (no descriptor) takes its worker in that photo all the same
    index.take('p8', 'a');
    index.take('p8', 'a2');
    expect(index.suggest({ ...probe, photoId: 'p8' })).toBeNull();
  });

  it('ranks faces for one worker, surest first, leaving out photos they are confirmed in', () => {
    const index = new FaceIndex([{ workerId: 'a', photoId: 'p1', d: face(0) }]);
    const faces = [
      { faceId: 'far', photoId: 'p2', d: face(0, 0.04, 2), rejected: [] },
      { faceId: 'near', photoId: 'p3', d: face(0, 0.01, 2), rejected: [] },
      { faceId: 'other', photoId: 'p4', d: face(3), rejected: [] },
      { faceId: 'same-photo', photoId: 'p1', d: face(0, 0.01, 4), rejected: [] },
    ];
    expect(index.rankFor('a', faces).map((r) => r.faceId)).toEqual(['near', 'far']);
    expect(index.rankFor('nobody', faces)).toEqual([]);
  });

  it('groups look-alike unnamed faces, never two faces of one photo together', () => {
    const faces = [
      { faceId: 'a1', photoId: 'p1', d: face(0, 0.02, 1), score: 0.9 },
      { faceId: 'a2', photoId: 'p2', d: face(0, 0.02, 2), score: 0.8 },
      { faceId: 'a3', photoId: 'p3', d: face(0, 0.02, 3), score: 0.7 },
      { faceId: 'b1', photoId: 'p1', d: face(5, 0.02, 4), score: 0.95 },
      { faceId: 'b2', photoId: 'p4', d: face(5, 0.02, 5), score: 0.6 },
      // a twin of a1 in the same photo: its own group
      { faceId: 'a1-twin', photoId: 'p1', d: face(0, 0.02, 6), score: 0.5 },
      { faceId: 'loner', photoId: 'p5', d: face(9), score: 0.99 },
    ];
    const groups = groupFaces(faces).map((g) => g.map((f) => f.faceId).sort());
    expect(groups[0]).toEqual(['a1', 'a2', 'a3']);
    expect(groups).toContainEqual(['b1', 'b2']);
    expect(groups).toContainEqual(['a1-twin']);
    expect(groups).toContainEqual(['loner']);
    expect(groups).toHaveLength(4);
    expect(GROUP_DISTANCE).toBeLessThan(MATCH_DISTANCE);
  });

  it('measures how much two boxes overlap', () => {
    expect(overlap({ x: 0, y: 0, w: 0.2, h: 0.2 }, { x: 0, y: 0, w: 0.2, h: 0.2 })).toBeCloseTo(1);
    expect(overlap({ x: 0, y: 0, w: 0.2, h: 0.2 }, { x: 0.1, y: 0, w: 0.2, h: 0.2 })).toBeCloseTo(1 / 3);
    expect(overlap({ x: 0, y: 0, w: 0.1, h: 0.1 }, { x: 0.5, y: 0.5, w: 0.1, h: 0.1 })).toBe(0);
  });
});

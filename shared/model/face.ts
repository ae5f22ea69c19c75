import type { Message } from '../i18n/messages';

/** A rectangle as fractions of the upright photo, as face regions are. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** detected: found by the face job · region: came with the photo (a sidecar's MWG region) or was drawn by hand */
export type FaceSource = 'detected' | 'region';
/** face: a person · not-face: the detector was wrong · ignored: a passer-by nobody will name */
export const FACE_STATES = ['face', 'not-face', 'ignored'] as const;
export type FaceState = (typeof FACE_STATES)[number];

/**
 * A face in a photo, as the catalog keeps it. The descriptor (128 numbers that say what the face looks like) stays
 * in the project: no API answer, export or gallery carries it, and it goes with its photo.
 */
export interface Face {
  id: string;
  photoId: string;
  box: Box;
  /** the detector's confidence, 0-1 (1 for a region someone drew) */
  score: number;
  /** base64 of 128 float32; null when there is none (a drawn region the detector did not find) */
  descriptor: string | null;
  /** who it is, confirmed by a person */
  workerId: string | null;
  /** workers someone said it is not */
  rejected: string[];
  state: FaceState;
  /** project-relative face crop (160 px square) */
  crop: string | null;
  source: FaceSource;
}

/** How far the face job got with one photo. */
export interface FaceScan {
  at: string;
  model: string;
  faces: number;
  /** faces found but under 24 px on the preview: too small to tell who */
  tooSmall: number;
  /** why this photo could not be scanned (its file gone, undecodable) */
  error: Message | null;
}

export interface FaceSuggestion {
  workerId: string;
  /** 1 − the distance to the nearest confirmed face of that worker; shown as a confidence */
  score: number;
}

/** A face as the window and the command line see it: never the descriptor. */
export interface FaceView {
  faceId: string;
  photoId: string;
  box: Box;
  score: number;
  /** confirmed by a person, or a region of the photo's tags */
  workerId: string | null;
  suggestion: FaceSuggestion | null;
  state: FaceState;
  source: FaceSource;
  hasCrop: boolean;
}

/** One person's faces in the People view, each list surest first. */
export interface WorkerFaces {
  workerId: string;
  confirmed: FaceView[];
  /** suggestions sure enough to be confirmed together ("confirm all": shared/logic/face-match.ts, SURE_SUGGESTION) */
  suggestions: FaceView[];
  /** suggestions less sure than that: shown apart, confirmed one at a time */
  doubtful: FaceView[];
}

/** Unnamed faces that look alike: named together in the People view. */
export interface FaceGroup {
  id: string;
  faces: FaceView[];
}

export interface PeopleOverview {
  groups: FaceGroup[];
  /** workers with confirmed faces or suggestions */
  workers: {
    workerId: string;
    confirmed: number;
    suggested: number;
    suggestions: boolean;
    /** a confirmed face of theirs with a crop, for the list */ faceId: string | null;
  }[];
  counts: { photos: number; scanned: number; faces: number; named: number; unnamed: number; ignored: number };
}

export interface FaceDetectResult {
  photos: number;
  faces: number;
  seconds: number;
  tooSmall: number;
  failed: { photoId: string; name: string; message: Message }[];
  cancelled: boolean;
}

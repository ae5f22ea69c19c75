import { z } from 'zod';
import { method } from '../method';
import { photoId, faceId, id, faceDetectSchema, empty } from '../schemas';
import { FACE_STATES } from '../../model/face';
import type { Worker } from '../../model/roster';
import type { JobView } from '../../model/job';
import type { FaceDetectResult, FaceView, PeopleOverview, WorkerFaces } from '../../model/face';

/** Faces: the face job, and naming people once. */
export const facesMethods = {
  'faces.detectStart': method<{ jobId: string }>()({ kind: 'edit', schema: faceDetectSchema }),
  'faces.detectStatus': method<JobView<FaceDetectResult>>()({
    kind: 'read',
    schema: z.object({ jobId: z.string().min(1).max(64) }).strict(),
  }),
  'faces.detectCancel': method<JobView<FaceDetectResult>>()({
    kind: 'edit',
    schema: z.object({ jobId: z.string().min(1).max(64) }).strict(),
  }),
  'faces.detectCurrent': method<JobView<FaceDetectResult> | null>()({ kind: 'read', schema: empty }),
  'faces.list': method<FaceView[]>()({
    kind: 'read',
    schema: z.object({ photoId: photoId.optional(), workerId: id.optional(), all: z.boolean().optional() }).strict(),
  }),
  'faces.people': method<PeopleOverview>()({ kind: 'read', schema: empty }),
  'faces.forWorker': method<WorkerFaces>()({ kind: 'read', schema: z.object({ workerId: id }).strict() }),
  'faces.assign': method<FaceView[]>()({
    kind: 'edit',
    schema: z
      .object({ faceIds: z.array(faceId).min(1).max(10000), workerId: z.string().trim().min(1).max(100) })
      .strict(),
  }),
  'faces.reject': method<FaceView[]>()({
    kind: 'edit',
    schema: z.object({ faceIds: z.array(faceId).min(1).max(10000), workerId: id.optional() }).strict(),
  }),
  'faces.setState': method<FaceView[]>()({
    kind: 'edit',
    schema: z.object({ faceIds: z.array(faceId).min(1).max(10000), state: z.enum(FACE_STATES) }).strict(),
  }),
  'faces.setSuggestions': method<Worker>()({
    kind: 'edit',
    schema: z.object({ workerId: id, on: z.boolean() }).strict(),
  }),
};

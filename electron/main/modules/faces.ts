import type { facesMethods } from '../../../shared/api/methods/faces';
import type { FaceDetectResult } from '../../../shared/model/face';
import type { JobView } from '../../../shared/model/job';
import type { HandlerContext, Handlers } from './handler-context';

/** Faces: the face job, and naming people once. Each method of the contract answered by its service. */
export function facesHandlers({ s, startJob }: HandlerContext): Handlers<typeof facesMethods> {
  return {
    'faces.detectStart': async (req) => startJob('faces', req),
    'faces.detectStatus': async (req) => s.jobs.status<FaceDetectResult>(req.jobId),
    'faces.detectCancel': async (req) => s.jobs.cancel(req.jobId) as JobView<FaceDetectResult>,
    'faces.detectCurrent': async () => s.faceJob.current() as JobView<FaceDetectResult> | null,
    'faces.list': async (req) => s.faces.list(req),
    'faces.people': async () => s.faces.people(),
    'faces.forWorker': async (req) => s.faces.forWorker(req.workerId),
    'faces.assign': async (req) => s.faces.assign(req.faceIds, req.workerId),
    'faces.reject': async (req) => s.faces.reject(req.faceIds, req.workerId),
    'faces.setState': async (req) => s.faces.setState(req.faceIds, req.state),
    'faces.setSuggestions': async (req) => s.faces.setSuggestions(req.workerId, req.on),
  };
}

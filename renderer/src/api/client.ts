import type { ApiMethod, ApiRequest, ApiResponse, AppEventName, AppEvents } from '@shared/api/contract';
import type { Result } from '@shared/api/result';
import type { AppErrorShape, ErrorCode } from '@shared/errors';
import type { MessageKey, MessageParams } from '@shared/i18n/messages';
import type { MediaKind, Photo } from '@shared/model/photo';
import { detectTransport, type Transport } from './transport';

/** An API failure with its code, so the UI can say what went wrong by kind. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  /** the message by key, so the UI says it in the chosen language; `message` is the English text */
  readonly key?: MessageKey;
  readonly params?: MessageParams;

  constructor(error: AppErrorShape) {
    super(error.message);
    this.code = error.code;
    this.key = error.key;
    this.params = error.params;
    this.name = 'ApiError';
  }
}

let transport: Transport | null = null;
const current = () => (transport ??= detectTransport());

export function hostKind(): Transport['kind'] {
  return current().kind;
}

export async function callSafe<K extends ApiMethod>(
  method: K,
  request: ApiRequest<K>,
): Promise<Result<ApiResponse<K>>> {
  return (await current().invoke(method, request)) as Result<ApiResponse<K>>;
}

export async function call<K extends ApiMethod>(method: K, request: ApiRequest<K>): Promise<ApiResponse<K>> {
  const result = await callSafe(method, request);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

/**
 * The user confirmed these paths in the app (browsed to, or typed and confirmed): the API takes them from now on.
 * Returns them absolute. Call it only on the user's own action: it is what "the user chose this place" means.
 */
export function confirmPaths(paths: string[], purpose: ApiRequest<'folders.choose'>['purpose']): Promise<string[]> {
  return call('folders.choose', { paths, purpose });
}

export function onEvent<K extends AppEventName>(event: K, listener: (payload: AppEvents[K]) => void): () => void {
  return current().on(event, listener);
}

/** The URL an <img> uses for a photo's cached image; the version busts the cache once the real render lands. */
export function mediaUrl(kind: MediaKind, photo: Pick<Photo, 'id' | 'rendered'>): string {
  return current().mediaUrl(kind, photo.id, photo.rendered ? 'r' : 'e');
}

/** A face's square crop (made by the face job); a face id never changes its crop. */
export function faceUrl(faceId: string): string {
  return current().mediaUrl('face', faceId, 'c');
}

/** The photo at full size, upright, rendered on demand by `photos.full` (the loupe's 100% view). */
export function fullUrl(photo: Pick<Photo, 'id'>): string {
  return current().mediaUrl('full', photo.id, 'f');
}

/** A rendered gift-sheet preview; its id is a hash of everything in it, so the URL never goes stale. */
export function sheetUrl(mediaId: string): string {
  return current().mediaUrl('sheet', mediaId, '1');
}

import path from 'node:path';
import type { Photo } from '../../../shared/model/photo';
import type { ProjectSession } from './project-session';

/** Where a photo's pixels come from for anything made of it (a gift, a board, a label, the gallery), and where its crop centres. */
export class PhotoSources {
  constructor(
    private readonly deps: {
      session: ProjectSession;
      faceFocus?: (photoId: string, workerId: string | null) => { x: number; y: number } | null;
    },
  ) {}

  /** The file a photo prints from: its original, or for a lone RAW the full-size JPEG it embedded (kept in the project at import). */
  sourceOf(photo: Photo): { file: string; format: Photo['format'] } {
    return photo.renderSource
      ? { file: path.join(this.deps.session.require().dir, photo.renderSource), format: 'jpeg' }
      : { file: photo.path, format: photo.format };
  }

  /**
   * Where a crop of a photo centres: the worker's face (else the first) as drawn or confirmed; with none drawn, the
   * faces the face job found (the worker's own when named); null lets the renderer find the interest itself.
   */
  focusOf(photo: Photo, workerId: string | null): { x: number; y: number } | null {
    const face = workerId ? photo.faceRegions.find((r) => r.workerId === workerId) : photo.faceRegions[0];
    return face
      ? { x: face.x + face.w / 2, y: face.y + face.h / 2 }
      : (this.deps.faceFocus?.(photo.id, workerId) ?? null);
  }

  /** A rendered sheet preview (a gift, a label) in the project's cache, by the hash of what is in it. */
  sheetPreviewFile(mediaId: string): string {
    return path.join(this.deps.session.require().dir, 'cache', 'sheets', `${mediaId}.jpg`);
  }
}

import { useCallback, useState } from 'react';
import type { FaceView } from '@shared/model/face';
import { call } from '../../api/client';
import { useCatalogRefresh } from '../../api/useCatalogRefresh';
import { useNotice } from '../../components/NoticeProvider';

/** The faces found on one photo (none for no photo), kept fresh as the catalog changes. */
export function usePhotoFaces(photoId: string | null): FaceView[] {
  const { notifyError } = useNotice();
  const [faces, setFaces] = useState<{ photoId: string; list: FaceView[] } | null>(null);
  const refresh = useCallback(async () => {
    if (!photoId) return;
    try {
      setFaces({ photoId, list: await call('faces.list', { photoId }) });
    } catch (err) {
      notifyError(err);
    }
  }, [notifyError, photoId]);
  useCatalogRefresh(refresh);
  return faces && faces.photoId === photoId ? faces.list : [];
}

import { useCallback, useState } from 'react';
import type { Exhibition, ExhibitionPlan } from '@shared/model/exhibition';
import type { Photo } from '@shared/model/photo';
import { call } from '../../api/client';
import { useCatalogRefresh } from '../../api/useCatalogRefresh';
import { useNotice } from '../../components/NoticeProvider';

/**
 * The project's exhibition (null until the first auto-fill), what is off the wall and why, and the photos by id;
 * refreshed whenever the catalog changes (an undo, a tag, a consent changed in the roster).
 */
export function useExhibition(selectedId: string) {
  const { notifyError } = useNotice();
  const [exhibition, setExhibition] = useState<Exhibition | null | undefined>(undefined);
  const [all, setAll] = useState<Exhibition[]>([]);
  const [leftOff, setLeftOff] = useState<Pick<ExhibitionPlan, 'excluded' | 'toAsk'>>({ excluded: [], toAsk: [] });
  const [photos, setPhotos] = useState<Map<string, Photo>>(new Map());
  const refresh = useCallback(async () => {
    try {
      const [list, all] = await Promise.all([call('exhibitions.list', {}), call('photos.list', {})]);
      setPhotos(new Map(all.map((p) => [p.id, p])));
      const current = list.find((e) => e.id === selectedId) ?? list.find((e) => e.id === 'default') ?? list[0] ?? null;
      setAll(list);
      setExhibition(current);
      setLeftOff(current ? await call('exhibitions.leftOff', { id: current.id }) : { excluded: [], toAsk: [] });
    } catch (err) {
      notifyError(err);
    }
  }, [notifyError, selectedId]);
  useCatalogRefresh(refresh);
  return { exhibition, all, leftOff, photos, refresh };
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { PhotoFacets, PhotoFilter } from '@shared/logic/photo-filter';
import type { Flag, Photo } from '@shared/model/photo';
import { call, onEvent } from '../../api/client';
import { useNotice } from '../../components/NoticeProvider';

const REFRESH_MS = 400;

/** The library's data: the filtered photos and the facet counts, kept fresh while an import streams in. */
export function usePhotos(filter: PhotoFilter) {
  const { notifyError } = useNotice();
  const [photos, setPhotos] = useState<Photo[] | null>(null);
  const [facets, setFacets] = useState<PhotoFacets | null>(null);
  const [error, setError] = useState<string | null>(null);
  const filterRef = useRef(filter);
  filterRef.current = filter;
  const seq = useRef(0);

  const refresh = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const [list, f] = await Promise.all([call('photos.list', { filter: filterRef.current }), call('photos.facets', {})]);
      if (mine !== seq.current) return; // a newer request already answered
      setPhotos(list);
      setFacets(f);
      setError(null);
    } catch (err) {
      if (mine === seq.current) setError(err instanceof Error ? err.message : String(err));
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh, JSON.stringify(filter)]); // eslint-disable-line react-hooks/exhaustive-deps

  // During an import many photos change per second: refresh at most every REFRESH_MS.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = onEvent('photos.changed', () => {
      timer ??= setTimeout(() => {
        timer = null;
        void refresh();
      }, REFRESH_MS);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [refresh]);

  /** Optimistic: the tile changes at once; a refusal puts it back and says why. */
  const patch = useCallback(
    async (ids: string[], change: { rating?: number; flag?: Flag }) => {
      const before = photos;
      setPhotos((list) => list?.map((p) => (ids.includes(p.id) ? { ...p, ...change } : p)) ?? list);
      try {
        if (change.rating !== undefined) await call('photos.setRating', { ids, rating: change.rating });
        if (change.flag !== undefined) await call('photos.setFlag', { ids, flag: change.flag });
      } catch (err) {
        setPhotos(before);
        notifyError(err);
      }
    },
    [notifyError, photos],
  );

  return { photos, facets, error, refresh, patch };
}

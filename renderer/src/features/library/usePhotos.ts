import { useCallback, useEffect, useRef, useState } from 'react';
import type { PhotoFacets, PhotoFilter, PhotoSort } from '@shared/logic/photo-filter';
import type { Flag, Photo } from '@shared/model/photo';
import { call, onEvent } from '../../api/client';
import { useNotice } from '../../components/NoticeProvider';

const REFRESH_MS = 400;

/** The library's data: the filtered photos and the facet counts, kept fresh while an import streams in. */
export function usePhotos(filter: PhotoFilter, sort?: PhotoSort) {
  const { notifyError } = useNotice();
  const [photos, setPhotos] = useState<Photo[] | null>(null);
  const [facets, setFacets] = useState<PhotoFacets | null>(null);
  const [error, setError] = useState<string | null>(null);
  const filterRef = useRef(filter);
  filterRef.current = filter;
  const sortRef = useRef(sort);
  sortRef.current = sort;
  const inFlight = useRef(false);
  const again = useRef(false);

  /**
   * One request at a time; anything asked for meanwhile is coalesced into one more request after it. (Dropping
   * every answer that a newer request overtook meant a long import into a large project showed nothing until it
   * ended: each answer was already "old" when it came.) An answer for a filter or sort no longer shown is not used.
   */
  const refresh = useCallback(async (): Promise<void> => {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    const asked = JSON.stringify([filterRef.current, sortRef.current]);
    try {
      const [list, f] = await Promise.all([
        call('photos.list', { filter: filterRef.current, sort: sortRef.current }),
        call('photos.facets', {}),
      ]);
      if (asked === JSON.stringify([filterRef.current, sortRef.current])) {
        setPhotos(list);
        setFacets(f);
        setError(null);
      } else again.current = true;
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      inFlight.current = false;
      if (again.current) {
        again.current = false;
        void refresh();
      }
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh, JSON.stringify(filter), JSON.stringify(sort)]); // eslint-disable-line react-hooks/exhaustive-deps

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

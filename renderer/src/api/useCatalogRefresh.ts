import { useEffect } from 'react';
import { onEvent } from './client';

/** Runs `refresh` now and whenever the catalog or the photos change (an edit, an undo, an import). */
export function useCatalogRefresh(refresh: () => Promise<void> | void): void {
  useEffect(() => {
    void refresh();
    const a = onEvent('catalog.changed', () => void refresh());
    const b = onEvent('photos.changed', () => void refresh());
    return () => {
      a();
      b();
    };
  }, [refresh]);
}

import { useCallback, useEffect, useState } from 'react';
import type { GiftTemplate, GiftView } from '@shared/model/gift';
import { call, onEvent } from '../../api/client';
import { useNotice } from '../../components/NoticeProvider';

/** Gifts and templates, refreshed whenever tags, photos or the roster change. */
export function useGifts() {
  const { notifyError } = useNotice();
  const [gifts, setGifts] = useState<GiftView[] | null>(null);
  const [templates, setTemplates] = useState<GiftTemplate[]>([]);
  const refresh = useCallback(async () => {
    try {
      const [g, t] = await Promise.all([call('gifts.list', {}), call('templates.list', {})]);
      setGifts(g);
      setTemplates(t);
    } catch (err) {
      notifyError(err);
    }
  }, [notifyError]);
  useEffect(() => {
    void refresh();
    const a = onEvent('catalog.changed', () => void refresh());
    const b = onEvent('photos.changed', () => void refresh());
    return () => {
      a();
      b();
    };
  }, [refresh]);
  return { gifts, templates, refresh };
}

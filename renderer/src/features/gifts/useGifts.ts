import { useCallback, useState } from 'react';
import type { GiftTemplate, GiftView } from '@shared/model/gift';
import { call } from '../../api/client';
import { useCatalogRefresh } from '../../api/useCatalogRefresh';
import { useNotice } from '../../components/NoticeProvider';

/** Gifts (with the ppi each prints at in the template) and templates, refreshed whenever tags, photos or the roster change. */
export function useGifts(templateId: string) {
  const { notifyError } = useNotice();
  const [gifts, setGifts] = useState<GiftView[] | null>(null);
  const [templates, setTemplates] = useState<GiftTemplate[]>([]);
  const refresh = useCallback(async () => {
    try {
      const t = await call('templates.list', {});
      // A template remembered from another project may not exist here: list without the ppi rather than fail.
      const g = await call('gifts.list', t.some((x) => x.id === templateId) ? { templateId } : {});
      setGifts(g);
      setTemplates(t);
    } catch (err) {
      notifyError(err);
    }
  }, [notifyError, templateId]);
  useCatalogRefresh(refresh);
  return { gifts, templates, refresh };
}

import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Company, Photographer, Worker } from '@shared/model/roster';
import { call, onEvent } from '../../api/client';
import { useNotice } from '../../components/NoticeProvider';

/** The roster as the UI needs it: lists plus lookups by id, refreshed whenever the catalog changes. */
export function useRoster() {
  const { notifyError } = useNotice();
  const [companies, setCompanies] = useState<Company[] | null>(null);
  const [workers, setWorkers] = useState<Worker[] | null>(null);
  const [photographers, setPhotographers] = useState<Photographer[]>([]);

  const refresh = useCallback(async () => {
    try {
      const [c, w, p] = await Promise.all([
        call('companies.list', {}),
        call('workers.list', {}),
        call('photographers.list', {}),
      ]);
      setCompanies(c);
      setWorkers(w);
      setPhotographers(p);
    } catch (err) {
      notifyError(err);
    }
  }, [notifyError]);

  useEffect(() => {
    void refresh();
    return onEvent('catalog.changed', () => void refresh());
  }, [refresh]);

  const companyById = useMemo(() => new Map((companies ?? []).map((c) => [c.id, c])), [companies]);
  const workerById = useMemo(() => new Map((workers ?? []).map((w) => [w.id, w])), [workers]);
  return { companies, workers, photographers, companyById, workerById, refresh };
}

export type Roster = ReturnType<typeof useRoster>;

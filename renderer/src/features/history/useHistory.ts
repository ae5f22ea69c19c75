import { useCallback, useEffect, useState } from 'react';
import type { HistoryState } from '@shared/model/history';
import { call, onEvent } from '../../api/client';
import { useNotice } from '../../components/NoticeProvider';
import { useI18n } from '../../i18n/I18nProvider';

const isTyping = (el: Element | null) =>
  !!el && ((el as HTMLElement).isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

/** Undo/redo for catalog edits: Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y (⌘ on a Mac); each step says what it undid. */
export function useHistory() {
  const { t, lang } = useI18n();
  const { notify, notifyError } = useNotice();
  const [state, setState] = useState<HistoryState>({ entries: [], cursor: 0 });

  const refresh = useCallback(() => call('history.list', {}).then(setState, () => undefined), []);
  useEffect(() => {
    void refresh();
    return onEvent('catalog.changed', () => void refresh());
  }, [refresh]);

  const step = useCallback(
    async (direction: 'undo' | 'redo') => {
      const entry = direction === 'undo' ? state.entries[state.cursor - 1] : state.entries[state.cursor];
      if (!entry) return;
      try {
        setState(await call(direction === 'undo' ? 'history.undo' : 'history.redo', {}));
        notify({
          severity: 'info',
          message: t(direction === 'undo' ? 'history.undone' : 'history.redone', { label: entry.label[lang] }),
        });
      } catch (err) {
        notifyError(err);
      }
    },
    [lang, notify, notifyError, state, t],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || isTyping(document.activeElement)) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) void step('undo');
      else if ((k === 'z' && e.shiftKey) || k === 'y') void step('redo');
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step]);

  return {
    state,
    undo: () => step('undo'),
    redo: () => step('redo'),
    canUndo: state.cursor > 0,
    canRedo: state.cursor < state.entries.length,
  };
}

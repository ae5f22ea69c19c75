import { useEffect } from 'react';
import type { Flag } from '@shared/model/photo';

export interface CullingActions {
  move: (delta: number) => void;
  moveRow: (delta: number) => void;
  toggleLoupe: () => void;
  closeLoupe: () => void;
  rate: (stars: number) => void;
  flag: (flag: Flag) => void;
  /** Z: the loupe at 100% and back */
  zoom: () => void;
  /** C: compare two photos side by side */
  compare: () => void;
}

/** Lightroom's culling keys: arrows, Space/Enter, Esc, 0-5, P, X, U, Z (zoom), C (compare). Ignored while typing in a field. */
export function useCullingKeys(actions: CullingActions, enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (document.querySelector('[role="dialog"]')) return;
      const key = e.key;
      let handled = true;
      if (key === 'ArrowRight') actions.move(1);
      else if (key === 'ArrowLeft') actions.move(-1);
      else if (key === 'ArrowDown') actions.moveRow(1);
      else if (key === 'ArrowUp') actions.moveRow(-1);
      else if (key === ' ' || key === 'Enter') actions.toggleLoupe();
      else if (key === 'Escape') actions.closeLoupe();
      else if (/^[0-5]$/.test(key)) actions.rate(Number(key));
      else if (key === 'p' || key === 'P') actions.flag('picked');
      else if (key === 'x' || key === 'X') actions.flag('rejected');
      else if (key === 'u' || key === 'U') actions.flag(null);
      else if (key === 'z' || key === 'Z') actions.zoom();
      else if (key === 'c' || key === 'C') actions.compare();
      else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions, enabled]);
}

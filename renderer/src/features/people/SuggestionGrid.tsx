import { Box } from '@mui/material';
import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import type { FaceView } from '@shared/model/face';
import { useI18n } from '../../i18n/I18nProvider';
import { FaceTile } from './FaceTile';
import { toggled } from './toggled';

const TILE = 112;
const GAP = 12;

export interface SuggestionGridHandle {
  focus(): void;
}

/**
 * Suggested faces the keyboard works through: arrows move, Enter confirms and X rejects the face in focus, O shows
 * its whole photo. With a selection (`selected` given: Space, Ctrl+A, Ctrl/Shift+click) Enter and X act on the
 * selected faces instead; without one, every face is confirmed on its own.
 */
export const SuggestionGrid = forwardRef<
  SuggestionGridHandle,
  {
    faces: FaceView[];
    onAct: (kind: 'confirm' | 'reject', faceIds: string[]) => void;
    onOpen: (face: FaceView) => void;
    selected?: Set<string>;
    onSelect?: (next: Set<string>) => void;
    testId: string;
    tileTestId: string;
    /** the section's title, for screen readers */
    label: string;
  }
>(function SuggestionGrid({ faces, onAct, onOpen, selected, onSelect, testId, tileTestId, label }, ref) {
  const { t } = useI18n();
  const grid = useRef<HTMLDivElement>(null);
  const [focusAt, setFocus] = useState(0);
  /** whether the keyboard is here: the face in focus is marked only then (two grids, one keyboard) */
  const [active, setActive] = useState(false);
  useImperativeHandle(ref, () => ({ focus: () => grid.current?.focus() }), []);
  // The list changes under the focus (a face confirmed leaves it): the focus stays at the same place.
  const focus = Math.max(0, Math.min(focusAt, faces.length - 1));
  const multi = !!selected && !!onSelect;
  const targets = () =>
    (multi && selected.size ? faces.filter((f) => selected.has(f.faceId)) : faces.slice(focus, focus + 1)).map(
      (f) => f.faceId,
    );

  const onKey = (e: React.KeyboardEvent) => {
    const cols = Math.max(1, Math.floor(((grid.current?.clientWidth ?? TILE) + GAP) / (TILE + GAP)));
    const move = (d: number) => setFocus(Math.max(0, Math.min(faces.length - 1, focus + d)));
    const k = e.key;
    if (k === 'ArrowRight') move(1);
    else if (k === 'ArrowLeft') move(-1);
    else if (k === 'ArrowDown') move(cols);
    else if (k === 'ArrowUp') move(-cols);
    else if (k === 'Enter') onAct('confirm', targets());
    else if ((k === 'x' || k === 'X') && !e.ctrlKey && !e.metaKey) onAct('reject', targets());
    else if (k === 'o' || k === 'O') {
      const f = faces[focus];
      if (f) onOpen(f);
    } else if (multi && k === ' ') {
      const id = faces[focus]?.faceId;
      if (id) onSelect(toggled(selected, id));
    } else if (multi && (e.ctrlKey || e.metaKey) && k.toLowerCase() === 'a')
      onSelect(new Set(faces.map((f) => f.faceId)));
    else if (multi && k === 'Escape') onSelect(new Set());
    else return;
    e.preventDefault();
  };

  return (
    <Box
      ref={grid}
      tabIndex={0}
      role="group"
      aria-label={label}
      onKeyDown={onKey}
      onFocus={() => setActive(true)}
      onBlur={() => setActive(false)}
      data-testid={testId}
      sx={{
        display: 'flex',
        flexWrap: 'wrap',
        gap: `${GAP}px`,
        outline: 'none',
        p: 0.5,
        borderRadius: 1,
        '&:focus-visible': { boxShadow: (th) => `0 0 0 2px ${th.palette.primary.light}` },
      }}
    >
      {faces.map((f, i) => (
        <FaceTile
          key={f.faceId}
          face={f}
          size={TILE}
          testId={tileTestId}
          onOpen={onOpen}
          focused={active && i === focus}
          selected={multi && selected.size ? selected.has(f.faceId) : undefined}
          caption={t('people.confidence', { value: Math.round((f.suggestion?.score ?? 0) * 100) })}
          onClick={(e) => {
            setFocus(i);
            grid.current?.focus();
            if (multi && (e.ctrlKey || e.metaKey || e.shiftKey)) onSelect(toggled(selected, f.faceId));
          }}
        />
      ))}
    </Box>
  );
});

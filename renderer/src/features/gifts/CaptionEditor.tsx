import FormatAlignCenterIcon from '@mui/icons-material/FormatAlignCenter';
import FormatAlignLeftIcon from '@mui/icons-material/FormatAlignLeft';
import FormatAlignRightIcon from '@mui/icons-material/FormatAlignRight';
import AddIcon from '@mui/icons-material/Add';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import {
  Box,
  Button,
  Chip,
  IconButton,
  MenuItem,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Tooltip,
  Typography,
} from '@mui/material';
import { useRef, useState } from 'react';
import { CAPTION_VARIABLES, checkTemplate, type CaptionVariable } from '@shared/logic/caption-template';
import { msg } from '@shared/i18n/messages';
import { MIN_TYPE_PT } from '@shared/logic/typeset';
import type { CaptionBlock } from '@shared/model/gift';
import { useI18n } from '../../i18n/I18nProvider';
import type { StringKey } from '../../i18n/strings';

/** What a variable inserts: dates get the month format the campaign used. */
const inserted = (v: CaptionVariable) => (v === 'photo.date' || v === 'photo.captured' ? `{${v}:YYYY年M月}` : `{${v}}`);
const num = (v: string) => (v.trim() === '' ? NaN : Number(v));

/**
 * The caption lines of a template, each with its face, weight, size, colour and alignment; variables are picked
 * from chips (inserted where the cursor was in the line last edited), and a line's problems (an unknown
 * variable, a lone brace) are said under it in the chosen language before anything is saved.
 */
export function CaptionEditor({
  captions,
  onChange,
}: {
  captions: CaptionBlock[];
  onChange: (next: CaptionBlock[]) => void;
}) {
  const { t, say } = useI18n();
  const [focused, setFocused] = useState(0);
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const set = (i: number, patch: Partial<CaptionBlock>) =>
    onChange(captions.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const insert = (v: CaptionVariable) => {
    const i = Math.min(focused, captions.length - 1);
    if (i < 0) return;
    const input = inputs.current[i];
    const text = captions[i]!.text;
    const at = input?.selectionStart ?? text.length;
    set(i, { text: text.slice(0, at) + inserted(v) + text.slice(input?.selectionEnd ?? at) });
  };
  const move = (i: number) => {
    const next = [...captions];
    [next[i - 1], next[i]] = [next[i]!, next[i - 1]!];
    onChange(next);
  };
  return (
    <Stack spacing={1.25}>
      <Typography variant="subtitle2">{t('template.captions')}</Typography>
      <Box>
        <Typography variant="caption" color="text.secondary">
          {t('template.insertVariable')}
        </Typography>
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5, mt: 0.5 }} data-testid="variable-chips">
          {CAPTION_VARIABLES.map((v) => (
            <Tooltip key={v} title={inserted(v)}>
              <Chip
                size="small"
                variant="outlined"
                label={t(`var.${v}` as StringKey)}
                onClick={() => insert(v)}
                data-testid={`var-${v}`}
              />
            </Tooltip>
          ))}
        </Stack>
      </Box>
      {captions.map((c, i) => {
        const problems = [
          ...checkTemplate(c.text).map((p) => p.message),
          ...(c.sizePt < MIN_TYPE_PT ? [msg('caption.tooSmall', { size: c.sizePt, min: MIN_TYPE_PT })] : []),
        ];
        return (
          <Box
            key={i}
            sx={{ border: 1, borderColor: i === focused ? 'primary.light' : 'divider', borderRadius: 1, p: 1 }}
            data-testid="caption-line"
          >
            <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
              <TextField
                size="small"
                fullWidth
                value={c.text}
                error={problems.length > 0}
                helperText={problems.length ? problems.map((p) => say(p)).join('；') : undefined}
                onFocus={() => setFocused(i)}
                onChange={(e) => set(i, { text: e.target.value })}
                inputRef={(el: HTMLInputElement | null) => void (inputs.current[i] = el)}
                slotProps={{ htmlInput: { 'data-testid': `caption-${i}` } }}
              />
              <IconButton size="small" disabled={i === 0} onClick={() => move(i)} aria-label={t('template.moveUp')}>
                <ArrowUpwardIcon fontSize="small" />
              </IconButton>
              <IconButton
                size="small"
                onClick={() => onChange(captions.filter((_, j) => j !== i))}
                aria-label={t('template.removeLine')}
              >
                <DeleteIcon fontSize="small" />
              </IconButton>
            </Stack>
            <Stack direction="row" sx={{ mt: 1, alignItems: 'center', flexWrap: 'wrap', gap: 0.75 }}>
              <TextField
                select
                size="small"
                label={t('template.font')}
                value={c.font}
                onChange={(e) => set(i, { font: e.target.value as CaptionBlock['font'] })}
                sx={{ width: 80 }}
              >
                <MenuItem value="sans">{t('template.fontSans')}</MenuItem>
                <MenuItem value="serif">{t('template.fontSerif')}</MenuItem>
              </TextField>
              <TextField
                select
                size="small"
                label={t('template.weight')}
                value={c.weight}
                onChange={(e) => set(i, { weight: e.target.value as CaptionBlock['weight'] })}
                sx={{ width: 80 }}
                slotProps={{ htmlInput: { 'data-testid': `weight-${i}` } }}
              >
                <MenuItem value="normal">{t('template.weightNormal')}</MenuItem>
                <MenuItem value="bold">{t('template.weightBold')}</MenuItem>
              </TextField>
              <TextField
                size="small"
                label={t('template.sizePt')}
                value={String(c.sizePt)}
                onChange={(e) => set(i, { sizePt: Math.min(96, Math.max(1, num(e.target.value) || 1)) })}
                error={c.sizePt < MIN_TYPE_PT}
                sx={{ width: 66 }}
                slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': `size-${i}` } }}
              />
              <TextField
                size="small"
                type="color"
                label={t('template.colour')}
                value={c.color}
                onChange={(e) => set(i, { color: e.target.value })}
                sx={{ width: 58 }}
                slotProps={{ htmlInput: { 'data-testid': `colour-${i}` } }}
              />
              <ToggleButtonGroup
                size="small"
                exclusive
                value={c.align}
                onChange={(_, align: CaptionBlock['align'] | null) => align && set(i, { align })}
                aria-label={t('template.align')}
              >
                <ToggleButton value="left" aria-label={t('template.alignLeft')}>
                  <FormatAlignLeftIcon fontSize="small" />
                </ToggleButton>
                <ToggleButton value="center" aria-label={t('template.alignCenter')}>
                  <FormatAlignCenterIcon fontSize="small" />
                </ToggleButton>
                <ToggleButton value="right" aria-label={t('template.alignRight')} data-testid={`align-right-${i}`}>
                  <FormatAlignRightIcon fontSize="small" />
                </ToggleButton>
              </ToggleButtonGroup>
              <TextField
                select
                size="small"
                label={t('template.maxLines')}
                value={c.maxLines ?? 0}
                onChange={(e) => set(i, { maxLines: Number(e.target.value) || undefined })}
                sx={{ width: 86 }}
              >
                <MenuItem value={0}>{t('template.linesAny')}</MenuItem>
                <MenuItem value={1}>1</MenuItem>
                <MenuItem value={2}>2</MenuItem>
                <MenuItem value={3}>3</MenuItem>
              </TextField>
            </Stack>
          </Box>
        );
      })}
      <Button
        size="small"
        startIcon={<AddIcon />}
        onClick={() =>
          onChange([
            ...captions,
            { text: '', font: 'sans', sizePt: 10, weight: 'normal', color: '#4a4540', align: 'center' },
          ])
        }
        sx={{ alignSelf: 'flex-start' }}
        data-testid="add-caption"
      >
        {t('template.addLine')}
      </Button>
    </Stack>
  );
}

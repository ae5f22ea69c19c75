import { Autocomplete, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { searchWorkers } from '@shared/logic/worker-search';
import type { Worker } from '@shared/model/roster';
import { useI18n } from '../../i18n/I18nProvider';
import { ConsentChip } from '../tagging/ConsentChip';
import type { Roster } from './useRoster';

/**
 * The roster's autocomplete: two or three letters (characters, pinyin or initials: zmd), Enter picks the first.
 * Each option says company, workshop and craft, and warns of someone who declined.
 */
export function WorkerPicker({
  roster,
  onPick,
  placeholder,
  testId,
  autoFocus,
  size = 'small',
}: {
  roster: Roster;
  onPick: (w: Worker) => void;
  placeholder: string;
  testId: string;
  autoFocus?: boolean;
  size?: 'small' | 'medium';
}) {
  const { t } = useI18n();
  const [input, setInput] = useState('');
  return (
    <Autocomplete<Worker, false, false, false>
      options={roster.workers ?? []}
      value={null}
      inputValue={input}
      onInputChange={(_, v, reason) => reason !== 'reset' && setInput(v)}
      onChange={(_, w) => {
        if (!w) return;
        setInput('');
        onPick(w);
      }}
      filterOptions={(options, state) => searchWorkers(state.inputValue, options, roster.companyById, 12)}
      getOptionLabel={(w) => w.name}
      autoHighlight
      blurOnSelect={false}
      clearOnBlur
      noOptionsText={t('tag.noMatch')}
      size={size}
      renderOption={(props, w) => {
        const { key, ...rest } = props as typeof props & { key: string };
        const company = w.companyId ? roster.companyById.get(w.companyId) : null;
        return (
          <li key={key} {...rest} data-testid="worker-option">
            <Stack sx={{ width: '100%' }}>
              <Stack direction="row" sx={{ alignItems: 'center', gap: 1 }}>
                <Typography
                  variant="body2"
                  sx={{ fontWeight: 600, color: w.consent === 'declined' ? 'error.main' : undefined }}
                >
                  {w.name}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {w.pinyin}
                </Typography>
                {w.consent === 'declined' && <ConsentChip consent="declined" />}
              </Stack>
              <Typography variant="caption" color="text.secondary" noWrap>
                {[company?.shortName ?? company?.name, w.department, w.craft, w.employeeNo && `#${w.employeeNo}`]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography>
            </Stack>
          </li>
        );
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          autoFocus={autoFocus}
          placeholder={placeholder}
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': testId } }}
        />
      )}
    />
  );
}

import { Alert, Box, Button, CircularProgress, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { Exhibition, LabelPreview, LabelTemplate } from '@shared/model/exhibition';
import { DEFAULT_LABEL } from '@shared/logic/label-templates';
import { useRemembered } from '../../components/useRemembered';
import { LabelTemplateDialog } from './LabelTemplateDialog';
import type { Photo } from '@shared/model/photo';
import { call, sheetUrl } from '../../api/client';
import { useNotice } from '../../components/NoticeProvider';
import { useI18n } from '../../i18n/I18nProvider';

/** The right column: the selected photo's wall label exactly as it will print, and taking it off the wall. */
export function LabelPanel({
  exhibition,
  photoId,
  photo,
  readOnly,
}: {
  exhibition: Exhibition;
  photoId: string | null;
  photo: Photo | null;
  readOnly: boolean;
}) {
  const [templateId, setTemplateId] = useRemembered('exhibition.labelTemplate', DEFAULT_LABEL);
  const [templates, setTemplates] = useState<LabelTemplate[]>([]);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    call('labels.templates', {}).then(setTemplates, () => undefined);
  }, []);
  const template = templates.find((x) => x.id === templateId) ?? templates[0] ?? null;
  const { t, say, errorText } = useI18n();
  const { notifyError } = useNotice();
  const [preview, setPreview] = useState<LabelPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const placed = exhibition.boards.flatMap((b) => b.photos).find((p) => p.photoId === photoId) ?? null;
  useEffect(() => {
    if (!photoId || !placed) return setPreview(null);
    let live = true;
    setLoading(true);
    call('exhibitions.labelPreview', { id: exhibition.id, photoId, templateId: template?.id })
      .then(
        (p) => live && (setPreview(p), setError(null)),
        (err) => live && setError(errorText(err)),
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [photoId, placed?.number, exhibition, template?.id]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <Box
      sx={{
        width: 340,
        flexShrink: 0,
        borderLeft: 1,
        borderColor: 'divider',
        bgcolor: 'background.paper',
        p: 2,
        overflow: 'auto',
      }}
      data-testid="label-panel"
    >
      <Typography variant="subtitle2" sx={{ mb: 1 }}>
        {t('exhibition.label')}
      </Typography>
      {!placed && (
        <Typography variant="body2" color="text.secondary">
          {t('exhibition.label.none')}
        </Typography>
      )}
      {placed && (
        <>
          <Typography variant="h6" color="primary" sx={{ fontWeight: 700 }} data-testid="label-number">
            {placed.number}
          </Typography>
          <Typography variant="caption" color="text.secondary" component="div" noWrap sx={{ mb: 1 }}>
            {photo?.originalName}
          </Typography>
          <Stack direction="row" spacing={1} sx={{ mb: 1, alignItems: 'center' }}>
            <TextField
              select
              size="small"
              fullWidth
              label={t('labelTemplate.title')}
              value={template?.id ?? ''}
              onChange={(e) => setTemplateId(e.target.value)}
              slotProps={{ htmlInput: { 'data-testid': 'label-template-select' } }}
            >
              {templates.map((x) => (
                <MenuItem key={x.id} value={x.id}>
                  {x.name}
                </MenuItem>
              ))}
            </TextField>
            {!readOnly && template && (
              <Button
                size="small"
                sx={{ flexShrink: 0 }}
                onClick={() => setEditing(true)}
                data-testid="label-template-edit"
              >
                {t('labelTemplate.edit')}
              </Button>
            )}
          </Stack>
          <Box
            sx={{
              position: 'relative',
              minHeight: 120,
              display: 'grid',
              placeItems: 'center',
              bgcolor: 'grey.100',
              borderRadius: 1,
              p: 1,
            }}
          >
            {loading && <CircularProgress size={24} sx={{ position: 'absolute' }} />}
            {preview?.mediaId && (
              <Box
                component="img"
                src={sheetUrl(preview.mediaId)}
                alt={placed.number}
                data-testid="label-preview"
                sx={{ width: '100%', boxShadow: 2, bgcolor: '#fff', opacity: loading ? 0.5 : 1 }}
              />
            )}
          </Box>
          {preview?.problem && (
            <Alert severity="error" sx={{ mt: 1 }}>
              {say(preview.problem)}
            </Alert>
          )}
          {error && (
            <Alert severity="error" sx={{ mt: 1 }}>
              {error}
            </Alert>
          )}
          {!readOnly && (
            <Button
              fullWidth
              variant="outlined"
              sx={{ mt: 2 }}
              onClick={() =>
                call('exhibitions.setLarge', {
                  id: exhibition.id,
                  photoId: placed.photoId,
                  large: !exhibition.large?.includes(placed.photoId),
                }).catch(notifyError)
              }
              data-testid="label-large"
            >
              {exhibition.large?.includes(placed.photoId) ? t('exhibition.smaller') : t('exhibition.larger')}
            </Button>
          )}
          {!readOnly && (
            <Button
              fullWidth
              variant="outlined"
              sx={{ mt: 1 }}
              disabled={exhibition.coverPhotoId === placed.photoId}
              onClick={() =>
                call('exhibitions.update', { id: exhibition.id, coverPhotoId: placed.photoId }).catch(notifyError)
              }
              data-testid="label-cover"
            >
              {exhibition.coverPhotoId === placed.photoId ? t('exhibition.isCover') : t('exhibition.makeCover')}
            </Button>
          )}
          {!readOnly && (
            <Button
              fullWidth
              variant="outlined"
              color="inherit"
              sx={{ mt: 1 }}
              onClick={() =>
                call('exhibitions.remove', { id: exhibition.id, photoId: placed.photoId }).catch(notifyError)
              }
              data-testid="label-remove"
            >
              {t('exhibition.remove')}
            </Button>
          )}
        </>
      )}
      {template && placed && (
        <LabelTemplateDialog
          open={editing}
          template={template}
          exhibitionId={exhibition.id}
          photoId={placed.photoId}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            setTemplates((list) => [...list.filter((x) => x.id !== saved.id), saved]);
            setTemplateId(saved.id);
          }}
        />
      )}
    </Box>
  );
}

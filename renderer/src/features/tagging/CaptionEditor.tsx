import { Button, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { Photo } from '@shared/model/photo';
import { call } from '../../api/client';
import { useNotice } from '../../components/NoticeProvider';
import { useI18n } from '../../i18n/I18nProvider';

/** Title and caption of one photo; saved as one undoable edit. */
export function CaptionEditor({ photo }: { photo: Photo }) {
  const { t } = useI18n();
  const { notifyError } = useNotice();
  const [title, setTitle] = useState(photo.title ?? '');
  const [caption, setCaption] = useState(photo.caption ?? '');
  useEffect(() => {
    setTitle(photo.title ?? '');
    setCaption(photo.caption ?? '');
  }, [photo.id, photo.title, photo.caption]);
  const dirty = title !== (photo.title ?? '') || caption !== (photo.caption ?? '');
  const save = () =>
    call('photos.update', {
      ids: [photo.id],
      patch: { title: title.trim() || null, caption: caption.trim() || null },
    }).catch(notifyError);
  return (
    <Stack spacing={1}>
      <Typography variant="subtitle2">{t('edit.titleCaption')}</Typography>
      <TextField size="small" label={t('meta.title')} value={title} onChange={(e) => setTitle(e.target.value)} />
      <TextField
        size="small"
        label={t('meta.caption')}
        value={caption}
        onChange={(e) => setCaption(e.target.value)}
        multiline
        minRows={2}
        maxRows={6}
      />
      {dirty && (
        <Button size="small" variant="outlined" onClick={() => void save()}>
          {t('edit.save')}
        </Button>
      )}
    </Stack>
  );
}

import TranslateIcon from '@mui/icons-material/Translate';
import { Button } from '@mui/material';
import { useI18n } from '../i18n/I18nProvider';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Button
      size="small"
      color="inherit"
      startIcon={<TranslateIcon fontSize="small" />}
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
      data-testid="lang-switch"
    >
      {t('lang.switch')}
    </Button>
  );
}

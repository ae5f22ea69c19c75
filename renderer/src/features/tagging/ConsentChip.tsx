import BlockIcon from '@mui/icons-material/Block';
import CardGiftcardIcon from '@mui/icons-material/CardGiftcardOutlined';
import HelpOutlineIcon from '@mui/icons-material/HelpOutlineOutlined';
import VerifiedIcon from '@mui/icons-material/VerifiedOutlined';
import { Chip } from '@mui/material';
import type { Consent } from '@shared/model/roster';
import { useI18n } from '../../i18n/I18nProvider';

const ICONS: Record<Consent, React.ReactElement> = {
  exhibit: <VerifiedIcon />,
  'gift-only': <CardGiftcardIcon />,
  declined: <BlockIcon />,
  unknown: <HelpOutlineIcon />,
};
const COLORS: Record<Consent, 'success' | 'warning' | 'error' | 'default'> = {
  exhibit: 'success',
  'gift-only': 'warning',
  declined: 'error',
  unknown: 'default',
};

/** Consent, shown the same everywhere: a declined worker is red in every list. */
export function ConsentChip({ consent, size = 'small' }: { consent: Consent; size?: 'small' | 'medium' }) {
  const { t } = useI18n();
  return (
    <Chip
      size={size}
      icon={ICONS[consent]}
      label={t(`consent.${consent}`)}
      color={COLORS[consent]}
      variant={consent === 'unknown' ? 'outlined' : 'filled'}
      data-consent={consent}
      sx={{ height: 22, '& .MuiChip-label': { px: 0.75, fontSize: 12 } }}
    />
  );
}

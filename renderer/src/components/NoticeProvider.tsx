import { Alert, AlertTitle, Snackbar } from '@mui/material';
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/I18nProvider';
import type { StringKey } from '../i18n/strings';

interface Notice {
  severity: 'error' | 'success' | 'info' | 'warning';
  title?: string;
  message: string;
}

const NoticeContext = createContext<{ notify: (n: Notice) => void; notifyError: (err: unknown) => void } | null>(null);

/** Errors are shown by code, with the service's message that names the thing and the reason. Never swallowed. */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const { t, errorText } = useI18n();
  const [notice, setNotice] = useState<Notice | null>(null);
  const notify = useCallback((n: Notice) => setNotice(n), []);
  const notifyError = useCallback(
    (err: unknown) => {
      if (err instanceof ApiError) {
        const network = err.message === 'NETWORK';
        setNotice({
          severity: 'error',
          title: network ? t('error.NETWORK') : t(`error.${err.code}` as StringKey),
          message: network ? '' : errorText(err),
        });
      } else setNotice({ severity: 'error', title: t('error.generic'), message: errorText(err) });
    },
    [t, errorText],
  );
  return (
    <NoticeContext.Provider value={{ notify, notifyError }}>
      {children}
      <Snackbar
        open={!!notice}
        autoHideDuration={notice?.severity === 'error' ? 9000 : 4000}
        onClose={() => setNotice(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      >
        {notice ? (
          <Alert
            severity={notice.severity}
            variant="filled"
            onClose={() => setNotice(null)}
            sx={{ maxWidth: 640 }}
            data-testid="notice"
          >
            {notice.title && <AlertTitle>{notice.title}</AlertTitle>}
            {notice.message}
          </Alert>
        ) : undefined}
      </Snackbar>
    </NoticeContext.Provider>
  );
}

export function useNotice() {
  const ctx = useContext(NoticeContext);
  if (!ctx) throw new Error('useNotice outside NoticeProvider');
  return ctx;
}

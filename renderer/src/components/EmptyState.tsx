import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** A designed empty or error state: an icon, what is going on, and the one thing to do next. */
export function EmptyState({
  icon,
  title,
  body,
  action,
  testId,
}: {
  icon: ReactNode;
  title: string;
  body?: string;
  action?: ReactNode;
  testId?: string;
}) {
  return (
    <Box
      data-testid={testId}
      sx={{
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        gap: 1.5,
        p: 4,
        textAlign: 'center',
        color: 'text.secondary',
      }}
    >
      <Box sx={{ fontSize: 56, color: 'primary.main', opacity: 0.85, '& svg': { fontSize: 'inherit' } }}>{icon}</Box>
      <Typography variant="h6" color="text.primary">
        {title}
      </Typography>
      {body && (
        <Typography variant="body2" sx={{ maxWidth: 420 }}>
          {body}
        </Typography>
      )}
      {action && <Box sx={{ mt: 1 }}>{action}</Box>}
    </Box>
  );
}

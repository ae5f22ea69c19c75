import { createTheme } from '@mui/material/styles';

/** Chinese first: a bundled Noto Sans SC so no machine shows boxes, then the usual system CJK faces. */
const FONT_STACK = [
  '"Noto Sans SC"',
  '"PingFang SC"',
  '"Microsoft YaHei"',
  '"Source Han Sans SC"',
  'system-ui',
  'sans-serif',
].join(',');

/** Calm paper tones with the union's red kept for what matters: the primary action and the picked flag. */
export const theme = createTheme({
  palette: {
    mode: 'light',
    primary: { main: '#b03a2e', contrastText: '#ffffff' },
    secondary: { main: '#3d5a6c' },
    background: { default: '#f6f4f0', paper: '#ffffff' },
    text: { primary: '#25221f', secondary: '#6b645c' },
    divider: '#e4dfd7',
    success: { main: '#3f7d4e' },
    warning: { main: '#b7791f' },
  },
  shape: { borderRadius: 8 },
  typography: {
    fontFamily: FONT_STACK,
    fontSize: 14,
    h4: { fontWeight: 600, letterSpacing: '0.02em' },
    h5: { fontWeight: 600, letterSpacing: '0.02em' },
    h6: { fontWeight: 600, fontSize: '1.05rem' },
    subtitle2: { fontWeight: 600 },
    body2: { lineHeight: 1.6 },
    button: { textTransform: 'none', fontWeight: 500, letterSpacing: '0.02em' },
  },
  components: {
    MuiButton: { defaultProps: { disableElevation: true } },
    MuiPaper: { styleOverrides: { root: { backgroundImage: 'none' } } },
    MuiAppBar: { defaultProps: { elevation: 0, color: 'inherit' } },
    MuiTooltip: { defaultProps: { arrow: true } },
  },
});

/** The grid sits on a neutral mid-tone so photos are judged fairly, as in Lightroom. */
export const GRID_BACKGROUND = '#e9e6e1';

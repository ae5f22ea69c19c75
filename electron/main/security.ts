/**
 * One CSP for both shells. MUI's emotion injects <style> tags, so styles may be inline; scripts may not.
 * Images come from our own origin (browser host) or our media protocol (Electron), never from the network.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: cl-media:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const MEDIA_SCHEME = 'cl-media';

import { describe, expect, it } from 'vitest';
import { devRendererUrl, isAppUrl, mayOpenExternally } from '../../../../electron/main/navigation';

describe('the window may show only our renderer', () => {
  const file = { rendererUrl: null, rendererFile: '/app/out/renderer/index.html' };
  const dev = { rendererUrl: 'http://localhost:5173', rendererFile: '/app/out/renderer/index.html' };

  it('takes the dev server only under npm run dev, unpackaged, on this machine', () => {
    const env = { NODE_ENV_ELECTRON_VITE: 'development', ELECTRON_RENDERER_URL: 'http://localhost:5173/' };
    expect(devRendererUrl(env, false, true)).toBe('http://localhost:5173');
    expect(devRendererUrl(env, true, true)).toBeNull(); // packaged
    expect(devRendererUrl(env, false, false)).toBeNull(); // a production build
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: 'http://localhost:5173/' }, false, true)).toBeNull(); // not started by electron-vite dev
    expect(devRendererUrl({ ...env, ELECTRON_RENDERER_URL: 'https://evil.example/' }, false, true)).toBeNull();
    expect(devRendererUrl({ ...env, ELECTRON_RENDERER_URL: 'not a url' }, false, true)).toBeNull();
  });

  it('matches the dev origin exactly, not by prefix, and the renderer file exactly', () => {
    expect(isAppUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5173.evil.example/', dev)).toBe(false);
    expect(isAppUrl('http://localhost:51730/', dev)).toBe(false);
    expect(isAppUrl('file:///app/out/renderer/index.html', file)).toBe(true);
    expect(isAppUrl('file:///app/out/renderer/index.html.evil', file)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', file)).toBe(false);
    expect(isAppUrl('https://example.com/', file)).toBe(false);
  });

  it('hands only allow-listed https links to the browser', () => {
    expect(mayOpenExternally('https://github.com/ianare/exif-samples')).toBe(true);
    expect(mayOpenExternally('http://github.com/')).toBe(false);
    expect(mayOpenExternally('https://github.com.evil.example/')).toBe(false);
    expect(mayOpenExternally('https://user:pw@github.com/')).toBe(false);
    expect(mayOpenExternally('file:///etc/passwd')).toBe(false);
    expect(mayOpenExternally('ms-settings:')).toBe(false);
  });
});

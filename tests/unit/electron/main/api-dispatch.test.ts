import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../electron/main/api-dispatch';
import { createHandlers } from '../../../../electron/main/api-handlers';
import { createServices } from '../../../../electron/main/container';
import { createLogger } from '../../../../electron/main/logger';
import { tempDir } from '../../../helpers/factories';

const services = createServices({ home: await tempDir() });
const handlers = createHandlers(services, 'cli');
const logger = createLogger('test');

describe(dispatch.name, () => {
  it('refuses a method that is not in the contract', async () => {
    expect(await dispatch(handlers, 'fs.deleteEverything', {}, logger)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
  it('validates the request and names the bad field', async () => {
    const r = await dispatch(handlers, 'photos.setRating', { ids: ['../etc/passwd'], rating: 9 }, logger);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(!r.ok && r.error.message).toMatch(/ids\.0.*hex/);
    expect(!r.ok && r.error.message).toMatch(/rating/);
  });
  it('refuses unknown fields rather than ignoring them', async () => {
    expect(await dispatch(handlers, 'projects.open', { dir: '/x', evil: true }, logger)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });
  it('passes service errors through with their code', async () => {
    expect(await dispatch(handlers, 'photos.list', {}, logger)).toMatchObject({
      ok: false,
      error: { code: 'NO_PROJECT' },
    });
  });
  it('answers with the value on success', async () => {
    expect(await dispatch(handlers, 'app.info', {}, logger)).toMatchObject({ ok: true, value: { host: 'cli' } });
  });
});

import { describe, expect, it } from 'vitest';
import { API_METHODS, KIOSK_METHODS, METHOD_KINDS, METHODS } from '../../../../shared/api/contract';
import { exhibitionsMethods } from '../../../../shared/api/methods/exhibitions';
import { facesMethods } from '../../../../shared/api/methods/faces';
import { galleryMethods } from '../../../../shared/api/methods/gallery';
import { giftsMethods } from '../../../../shared/api/methods/gifts';
import { jobsMethods } from '../../../../shared/api/methods/jobs';
import { photosMethods } from '../../../../shared/api/methods/photos';
import { projectMethods } from '../../../../shared/api/methods/project';
import { rosterMethods } from '../../../../shared/api/methods/roster';
import { tagsMethods } from '../../../../shared/api/methods/tags';

const DOMAINS = {
  projectMethods,
  photosMethods,
  tagsMethods,
  rosterMethods,
  giftsMethods,
  exhibitionsMethods,
  galleryMethods,
  facesMethods,
  jobsMethods,
};

describe('the API, declared once per domain', () => {
  it('declares every method in exactly one domain (a second declaration would silently replace the first)', () => {
    const names = Object.values(DOMAINS).flatMap((d) => Object.keys(d));
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    expect([...API_METHODS].sort()).toEqual([...names].sort());
  });

  it('derives the kinds and the kiosk list from the declarations; the kiosk only reads', () => {
    for (const m of API_METHODS) expect(METHOD_KINDS[m], m).toBe(METHODS[m].kind);
    expect([...KIOSK_METHODS].sort()).toEqual(['app.info', 'find.kiosk', 'find.label', 'find.worker']);
    for (const m of KIOSK_METHODS) expect(['read', 'session'], m).toContain(METHOD_KINDS[m]);
  });

  it('refuses a field a method does not know, for every method (a typo is never silently dropped)', () => {
    const lax = API_METHODS.filter((m) => METHODS[m].schema.safeParse({ surplusField: 1 }).success);
    expect(lax).toEqual([]);
  });
});

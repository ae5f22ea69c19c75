import { describe, expect, it } from 'vitest';
import { regionToDisplayed, regionToStored } from '../../../../shared/logic/region-orientation';

const r = { x: 0.1, y: 0.2, w: 0.3, h: 0.4 };
describe('regionToStored', () => {
  it.each([
    [1, { x: 0.1, y: 0.2, w: 0.3, h: 0.4 }],
    [3, { x: 0.6, y: 0.4, w: 0.3, h: 0.4 }],
    [6, { x: 0.2, y: 0.6, w: 0.4, h: 0.3 }],
    [8, { x: 0.4, y: 0.1, w: 0.4, h: 0.3 }],
    [2, { x: 0.6, y: 0.2, w: 0.3, h: 0.4 }],
  ])('orientation %i', (o, out) => expect(regionToStored(r, o)).toEqual(out));
});

describe('regionToDisplayed', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('undoes regionToStored for orientation %i', (o) => {
    expect(regionToDisplayed(regionToStored(r, o), o)).toEqual(r);
  });
});

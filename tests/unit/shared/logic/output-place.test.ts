import { describe, expect, it } from 'vitest';
import { outPlaceProblem } from '../../../../shared/logic/output-place';

const project = '/home/u/追光/2025五月';
const originals = ['/media/card/DCIM/100CANON', '/home/u/追光/2025五月/originals/2025-05-12'];

describe(outPlaceProblem.name, () => {
  it.each([
    [project, 'project'],
    [`${project}/cache`, 'project'],
    [`${project}/cache/thumbs`, 'project'],
    [`${project}/originals`, 'project'],
    ['/media/card/DCIM/100CANON', 'originals'],
    ['/media/card/DCIM/100CANON/web', 'originals'],
    // A folder holding a camera folder: the next import of it would bring the gallery in.
    ['/media/card', 'originals'],
    ['/media', 'originals'],
  ])('refuses %s (%s)', (out, kind) => {
    expect(outPlaceProblem(out, project, originals)?.kind).toBe(kind);
  });

  it.each([
    `${project}/exports`,
    `${project}/exports/网页相册`,
    '/home/u/网页相册',
    '/media/card2',
    '/media/card/DCIM/100CANON-web',
  ])('lets an export write to %s', (out) => {
    expect(outPlaceProblem(out, project, originals)).toBeNull();
  });

  it('lets sidecars sit beside the photos, never in the project outside exports/', () => {
    expect(outPlaceProblem('/media/card/DCIM/100CANON', project, originals, { sidecars: true })).toBeNull();
    expect(outPlaceProblem(`${project}/cache`, project, originals, { sidecars: true })).toEqual({
      kind: 'project',
      dir: project,
    });
  });

  it('names the camera folder in the way', () => {
    expect(outPlaceProblem('/media/card', project, originals)).toEqual({
      kind: 'originals',
      dir: '/media/card/DCIM/100CANON',
    });
  });
});

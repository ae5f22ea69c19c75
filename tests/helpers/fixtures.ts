import path from 'node:path';

/**
 * Photos of known people, in the repository (a resized copy of ../shared/faces: see its SOURCES.md):
 * train/<person>/…, test/…, and who is in each, left to right (truth.json). Read-only: copy before changing.
 */
export const FACES_FIXTURES = path.resolve(import.meta.dirname, '../fixtures/faces');

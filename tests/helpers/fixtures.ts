import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Photos of known people, in the repository (a resized copy of ../shared/faces: see its SOURCES.md):
 * train/<person>/…, test/…, and who is in each, left to right (truth.json). Read-only: copy before changing.
 */
export const FACES_FIXTURES = path.resolve(import.meta.dirname, '../fixtures/faces');

/** Real camera files the tests need, copied into the repository with their sources (tests/fixtures/photos/SOURCES.md). */
export const PHOTO_FIXTURES = path.resolve(import.meta.dirname, '../fixtures/photos');
/** Real RAW files (one with a usable preview), copied likewise. */
export const RAW_FIXTURES = path.resolve(import.meta.dirname, '../fixtures/raw');
/**
 * The team's whole set of real camera files and their tools, beside the repository (read-only) when this is the
 * team's machine; a clone elsewhere has none, and the tests that read them say so and are skipped.
 */
export const SHARED_PHOTOS = path.resolve(import.meta.dirname, '../../../shared/photos');
export const hasTeamResources = existsSync(SHARED_PHOTOS);

// The layers the linter holds: shells → handlers → services → repositories, and pure shared/ under all of them.
// Each layer's list is the list of the layer it sits in plus its own bans (arrays concatenated, never replaced),
// so a ban written once for the main process holds in services and repositories too.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
/** Every library the project installs: a new dependency is banned from services and shared/ until allowed here. */
const LIBRARIES = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter(
  (name) => !name.startsWith('@types/'),
);

/** Libraries a service may call: pure rules, no disk, no images, no processes. */
const SERVICE_LIBRARIES = ['zod', 'pinyin-pro'];
/** Libraries shared/ may call: pure TypeScript that runs in the window and in the main process alike. */
const SHARED_LIBRARIES = ['zod', 'pinyin-pro', 'qrcode', '@xmldom/xmldom'];

/** What only repositories touch: the file system and processes, and the libraries for images, PDFs, metadata, spreadsheets, the catalog. */
const FILES_AND_PROCESSES = ['fs', 'node:fs', 'child_process', 'node:child_process'];
const REPOSITORY_LIBRARIES = [
  'sharp',
  'heic-decode',
  'pdf-lib',
  '@pdf-lib/fontkit',
  'subset-font',
  'exiftool-vendored',
  'exifr',
  'lowdb',
  'proper-lockfile',
  'exceljs',
  'csv-parse',
  '@tensorflow/*',
  '@vladmandic/face-api',
];
const RENDERER_LIBRARIES = ['react', 'react-dom', 'react-virtuoso', '@mui/*', '@emotion/*', '@fontsource/*'];
/** The main process's shells and wiring: what calls services, so nothing under them may call it back. */
const SHELLS = [
  'api-handlers',
  'api-dispatch',
  'container',
  'ipc',
  'http-server',
  'window',
  'protocol',
  'native-dialog',
];

const escape = (text) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** Bans packages by name, with everything under them ('sharp' also bans 'sharp/lib'); '*' is one path segment. */
function modules(names, message) {
  const alternatives = names.map((name) => escape(name).replace(/\*/g, '[^/]+'));
  return { regex: `^(?:${alternatives.join('|')})(?:/.*)?$`, message };
}

/** Bans relative imports that reach into one of our folders ('../../renderer/src/x'). */
function folders(names, message) {
  return { regex: `^\\.{1,2}/(?:.*/)?(?:${names.map(escape).join('|')})(?:/|$)`, message };
}

/** Bans relative imports of one of our files by its name, wherever it sits ('../api-handlers'). */
function files(names, message) {
  return { regex: `^\\.{1,2}/(?:.*/)?(?:${names.map(escape).join('|')})(?:\\.[cm]?[jt]s)?$`, message };
}

/** Bans every installed library not allowed and not already banned above (one ban, one error). */
function otherLibraries(layer, allowed, message) {
  const bannedAbove = (name) => layer.some((ban) => new RegExp(ban.regex, 'u').test(name));
  const names = LIBRARIES.filter((name) => !allowed.includes(name) && !bannedAbove(name));
  return names.length ? [modules(names, message)] : [];
}

const NODE = modules(
  ['node:*', ...builtinModules.filter((name) => !name.startsWith('_'))],
  'shared/ and the renderer run without Node: no Node built-ins.',
);
const ELECTRON = modules(
  ['electron'],
  'Only the shells (index, window, ipc, protocol, dialogs) speak to Electron: below them the code runs under plain Node and in the tests.',
);

/** electron/**: the main process never imports the window's code or its libraries. */
const main = [
  folders(['renderer'], 'electron/ never imports the renderer: it reaches the window through IPC or HTTP.'),
  modules(RENDERER_LIBRARIES, 'React, MUI and the UI fonts belong to the renderer, not the main process.'),
];

/** electron/** but repositories: everything above the repositories reaches disk, images and metadata through them. */
const aboveRepositories = [
  ...main,
  modules(
    [...FILES_AND_PROCESSES, ...REPOSITORY_LIBRARIES],
    'Only repositories touch the file system, processes, sharp, pdf-lib, exiftool and the catalog: call a repository.',
  ),
];

const belowShells = [
  ELECTRON,
  files(SHELLS, 'The handlers, dispatch, container and shells call this layer; it never calls them back.'),
  folders(['cli', 'preload'], 'The CLI and the preload are shells: nothing under them imports them.'),
];

/** electron/main/services/**: the rules, testable under plain Node with real repositories. */
const services = [...aboveRepositories, ...belowShells];
services.push(
  ...otherLibraries(
    services,
    SERVICE_LIBRARIES,
    `A service calls only ${SERVICE_LIBRARIES.join(', ')} and repositories (lint/layers.js says which libraries).`,
  ),
);

/** electron/main/repositories/**: the I/O, called by services and never calling them. */
const repositories = [
  ...main,
  ...belowShells,
  folders(['services'], 'Repositories are called by services and never call them back.'),
];

/** renderer/**: the window, sandboxed: no Node, no Electron, no I/O libraries; the API client is its one way out. */
const renderer = [
  NODE,
  ELECTRON,
  modules(REPOSITORY_LIBRARIES, 'The renderer reaches files and images only through the API (src/api/client.ts).'),
  folders(['electron'], 'The renderer reaches the main process only through api/client.ts.'),
];

/** shared/**: pure TypeScript under both sides: the renderer's bans, and nothing of the renderer either. */
const shared = [
  ...renderer,
  folders(['renderer'], 'shared/ is pure TypeScript: it never imports the renderer.'),
  modules(RENDERER_LIBRARIES, 'shared/ is pure TypeScript: no React or MUI.'),
];
shared.push(
  ...otherLibraries(
    shared,
    SHARED_LIBRARIES,
    `shared/ calls only ${SHARED_LIBRARIES.join(', ')} (lint/layers.js says which libraries).`,
  ),
);

/** Case-sensitive, as module names are; the same list feeds the static and the dynamic-import rule. */
const withCase = (layer) => layer.map((ban) => ({ ...ban, caseSensitive: true }));

export const LAYERS = {
  aboveRepositories: withCase(aboveRepositories),
  services: withCase(services),
  repositories: withCase(repositories),
  renderer: withCase(renderer),
  shared: withCase(shared),
};

import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layers as the team states them (issue 17), fed to the repository's own ESLint config as tiny files placed
// inside each layer: every forbidden import, static and dynamic, is an error; what a layer lives on passes.
const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });
const LAYER_RULES = ['no-restricted-imports', 'layers/no-restricted-dynamic-imports'];

interface Layer {
  name: string;
  /** a file inside the layer (it need not exist) */
  file: string;
  forbidden: string[];
  allowed: string[];
}

const LAYERS: Layer[] = [
  {
    name: 'shared/',
    file: 'shared/logic/probe.ts',
    forbidden: [
      'node:fs',
      'fs',
      'path',
      'node:crypto',
      'electron',
      '../../electron/main/container',
      '../../renderer/src/App',
      'react',
      '@mui/material',
      'sharp',
      'lowdb',
      'exceljs',
    ],
    allowed: ['zod', 'pinyin-pro', '../model/photo'],
  },
  {
    name: 'the renderer',
    file: 'renderer/src/probe.ts',
    forbidden: ['node:fs', 'fs/promises', 'path', 'electron', '../../electron/main/api-handlers', 'sharp', 'exifr'],
    allowed: ['react', '@mui/material', '@shared/model/photo'],
  },
  {
    name: 'the main process above the repositories',
    file: 'electron/main/probe.ts',
    forbidden: [
      'node:fs',
      'fs',
      'sharp',
      'pdf-lib',
      'exiftool-vendored',
      'node:child_process',
      'react',
      '@mui/material',
      '../../renderer/src/App',
    ],
    allowed: ['electron', 'node:http', './api-handlers', './repositories/storage.repository'],
  },
  {
    name: 'the CLI',
    file: 'electron/cli/probe.ts',
    forbidden: ['node:fs/promises', 'sharp', 'lowdb'],
    allowed: ['node:util', '../main/container'],
  },
  {
    name: 'services',
    file: 'electron/main/services/probe.service.ts',
    forbidden: [
      'electron',
      'react',
      'react-dom',
      '@mui/material',
      '@emotion/react',
      '../api-handlers',
      '../api-dispatch',
      '../container',
      '../http-server',
      '../ipc',
      'node:fs',
      'fs',
      'fs/promises',
      'node:child_process',
      'sharp',
      'pdf-lib',
      '@pdf-lib/fontkit',
      'exiftool-vendored',
      'exifr',
      'lowdb',
      'heic-decode',
      'exceljs',
      'qrcode',
      'tsx',
      '../../../renderer/src/App',
    ],
    allowed: [
      'zod',
      'node:path',
      'node:crypto',
      '../repositories/storage.repository',
      './photo.service',
      '../../../shared/model/photo',
    ],
  },
  {
    name: 'repositories',
    file: 'electron/main/repositories/probe.repository.ts',
    forbidden: [
      '../services/photo.service',
      'electron',
      'react',
      '@mui/material',
      '../api-handlers',
      '../container',
      '../../../renderer/src/App',
    ],
    allowed: ['sharp', 'node:fs/promises', 'pdf-lib', './storage.repository', '../../../shared/errors'],
  },
];

async function layerErrors(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  expect(result.messages.filter((m) => m.fatal)).toEqual([]);
  return result.messages.filter((m) => LAYER_RULES.includes(m.ruleId ?? ''));
}

const staticImport = (spec: string) => `import * as probe from '${spec}';\nexport { probe };\n`;
const dynamicImport = (spec: string) => `export const load = () => import('${spec}');\n`;

describe.each(LAYERS)('the lint config holds $name', ({ file, forbidden, allowed }) => {
  it.each(forbidden)('refuses %s, imported or loaded with import()', async (spec) => {
    expect(await layerErrors(file, staticImport(spec))).toHaveLength(1);
    expect(await layerErrors(file, dynamicImport(spec))).toHaveLength(1);
  });

  it.each(allowed)('lets %s through', async (spec) => {
    expect(await layerErrors(file, staticImport(spec))).toEqual([]);
    expect(await layerErrors(file, dynamicImport(spec))).toEqual([]);
  });
});

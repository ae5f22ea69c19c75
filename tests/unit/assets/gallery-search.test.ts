import fs from 'node:fs/promises';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { nameMatch } from '../../../shared/logic/worker-search';

/** The gallery's search is a classic script (file:// refuses modules): it must answer as the app's matcher does. */
describe('assets/gallery/gallery.js', () => {
  it('matches names exactly as shared/logic/worker-search does', async () => {
    const source = await fs.readFile(path.resolve(import.meta.dirname, '../../../assets/gallery/gallery.js'), 'utf8');
    const sandbox: { galleryNameMatch?: typeof nameMatch } = {};
    vm.runInNewContext(source, { globalThis: sandbox });
    const match = sandbox.galleryNameMatch!;
    const names: [string, string][] = [['占牡丹', 'zhan mu dan'], ['吕', 'lü'], ['Anna', 'anna'], ['欧阳娜娜', 'ou yang na na'], ['王伟', 'wang wei']];
    const queries = ['zmd', 'zhàn mǔ', '占md', '牡丹', 'zh m d', 'lv', 'lu', 'ann', 'oyn', 'ouyangnana', '娜娜', 'ww', 'wangw', 'x', '', '！', 'zhanmudanx'];
    for (const [name, py] of names) for (const q of queries) expect([name, q, match(q, name, py)]).toEqual([name, q, nameMatch(q, name, py)]);
  });
});

import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { XmpService } from '../../electron/main/services/xmp.service';
import { writePhoto } from '../helpers/factories';
import { freshProjects } from '../helpers/services';
import { hasExiftool, lacks } from '../helpers/tools';

const freshProject = freshProjects();

const LIGHTROOM = `<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Adobe XMP Core 7.0">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:crs="http://ns.adobe.com/camera-raw-settings/1.0/"
    xmp:Rating="2" crs:Exposure2012="+0.65" crs:Temperature="5200"/>
 </rdf:RDF>
</x:xmpmeta>`;

describe(XmpService.name, () => {
  it('merges into a sidecar already in the output folder, and leaves one it cannot read as it was', async () => {
    const { services, root } = await freshProject();
    const card = path.join(root, 'card');
    await writePhoto(card, 'IMG_0001.JPG', { seed: 41 });
    await writePhoto(card, 'IMG_0002.JPG', { seed: 42 });
    await services.importer.run({ paths: [card] });
    const w = services.roster.createWorker({ name: '占牡丹' });
    const [a, b] = services.photos.list();
    services.tagging.tag([a!.id, b!.id], w.id);
    const out = path.join(root, 'sidecars');
    await fs.mkdir(out);
    await fs.writeFile(path.join(out, 'IMG_0001.xmp'), LIGHTROOM);
    await fs.writeFile(path.join(out, 'IMG_0002.xmp'), 'damaged <<<');
    const { written, refused } = await services.xmp.write(undefined, out);
    expect(written).toEqual([path.join(out, 'IMG_0001.xmp')]);
    expect(refused).toEqual([
      expect.objectContaining({ path: path.join(out, 'IMG_0002.xmp'), code: 'CORRUPT', key: 'xmp.unreadableExisting' }),
    ]);
    expect(await fs.readFile(path.join(out, 'IMG_0002.xmp'), 'utf8')).toBe('damaged <<<');
    const merged = await fs.readFile(path.join(out, 'IMG_0001.xmp'), 'utf8');
    expect(merged).toMatch(/crs:Exposure2012="\+0\.65"/);
    expect(merged).toMatch(/占牡丹/);
  });

  it.skipIf(lacks(hasExiftool))(
    'writes a merged sidecar that exiftool reads with both the develop settings and the people',
    async () => {
      const { services, root } = await freshProject();
      const card = path.join(root, 'card');
      await writePhoto(card, 'IMG_0001.JPG', { seed: 43 });
      await services.importer.run({ paths: [card] });
      const w = services.roster.createWorker({ name: '占牡丹' });
      services.tagging.tag([services.photos.list()[0]!.id], w.id);
      const out = path.join(root, 'sidecars');
      await fs.mkdir(out);
      await fs.writeFile(path.join(out, 'IMG_0001.xmp'), LIGHTROOM);
      await services.xmp.write(undefined, out);
      const { stdout } = await promisify(execFile)('exiftool', ['-json', '-G1', path.join(out, 'IMG_0001.xmp')]);
      const [tags] = JSON.parse(stdout);
      expect(tags).toMatchObject({
        'XMP-crs:Exposure2012': '+0.65',
        'XMP-crs:ColorTemperature': 5200,
        'XMP-iptcExt:PersonInImage': '占牡丹',
        'XMP-xmp:Rating': 0,
      });
    },
  );
});

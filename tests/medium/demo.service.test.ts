import { describe, expect, it } from 'vitest';
import { createServices } from '../../electron/main/container';
import { DemoService } from '../../electron/main/services/demo.service';
import { tempDir } from '../helpers/factories';

describe(DemoService.name, () => {
  it('builds the demo campaign once: real photos, made-up companies and workers, tags, gifts, nothing to undo', async () => {
    const home = await tempDir();
    const services = createServices({ home });
    try {
      const info = await services.demo.open();
      expect(info).toMatchObject({ isDemo: true, photoCount: 10 });
      expect(
        services.roster
          .companies()
          .map((c) => c.shortName)
          .sort(),
      ).toEqual(['华宇机械', '明和电气', '科润智控'].sort());
      const gifts = services.gifts.list();
      expect(gifts.map((g) => g.workerName).sort()).toEqual(['占牡丹', '周丽娟', '徐建军', '王伟'].sort());
      expect(gifts.find((g) => g.workerName === '周丽娟')!.blocked).toEqual({ key: 'gift.declined' });
      expect(services.history.state().entries).toEqual([]);
      // Originals were copied in: the assets stay as they are, the project holds the copies.
      expect(services.photos.list().every((p) => p.originalPath?.includes('assets'))).toBe(true);
      // Opening it again reuses it.
      await services.projects.close();
      const again = await services.demo.open();
      expect(again.id).toBe(info.id);
    } finally {
      await services.close();
    }
  });
});

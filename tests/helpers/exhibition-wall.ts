import path from 'node:path';
import { writePhoto } from './factories';
import { freshProjects } from './services';

/**
 * A project for exhibition tests: eight photos (two portrait) by 陈晓明 of four workers with every kind of
 * consent — 占牡丹 agreed (IMG_0, 1, 3), 徐建军 gift only (IMG_2), 周丽娟 declined (IMG_4), 王伟 not asked
 * (IMG_5); IMG_6 and IMG_7 have no one tagged. `long` sets the long edge in pixels.
 */
export function exhibitionWall() {
  const freshProject = freshProjects();
  return async (long = 1200) => {
    const ctx = await freshProject();
    const { services, root } = ctx;
    const short = Math.round((long * 2) / 3);
    for (let i = 0; i < 8; i++)
      await writePhoto(path.join(root, 'card'), `IMG_${i}.JPG`, {
        width: i % 4 === 3 ? short : long,
        height: i % 4 === 3 ? long : short,
        seed: 900 + i,
      });
    await services.importer.run({ paths: [path.join(root, 'card')], photographer: '陈晓明' });
    const a = services.roster.createCompany({ name: '科润智能控制股份有限公司' });
    const b = services.roster.createCompany({ name: '江山华宇机械有限公司' });
    const yes = services.roster.createWorker({
      name: '占牡丹',
      companyId: a.id,
      consent: 'exhibit',
      craft: '绕线工',
      quote: '被看见，累也轻了',
    });
    const gift = services.roster.createWorker({ name: '徐建军', companyId: a.id, consent: 'gift-only' });
    const no = services.roster.createWorker({ name: '周丽娟', companyId: b.id, consent: 'declined' });
    const unasked = services.roster.createWorker({ name: '王伟', companyId: b.id, consent: 'unknown' });
    const byName = (n: string) => services.photos.list().find((p) => p.originalName === n)!.id;
    services.tagging.tag([byName('IMG_0.JPG'), byName('IMG_1.JPG'), byName('IMG_3.JPG')], yes.id);
    services.tagging.tag([byName('IMG_2.JPG')], gift.id);
    services.tagging.tag([byName('IMG_4.JPG')], no.id);
    services.tagging.tag([byName('IMG_5.JPG')], unasked.id);
    return { ...ctx, byName, workers: { yes, gift, no, unasked } };
  };
}

import type { CampaignFigures } from '../../../shared/logic/summary-card';
import type { Exhibition } from '../../../shared/model/exhibition';
import { DEFAULT_CAMPAIGN, type Campaign } from '../../../shared/model/gift';
import type { ProjectSession } from './project-session';

/**
 * The campaign the project is for (its theme, organiser, dates), and its figures: one record of the project, read
 * by the gift captions, the exhibition's texts, the summary card, the catalogue and the gallery's front page.
 */
export class CampaignService {
  constructor(private readonly deps: { session: ProjectSession }) {}

  campaign(): Campaign {
    return { ...DEFAULT_CAMPAIGN, ...(this.deps.session.require().project.campaign ?? {}) };
  }

  update(patch: Partial<Campaign>): Campaign {
    const next = { ...this.campaign(), ...patch };
    this.deps.session.require().setProject({ campaign: next });
    return next;
  }

  /** The campaign's figures, counted from the catalog (never typed by hand). */
  facts() {
    const photos = this.deps.session.require().photos();
    const photographers = [...new Set(photos.map((p) => p.photographer).filter((p): p is string => !!p))].sort(
      new Intl.Collator('zh-CN').compare,
    );
    const companies = new Set(photos.map((p) => p.companyId ?? p.company).filter(Boolean));
    const days = new Set(photos.map((p) => p.shootDay ?? p.capturedAt?.slice(0, 10)).filter(Boolean));
    return { photographers, companies: companies.size, days: days.size, photos: photos.length };
  }

  /** The figures a summary card and the gallery show for an exhibition: counted, never typed. */
  figures(exhibition: Exhibition): CampaignFigures {
    const facts = this.facts();
    return {
      photographers: facts.photographers.length,
      companies: facts.companies,
      days: facts.days,
      photos: facts.photos,
      exhibited: exhibition.boards.reduce((n, b) => n + b.photos.length, 0),
      gifts: this.deps.session
        .require()
        .all('gifts')
        .filter((g) => g.handOver?.handedOverAt).length,
    };
  }
}

import type { CaptionValues } from '../../../shared/logic/caption-template';
import { homeCity, shortCompanyName } from '../../../shared/logic/company-name';
import type { Photo } from '../../../shared/model/photo';
import type { Worker } from '../../../shared/model/roster';
import type { CampaignService } from './campaign.service';
import type { ProjectSession } from './project-session';

/**
 * The words a caption can use for one photo: who is in it (or the one worker a gift is for), their company, the
 * photographer's credit, the day, the campaign. Gift sheets, wall labels, the catalogue and the gallery say the same.
 */
export class CaptionValuesService {
  constructor(private readonly deps: { session: ProjectSession; campaign: CampaignService }) {}

  of(photo: Photo, worker: Worker | null): CaptionValues {
    const catalog = this.deps.session.require();
    const people = worker
      ? [worker]
      : photo.workers.map((id) => catalog.get('workers', id)).filter((w): w is Worker => !!w);
    const companyId = worker?.companyId ?? photo.companyId;
    const company = companyId ? catalog.get('companies', companyId) : undefined;
    const photographer = photo.photographer
      ? catalog.all('photographers').find((p) => p.name === photo.photographer)
      : undefined;
    const campaign = this.deps.campaign.campaign();
    return {
      'worker.name': people.map((w) => w.name).join('、') || null,
      'worker.craft': worker?.craft ?? null,
      'worker.department': worker?.department ?? null,
      'worker.quote': worker?.quote ?? null,
      'company.name': company?.name ?? photo.company,
      'company.short':
        company?.shortName ||
        shortCompanyName(company?.name ?? photo.company ?? '', homeCity(campaign.organizer)) ||
        null,
      'photographer.name': photo.photographer,
      'photographer.credit': photographer?.credit ?? (photo.photographer ? `摄影：${photo.photographer}` : null),
      // The day the photographer was there (the shoot day of the import), not the camera clock, which is often unset
      // or years off (a 2014 date on a 2025 campaign); photo.captured gives the clock date to those who want it.
      'photo.date': photo.shootDay ?? photo.capturedAt,
      'photo.captured': photo.capturedAt,
      'photo.title': photo.title,
      'photo.caption': photo.caption,
      'campaign.theme': campaign.theme,
      'campaign.organizer': campaign.organizer,
    };
  }
}

import type { Consent, Worker } from '../model/roster';

export interface PhotoUsage {
  /** every tagged worker agreed to be exhibited */
  mayExhibit: boolean;
  /** no tagged worker declined (a gift goes to the people in it) */
  mayGift: boolean;
  /** who stands in the way, and why */
  blockers: { workerId: string; name: string; consent: Consent }[];
}

/** Whether a photo may go on the exhibition wall or be framed as a gift, given who is in it. */
export function photoUsage(workers: Worker[]): PhotoUsage {
  const blockers = workers.filter((w) => w.consent !== 'exhibit').map((w) => ({ workerId: w.id, name: w.name, consent: w.consent }));
  return {
    mayExhibit: blockers.length === 0,
    mayGift: !workers.some((w) => w.consent === 'declined'),
    blockers,
  };
}

import { msg, type Message } from '../i18n/messages';
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
  const blockers = workers
    .filter((w) => w.consent !== 'exhibit')
    .map((w) => ({ workerId: w.id, name: w.name, consent: w.consent }));
  return {
    mayExhibit: blockers.length === 0,
    mayGift: !workers.some((w) => w.consent === 'declined'),
    blockers,
  };
}

/** May a photo hang in the exhibition: yes, only once the user confirms (someone in it was not asked), or never. */
export type ExhibitRule = { rule: 'yes'; reason: null } | { rule: 'ask' | 'never'; reason: Message };

/**
 * The wall's rule, stricter than the gift's: everyone tagged must have agreed to be exhibited. A worker who
 * declined or agreed to a gift only keeps the photo off the wall; one not asked yet puts it on the "to ask" list.
 */
export function exhibitRule(workers: Worker[]): ExhibitRule {
  const never = workers.find((w) => w.consent === 'declined' || w.consent === 'gift-only');
  if (never)
    return {
      rule: 'never',
      reason: msg(never.consent === 'declined' ? 'exhibit.declined' : 'exhibit.giftOnly', { name: never.name }),
    };
  const unasked = workers.filter((w) => w.consent === 'unknown');
  if (unasked.length)
    return { rule: 'ask', reason: msg('exhibit.unasked', { names: unasked.map((w) => w.name).join('、') }) };
  return { rule: 'yes', reason: null };
}

/** The people and places of a campaign, as union staff keep them. */

export const CONSENTS = ['exhibit', 'gift-only', 'declined', 'unknown'] as const;
/** exhibit: may be shown and gifted · gift-only: gifted, never on the wall · declined: neither · unknown: not asked yet */
export type Consent = (typeof CONSENTS)[number];

export interface Company {
  id: string;
  /** full registered name; unique in a project */
  name: string;
  /** what people say: 科润智控 */
  shortName: string | null;
  /** district or park: 江山经济开发区 */
  district: string | null;
  contact: string | null;
  /** project-relative path of the logo image */
  logo: string | null;
}

export interface Photographer {
  id: string;
  name: string;
  /** 江山市摄影家协会 */
  organisation: string | null;
  /** what goes on prints: 摄影：张三 */
  credit: string | null;
}

export interface Worker {
  id: string;
  name: string;
  /** toneless, space-separated: "zhan mu dan"; derived from the name, editable */
  pinyin: string;
  companyId: string | null;
  /** workshop or department: 装配车间 */
  department: string | null;
  /** job or craft (工种): 电工 */
  craft: string | null;
  /** year joined the company */
  joined: number | null;
  /** kept as text: leading zeros matter (00123) */
  employeeNo: string | null;
  phone: string | null;
  /** their own words, for captions and labels */
  quote: string | null;
  consent: Consent;
  consentDate: string | null;
  consentNote: string | null;
  /** false: never offered as a suggestion for a face (someone who declined, say) */
  faceSuggestions?: boolean;
  /** anything else the staff list says (备注) */
  note?: string | null;
}

/** A tagged worker's face, as fractions of the displayed (upright) photo. */
export interface FaceRegion {
  workerId: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

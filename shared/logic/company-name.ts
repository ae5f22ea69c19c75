/**
 * A company's short name as people say it on a caption, derived when the roster has none: "科润智能控制股份有限公司"
 * → "科润智能控制", "江山市华宇机械有限公司" → "华宇机械". Pure; the roster's own short name always wins.
 */

/** Legal-form endings, longest first so that 股份有限公司 is taken whole. */
const LEGAL_FORMS = [
  '股份有限公司',
  '有限责任公司',
  '集团有限公司',
  '集团股份公司',
  '有限公司',
  '集团公司',
  '股份公司',
  '总公司',
  '公司',
];

/** Where the company is registered, at the start: a province, a city, a county or district of that city. */
const PLACE = /^(?:[\u4e00-\u9fff]{2,3}(?:省|自治区))?(?:[\u4e00-\u9fff]{2,3}市(?:[\u4e00-\u9fff]{1,3}(?:县|区))?)?/;

/** The city in the name of the organiser (江山市总工会 → 江山), so that 江山华宇机械 reads 华宇机械 on the gifts of that campaign. */
export function homeCity(organizer: string): string | null {
  return /^(?:[\u4e00-\u9fff]{2,3}省)?([\u4e00-\u9fff]{2,3})市/.exec(organizer.trim())?.[1] ?? null;
}

export function shortCompanyName(full: string, home: string | null = null): string {
  let name = full.trim().replace(/[（(][^）)]*[）)]$/, ''); // a trailing "（江山）" branch note
  if (LEGAL_FORMS.includes(name)) return name;
  const form = LEGAL_FORMS.find((f) => name.endsWith(f) && name.length >= f.length + 2);
  if (form) name = name.slice(0, -form.length);
  const placed = name.replace(PLACE, '');
  // Nothing left but a place and a legal form ("江山市公司"): the full name says more than a fragment would.
  if (placed.length < 2) return full.trim();
  name = placed;
  // The campaign's own city said without 市: everyone at the exhibition knows where they are.
  if (home && name.startsWith(home) && name.length - home.length >= 2) name = name.slice(home.length);
  return name;
}

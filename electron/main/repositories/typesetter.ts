import type { FontFamily } from '../../../shared/model/gift';
import type { Faces } from '../../../shared/logic/page-drawing';
import { PT_TO_MM, type Measure } from '../../../shared/logic/typeset';
import { FontMetrics } from './font-metrics';
import { fontFor } from './fonts';

type Weight = 'normal' | 'bold';

/**
 * The metrics half of the typesetter: how wide a text is, and how far its ink rises above the baseline, in the
 * faces sheets are set in. The pure half (`shared/logic/typeset.ts`) decides lines and sizes in mm from these;
 * the sheet repository renders them at any resolution.
 */
export class TypesetterRepository {
  private readonly faces = new Map<string, FontMetrics>();

  private face(family: FontFamily, weight: Weight): FontMetrics {
    const { file } = fontFor(family, weight);
    let face = this.faces.get(file);
    if (!face) {
      face = new FontMetrics(file);
      this.faces.set(file, face);
    }
    return face;
  }

  measure(family: FontFamily, weight: Weight): Measure {
    return (text, sizePt) => this.face(family, weight).width(text) * sizePt * PT_TO_MM;
  }

  /** The face's ascent and descent, in em: where the baseline sits in a line box. */
  verticalMetrics(family: FontFamily, weight: Weight): { ascent: number; descent: number } {
    const face = this.face(family, weight);
    return { ascent: face.ascent, descent: face.descent };
  }

  /** The faces as pages are composed with them (shared/logic/page-drawing): widths and where the baseline sits. */
  pageFaces(): Faces {
    return (font, weight) => ({ measure: this.measure(font, weight), ...this.verticalMetrics(font, weight) });
  }

  /**
   * How far the ink of `text` rises above the baseline, in em. A rendered line is cropped to its ink, so this
   * is what puts its baseline back where the typesetter placed it ("一" and "王" on one baseline).
   */
  inkAbove(text: string, family: FontFamily, weight: Weight): number {
    return this.face(family, weight).inkAbove(text);
  }
}

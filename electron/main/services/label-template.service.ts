import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { msg } from '../../../shared/i18n/messages';
import { checkTemplate } from '../../../shared/logic/caption-template';
import { labelSize } from '../../../shared/logic/label-drawing';
import { BUILT_IN_LABELS, DEFAULT_LABEL } from '../../../shared/logic/label-templates';
import { MIN_TYPE_PT } from '../../../shared/logic/typeset';
import type { LabelTemplate } from '../../../shared/model/exhibition';
import type { HistoryService } from './history.service';
import type { ProjectSession } from './project-session';

/** The largest label: half an A4 sheet either way (a label bigger than that is a poster). */
const MAX_LABEL_MM = { long: 297, short: 210 };

/**
 * Wall label templates: the built-ins, and the project's own, edited with the gift templates' caption editor
 * (same variables, faces and rules). A template that would print a line under 6 pt or name an unknown variable is
 * refused at save, by line.
 */
export class LabelTemplateService {
  constructor(private readonly deps: { session: ProjectSession; history: HistoryService }) {}

  private get catalog() {
    return this.deps.session.require();
  }

  list(): LabelTemplate[] {
    return [...BUILT_IN_LABELS, ...this.catalog.all('labelTemplates')];
  }

  get(id?: string): LabelTemplate {
    const wanted = id ?? DEFAULT_LABEL;
    const found = this.catalog.get('labelTemplates', wanted) ?? BUILT_IN_LABELS.find((t) => t.id === wanted);
    if (!found) throw new AppError('NOT_FOUND', msg('exhibit.unknownLabel', { id: wanted }));
    return found;
  }

  /** Checks a template as it would be saved; returns it ready to use (a draft for the preview, or to store). */
  check(input: Omit<LabelTemplate, 'builtIn' | 'id'> & { id?: string }): LabelTemplate {
    const problems = input.blocks.flatMap((c, i) => [
      ...checkTemplate(c.text).map((p) => msg('caption.line', { n: i + 1, problem: p.message })),
      ...(c.sizePt < MIN_TYPE_PT
        ? [msg('caption.line', { n: i + 1, problem: msg('caption.tooSmall', { size: c.sizePt, min: MIN_TYPE_PT }) })]
        : []),
    ]);
    if (problems.length)
      throw new AppError('VALIDATION', msg('gift.templateProblems', { problems: problems[0]! }), { problems });
    const template: LabelTemplate = { ...input, id: input.id ?? 'draft', builtIn: false };
    const size = labelSize(template);
    if (!size || size.widthMm > MAX_LABEL_MM.long || size.heightMm > MAX_LABEL_MM.short || size.heightMm < 30)
      throw new AppError('VALIDATION', msg('exhibit.badLabelSize', { size: input.size, sheet: 'A4' }));
    return template;
  }

  /** Saves the project's own template; saving a built-in keeps the built-in and makes a copy. */
  save(input: Omit<LabelTemplate, 'builtIn' | 'id'> & { id?: string }): LabelTemplate {
    const checked = this.check(input);
    const builtIn = BUILT_IN_LABELS.some((b) => b.id === input.id);
    const template = {
      ...checked,
      id: !input.id || builtIn || input.id === 'draft' ? `label_${randomUUID().slice(0, 8)}` : input.id,
    };
    return this.deps.history.record(
      { zh: `保存展签样式 ${template.name}`, en: `Saved label template ${template.name}` },
      () => {
        this.catalog.put('labelTemplates', template);
        return template;
      },
    );
  }
}

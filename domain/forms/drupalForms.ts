import type { Clock } from '../shared/Clock.js';
import { ConcurrencyConflictError } from '../shared/errors.js';
import { type DrupalForm, type DrupalFormTable, drupalFormsId } from './DrupalForm.js';
import { UnknownFormError } from './errors.js';
import type { DrupalFormStore } from './ports.js';

/** [OnlineFundraising15] The forms the engine knows: staff's table; none until they save one. */
export async function currentDrupalForms(ports: { drupalForms: DrupalFormStore }): Promise<DrupalFormTable> {
  const stored = await ports.drupalForms.get(drupalFormsId);
  return stored?.value ?? { id: drupalFormsId, forms: [], updatedAt: new Date(0).toISOString() };
}

/** The form's settings; a submission of a form nobody configured is refused. */
export async function drupalForm(formId: string, ports: { drupalForms: DrupalFormStore }): Promise<DrupalForm> {
  const form = (await currentDrupalForms(ports)).forms.find((candidate) => candidate.formId === formId);
  if (!form) throw new UnknownFormError(`no form "${formId}" is configured`, [{ field: 'formId', problem: `no form "${formId}" is configured` }]);
  return form;
}

/** [OnlineFundraising15] Staff replace the forms table; the next submission uses it. */
export async function replaceDrupalForms(forms: DrupalForm[], ports: { drupalForms: DrupalFormStore; clock: Clock }): Promise<DrupalFormTable> {
  const table: DrupalFormTable = { id: drupalFormsId, forms, updatedAt: ports.clock.now().toISOString() };
  for (let attempt = 1; attempt <= 5; attempt++) {
    const stored = await ports.drupalForms.get(drupalFormsId);
    if ((await ports.drupalForms.save(table, stored?.etag)) === 'saved') return table;
  }
  throw new ConcurrencyConflictError('the forms table changed concurrently 5 times in a row');
}

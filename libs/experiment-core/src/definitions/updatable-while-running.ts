import type { InputIssue } from '@rekindle/util';
import { validateExperimentDefinition, type DefinitionValidation, type ExperimentDefinition, type ExperimentDefinitionInput } from './experiment-definition';

/** Fields to change; absent (undefined) fields stay as they are. */
export type ExperimentPatch = Partial<ExperimentDefinitionInput>;

/** Fields that may change at any time: they describe the experiment or its reading, never who sees what. */
export const ALWAYS_UPDATABLE_FIELDS = ['name', 'hypothesis', 'guardrailMetrics', 'minimumDetectableEffect', 'variants[i].name'] as const;
/** Fields frozen once the experiment has started (RUNNING, and STOPPED after it). */
export const FROZEN_AFTER_START_FIELDS = ['key', 'seed', 'coverage', 'variants', 'primaryMetric', 'conversionWindow'] as const;

/**
 * Applies `patch` to `current` and decides whether the change is safe, returning the new
 * definition or the issues naming each field at fault.
 *
 * The rule. Sticky assignment means an exposed customer never changes variant, so anything that
 * would change *who gets what* or *what is measured* after the first exposure would mix populations:
 *  - DRAFT: everything may change (a key change carries a defaulted seed along: seed = key).
 *  - RUNNING and STOPPED (customers have been exposed): only name, hypothesis, guardrail metrics,
 *    the minimum detectable effect and variant names may change. Rejected, each with its field:
 *    key (SDKs and exposures refer to it), seed and variant weights (a new split would move
 *    not-yet-stored customers and bias the SRM check), coverage (would change the population mid-test,
 *    even though GrowthBook's bands only grow), adding, removing, reordering or renaming variant keys,
 *    the primary metric (switching it mid-test is outcome switching) and the conversion window
 *    (changes what a conversion is for customers already counted).
 *    To change any of those, stop the experiment and start a new one.
 *  - status never changes here: it moves only through start (DRAFT → RUNNING) and stop (RUNNING → STOPPED).
 * A patch that restates the current value is not a change. The merged definition must still validate.
 */
export function updatableWhileRunning(current: ExperimentDefinition, patch: ExperimentPatch): DefinitionValidation {
  const issues: InputIssue[] = [];
  if (patch.status !== undefined && patch.status !== current.status) {
    issues.push({ field: 'status', message: 'cannot be changed by an update: start or stop the experiment instead' });
  }

  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as ExperimentPatch;
  const merged: ExperimentPatch = { ...current, ...defined };
  if (current.status === 'DRAFT' && defined.key !== undefined && defined.seed === undefined && current.seed === current.key) merged.seed = defined.key;

  const validated = validateExperimentDefinition(merged);
  if (!validated.ok) return { ok: false, issues: [...issues, ...validated.issues] };
  const next = validated.definition;

  if (current.status !== 'DRAFT') {
    const frozen = (field: string) => ({ field, message: `cannot change while the experiment is ${current.status}: stop it and start a new experiment` });
    if (next.key !== current.key) issues.push(frozen('key'));
    if (next.seed !== current.seed) issues.push(frozen('seed'));
    if (next.coverage !== current.coverage) issues.push(frozen('coverage'));
    if (next.variants.length !== current.variants.length) issues.push(frozen('variants'));
    else
      next.variants.forEach((v, i) => {
        const was = current.variants[i];
        if (v.key !== was?.key) issues.push(frozen(`variants[${i}].key`));
        if (v.weight !== was?.weight) issues.push(frozen(`variants[${i}].weight`));
      });
    if (!sameMetric(next.primaryMetric, current.primaryMetric)) issues.push(frozen('primaryMetric'));
    if (next.conversionWindow.value !== current.conversionWindow.value || next.conversionWindow.unit !== current.conversionWindow.unit) {
      issues.push(frozen('conversionWindow'));
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, definition: next };
}

function sameMetric(a: ExperimentDefinition['primaryMetric'], b: ExperimentDefinition['primaryMetric']): boolean {
  return a.key === b.key && a.kind === b.kind && a.event === b.event;
}

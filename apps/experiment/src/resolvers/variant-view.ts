import { conversionWindowHours } from '@rekindle/experiment-core';
import type { ExperimentModel } from '../data/experiment.model';
import type { ConversionWindow, Variant } from '../generated/graphql';

/** The experiment's variants as the schema shows them: the first is the control. */
export const variantsOf = (experiment: ExperimentModel): Variant[] =>
  experiment.variants.map((v, i) => ({ key: v.key, name: v.name, weight: v.weight, isControl: i === 0 }));

/** One variant by key; null for a key the experiment does not have (never for a stored exposure). */
export const variantOf = (experiment: ExperimentModel, key: string | null): Variant | null =>
  key === null ? null : (variantsOf(experiment).find((v) => v.key === key) ?? null);

export const conversionWindowOf = (experiment: ExperimentModel): ConversionWindow => ({
  ...experiment.conversionWindow,
  hours: conversionWindowHours(experiment.conversionWindow),
});

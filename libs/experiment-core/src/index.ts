/**
 * The pure logic of the experiment service: GrowthBook-compatible assignment, experiment definitions
 * and the statistics behind `Experiment.results`. No I/O: unit tested in milliseconds.
 */
export { fnv1a32, hash } from './assignment/fnv1a';
export { getEqualWeights, getBucketRanges, chooseVariation, inRange, inNamespace, type BucketRange } from './assignment/bucket-ranges';
export {
  assignVariant,
  createAssigner,
  type Assigner,
  type AssignmentConfig,
  type AssignVariantInput,
  type WeightedVariant,
} from './assignment/assign-variant';
export {
  experimentDefinitionSchema,
  metricSchema,
  variantSchema,
  conversionWindowSchema,
  validateExperimentDefinition,
  conversionWindowHours,
  EXPERIMENT_STATUSES,
  METRIC_KINDS,
  CONVERSION_WINDOW_UNITS,
  MIN_VARIANTS,
  MAX_VARIANTS,
  MAX_GUARDRAIL_METRICS,
  WEIGHT_SUM_TOLERANCE,
  MAX_CONVERSION_WINDOW_HOURS,
  DEFAULT_MINIMUM_DETECTABLE_EFFECT,
  type ExperimentStatus,
  type MetricKind,
  type ConversionWindowUnit,
  type ExperimentDefinitionInput,
  type ExperimentDefinition,
  type ExperimentMetric,
  type ExperimentVariant,
  type ConversionWindow,
  type DefinitionValidation,
} from './definitions/experiment-definition';
export { updatableWhileRunning, ALWAYS_UPDATABLE_FIELDS, FROZEN_AFTER_START_FIELDS, type ExperimentPatch } from './definitions/updatable-while-running';
export { logGamma, logBeta, regularizedGamma, regularizedBeta } from './stats/special-functions';
export { normalPdf, normalCdf, normalSf, normalQuantile, erfc } from './stats/normal';
export { studentTCdf, studentTSf, studentTPdf, studentTQuantile } from './stats/student-t';
export { chiSquaredSf } from './stats/chi-squared';
export { moments, type MetricTotals, type MetricType, type Moments } from './stats/moments';
export { relativeEffect, welchDegreesOfFreedom, frequentistTest, type RelativeEffect, type FrequentistResult } from './stats/frequentist';
export { bayesianTest, type BayesianResult } from './stats/bayesian';
export { sampleRatioMismatch, SRM_P_VALUE_THRESHOLD, type SrmResult } from './stats/srm';
export { holmAdjust } from './stats/holm';
export { sampleSizeNeeded, type SampleSizeInput, type SampleSizeResult } from './stats/sample-size';
export {
  experimentResults,
  type ExperimentResultsInput,
  type ExperimentResults,
  type ResultsMetric,
  type VariantTotals,
  type VariantResult,
  type MetricResult,
  type MetricComparison,
} from './results/experiment-results';

import { z } from 'zod';
import type { InputIssue } from '@rekindle/util';
import { fieldPath } from './issue-path';

export const EXPERIMENT_STATUSES = ['DRAFT', 'RUNNING', 'STOPPED'] as const;
export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number];

/**
 * How a metric's per-customer value is summarised:
 *  - BINOMIAL: converted or not within the window (value 0/1; variance p(1 − p));
 *  - COUNT: how many matching events within the window (sample mean and variance);
 *  - REVENUE: the sum of the matching events' amounts within the window (sample mean and variance).
 */
export const METRIC_KINDS = ['BINOMIAL', 'COUNT', 'REVENUE'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];
export const CONVERSION_WINDOW_UNITS = ['HOURS', 'DAYS'] as const;
export type ConversionWindowUnit = (typeof CONVERSION_WINDOW_UNITS)[number];

export const MIN_VARIANTS = 2;
export const MAX_VARIANTS = 20;
export const MAX_GUARDRAIL_METRICS = 20;
/** Variant weights must sum to 1 within this. */
export const WEIGHT_SUM_TOLERANCE = 1e-6;
/** A conversion window may not exceed a year. */
export const MAX_CONVERSION_WINDOW_HOURS = 365 * 24;
/** Relative minimum detectable effect used for the sample-size figure when none is given. */
export const DEFAULT_MINIMUM_DETECTABLE_EFFECT = 0.05;

const SLUG = /^[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?$/;
const SLUG_MESSAGE = 'must be 1 to 100 lowercase letters, digits, "-" or "_", starting and ending with a letter or digit';
/** Event names as the services publish them: ORDER_PLACED, ANY_ACTIVITY, CONVERSION_RECORDED… */
const EVENT_NAME = /^[A-Z][A-Z0-9_]*$/;

const required = (kind: string) => ({
  error: (issue: { input: unknown }) => (issue.input === undefined || issue.input === null ? 'is required' : `must be ${kind}`),
});
const slug = () => z.string(required('a string')).trim().min(1, 'must not be empty').max(100, SLUG_MESSAGE).regex(SLUG, SLUG_MESSAGE);
const text = (max: number) => z.string(required('a string')).trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const share = () => z.number(required('a number')).min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');

export const metricSchema = z
  .object(
    {
      key: slug(),
      kind: z.enum(METRIC_KINDS, { error: `must be one of ${METRIC_KINDS.join(', ')}` }),
      /** The event that counts, e.g. ORDER_PLACED, or ANY_ACTIVITY for a reactivation. */
      event: z.string(required('a string')).trim().max(100, 'must be at most 100 characters').regex(EVENT_NAME, 'must be an event name in SCREAMING_CASE'),
    },
    required('an object'),
  )
  .strict();

export const variantSchema = z
  .object(
    {
      key: slug(),
      /** Defaults to the key. */
      name: text(200).optional(),
      weight: share(),
    },
    required('an object'),
  )
  .strict()
  .transform((v) => ({ ...v, name: v.name ?? v.key }));

export const conversionWindowSchema = z
  .object(
    {
      value: z.number(required('a number')).int('must be a whole number').positive('must be greater than 0'),
      unit: z.enum(CONVERSION_WINDOW_UNITS, { error: `must be one of ${CONVERSION_WINDOW_UNITS.join(', ')}` }),
    },
    required('an object'),
  )
  .strict()
  .refine((w) => conversionWindowHours(w) <= MAX_CONVERSION_WINDOW_HOURS, { message: `must be at most ${MAX_CONVERSION_WINDOW_HOURS} hours (365 days)`, path: ['value'] });

/**
 * An experiment definition. The first variant is the control every other one is compared with.
 * Checks beyond the field types: unique variant keys (`variants[i].key`), weights summing to 1
 * within 1e-6 (`variants`), metric keys unique across the primary and guardrail metrics.
 */
export const experimentDefinitionSchema = z
  .object(
    {
      key: slug(),
      name: text(200),
      hypothesis: text(5000),
      status: z.enum(EXPERIMENT_STATUSES, { error: `must be one of ${EXPERIMENT_STATUSES.join(', ')}` }).default('DRAFT'),
      variants: z
        .array(variantSchema, required('a list'))
        .min(MIN_VARIANTS, `must hold at least ${MIN_VARIANTS} variants (the first is the control)`)
        .max(MAX_VARIANTS, `must hold at most ${MAX_VARIANTS} variants`),
      coverage: share().default(1),
      /** The hashing seed; defaults to the key. Keep it when cloning an experiment to keep its split. */
      seed: text(200).nullish(),
      primaryMetric: metricSchema,
      guardrailMetrics: z.array(metricSchema, required('a list')).max(MAX_GUARDRAIL_METRICS, `must hold at most ${MAX_GUARDRAIL_METRICS} metrics`).default([]),
      conversionWindow: conversionWindowSchema,
      /** Relative lift the experiment should be able to detect (0.05 = 5 %), for the sample-size figure. */
      minimumDetectableEffect: z
        .number(required('a number'))
        .positive('must be greater than 0')
        .max(10, 'must be at most 10 (1000 %)')
        .default(DEFAULT_MINIMUM_DETECTABLE_EFFECT),
    },
    required('an object'),
  )
  .strict()
  .superRefine((d, ctx) => {
    const firstIndex = new Map<string, number>();
    d.variants.forEach((v, i) => {
      const first = firstIndex.get(v.key);
      if (first === undefined) firstIndex.set(v.key, i);
      else ctx.addIssue({ code: 'custom', path: ['variants', i, 'key'], message: `duplicates variants[${first}].key "${v.key}"` });
    });
    const total = d.variants.reduce((s, v) => s + v.weight, 0);
    if (Math.abs(total - 1) > WEIGHT_SUM_TOLERANCE) {
      ctx.addIssue({ code: 'custom', path: ['variants'], message: `weights must sum to 1 (within ${WEIGHT_SUM_TOLERANCE}), got ${Number(total.toPrecision(12))}` });
    }
    const metricAt = new Map<string, string>([[d.primaryMetric.key, 'primaryMetric.key']]);
    d.guardrailMetrics.forEach((m, i) => {
      const first = metricAt.get(m.key);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['guardrailMetrics', i, 'key'], message: `duplicates ${first} "${m.key}"` });
      else metricAt.set(m.key, `guardrailMetrics[${i}].key`);
    });
  })
  .transform((d) => ({ ...d, seed: d.seed || d.key }));

export type ExperimentDefinitionInput = z.input<typeof experimentDefinitionSchema>;
export type ExperimentDefinition = z.output<typeof experimentDefinitionSchema>;
export type ExperimentMetric = z.output<typeof metricSchema>;
export type ExperimentVariant = z.output<typeof variantSchema>;
export type ConversionWindow = z.output<typeof conversionWindowSchema>;

export type DefinitionValidation = { ok: true; definition: ExperimentDefinition } | { ok: false; issues: InputIssue[] };

/** Validates and normalises a definition; every issue names its field, e.g. `variants[1].key`. */
export function validateExperimentDefinition(input: unknown): DefinitionValidation {
  const parsed = experimentDefinitionSchema.safeParse(input);
  if (parsed.success) return { ok: true, definition: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.flatMap((i) =>
      i.code === 'unrecognized_keys'
        ? i.keys.map((key) => ({ field: fieldPath([...i.path, key]), message: 'is not a known field' }))
        : [{ field: fieldPath(i.path), message: i.message }],
    ),
  };
}

/** The conversion window in hours. */
export function conversionWindowHours(w: { value: number; unit: ConversionWindowUnit }): number {
  return w.unit === 'DAYS' ? w.value * 24 : w.value;
}

import { createHash } from 'node:crypto';
import type { ExperimentDefinition, ExperimentMetric, ExperimentStatus } from '@rekindle/experiment-core';

/** An experiment as the use cases and the GraphQL edge see it: its validated definition plus its lifecycle. */
export interface ExperimentModel extends ExperimentDefinition {
  id: string;
  status: ExperimentStatus;
  /** Bumped by every change of the definition or status: keys the compiled assigner and cached results. */
  version: number;
  startedAt: Date | null;
  stoppedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** sha256 of the definition as created, for idempotent creation. */
  creationFingerprint: string;
}

/** The definition as stored in `experiment.definition`: everything but the status. */
export type StoredDefinition = Omit<ExperimentDefinition, 'status'>;

export interface ExperimentRow {
  id: string;
  key: string;
  status: ExperimentStatus;
  definition: StoredDefinition;
  creation_fingerprint: string;
  version: number;
  started_at: Date | null;
  stopped_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export function toExperimentModel(row: ExperimentRow): ExperimentModel {
  return {
    ...row.definition,
    key: row.key,
    status: row.status,
    id: row.id,
    version: row.version,
    startedAt: row.started_at,
    stoppedAt: row.stopped_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    creationFingerprint: row.creation_fingerprint,
  };
}

/** The core's definition of a stored experiment (what updatableWhileRunning works on). */
export function definitionOf(model: ExperimentModel): ExperimentDefinition {
  return {
    key: model.key,
    name: model.name,
    hypothesis: model.hypothesis,
    status: model.status,
    variants: model.variants,
    coverage: model.coverage,
    seed: model.seed,
    primaryMetric: model.primaryMetric,
    guardrailMetrics: model.guardrailMetrics,
    conversionWindow: model.conversionWindow,
    minimumDetectableEffect: model.minimumDetectableEffect,
  };
}

export function storedDefinition(definition: ExperimentDefinition): StoredDefinition {
  const { status: _status, ...stored } = definition;
  return stored;
}

/** The primary metric, then the guardrails. */
export const metricsOf = (d: Pick<ExperimentDefinition, 'primaryMetric' | 'guardrailMetrics'>): ExperimentMetric[] => [
  d.primaryMetric,
  ...d.guardrailMetrics,
];

/** The distinct events any metric counts: what the conversion consumer stores for this experiment. */
export const metricEventsOf = (d: Pick<ExperimentDefinition, 'primaryMetric' | 'guardrailMetrics'>): string[] => [
  ...new Set(metricsOf(d).map((m) => m.event)),
];

/** JSON with object keys sorted, so equal definitions serialise equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const fingerprintOf = (definition: ExperimentDefinition): string =>
  createHash('sha256').update(canonicalJson(storedDefinition(definition))).digest('hex');

/** GraphQL documents the experiment tests (its own and end-to-end) send, as a client would. */
export const EXPERIMENT_FIELDS = `id key name hypothesis status coverage seed hashVersion minimumDetectableEffect startedAt stoppedAt
  variants { key name weight isControl }
  primaryMetric { key kind event }
  guardrailMetrics { key kind event }
  conversionWindow { value unit hours }`;

export const CREATE_EXPERIMENT = `mutation Create($input: CreateExperimentInput!) {
  createExperiment(input: $input) { created experiment { ${EXPERIMENT_FIELDS} } }
}`;

export const UPDATE_EXPERIMENT = `mutation Update($input: UpdateExperimentInput!) {
  updateExperiment(input: $input) { experiment { ${EXPERIMENT_FIELDS} } }
}`;

export const START_EXPERIMENT = `mutation Start($key: String!) {
  startExperiment(input: { key: $key }) { changed experiment { id status startedAt } }
}`;

export const STOP_EXPERIMENT = `mutation Stop($key: String!) {
  stopExperiment(input: { key: $key }) { changed experiment { id status stoppedAt } }
}`;

export const ASSIGN = `mutation Assign($key: String!, $customerId: ID!) {
  assign(experimentKey: $key, customerId: $customerId) { customerId status exposedAt variant { key isControl } }
}`;

export const ASSIGN_MANY = `mutation AssignMany($input: AssignManyInput!) {
  assignMany(input: $input) {
    assigned alreadyAssigned outsideCoverage notRunning
    results { index customerId status variant exposedAt }
    rejected { index code field message }
  }
}`;

export const RECORD_CONVERSION = `mutation Record($input: RecordConversionInput!) {
  recordConversion(input: $input) { status duplicate }
}`;

export const RESULTS = `query Results($key: String!) {
  experimentByKey(key: $key) {
    id status
    results {
      totalExposed computedAt
      srm { chiSquared degreesOfFreedom pValue mismatch threshold }
      sampleSize { metric minimumDetectableEffect requiredPerVariant additionalExposures }
      variants {
        variant name isControl exposed expectedShare observedShare conversions conversionRate revenueMean revenueVariance
        metrics {
          metric kind role total mean variance conversions conversionRate
          comparison {
            lift standardError degreesOfFreedom pValue adjustedPValue significant chanceToBeatControl expectedLoss expectedLossOfControl
            confidenceInterval { lower upper }
            credibleInterval { lower upper }
          }
        }
      }
    }
  }
}`;

export interface ComparisonData {
  lift: number;
  standardError: number;
  degreesOfFreedom: number;
  pValue: number;
  adjustedPValue: number;
  significant: boolean;
  chanceToBeatControl: number;
  expectedLoss: number;
  expectedLossOfControl: number;
  confidenceInterval: { lower: number; upper: number };
  credibleInterval: { lower: number; upper: number };
}

export interface MetricResultsData {
  metric: string;
  kind: string;
  role: string;
  total: string;
  mean: number | null;
  variance: number | null;
  conversions: number | null;
  conversionRate: number | null;
  comparison: ComparisonData | null;
}

export interface VariantResultsData {
  variant: string;
  name: string;
  isControl: boolean;
  exposed: number;
  expectedShare: number;
  observedShare: number | null;
  conversions: number | null;
  conversionRate: number | null;
  revenueMean: number | null;
  revenueVariance: number | null;
  metrics: MetricResultsData[];
}

export interface ResultsData {
  experimentByKey: {
    id: string;
    status: string;
    results: {
      totalExposed: number;
      computedAt: string;
      srm: { chiSquared: number; degreesOfFreedom: number; pValue: number; mismatch: boolean; threshold: number };
      sampleSize: { metric: string; minimumDetectableEffect: number; requiredPerVariant: number; additionalExposures: number } | null;
      variants: VariantResultsData[];
    };
  } | null;
}

export interface AssignManyData {
  assignMany: {
    assigned: number;
    alreadyAssigned: number;
    outsideCoverage: number;
    notRunning: number;
    results: { index: number; customerId: string; status: string; variant: string | null; exposedAt: string | null }[];
    rejected: { index: number; code: string; field: string; message: string }[];
  };
}

export interface AssignData {
  assign: { customerId: string; status: string; exposedAt: string | null; variant: { key: string; isControl: boolean } | null };
}

/** A valid definition to start from: 50/50 email vs sms, converting on an order within 7 days. */
export function experimentDefinition(key: string, overrides: Record<string, unknown> = {}) {
  return {
    key,
    name: `Test ${key}`,
    hypothesis: 'SMS brings more dormant customers back than email.',
    variants: [
      { key: 'email', name: 'Email', weight: 0.5 },
      { key: 'sms', name: 'SMS', weight: 0.5 },
    ],
    primaryMetric: { key: 'ordered', kind: 'BINOMIAL', event: 'ORDER_PLACED' },
    guardrailMetrics: [{ key: 'revenue', kind: 'REVENUE', event: 'ORDER_PLACED' }],
    conversionWindow: { value: 7, unit: 'DAYS' },
    ...overrides,
  };
}

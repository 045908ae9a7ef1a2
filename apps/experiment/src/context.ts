import type { Clock } from '@rekindle/platform-config';
import type { ExperimentLoaders } from './data/experiment.loaders';
import type { AssignVariantsUseCase } from './use-cases/assign-variants.use-case';
import type { ChangeExperimentStatusUseCase } from './use-cases/change-experiment-status.use-case';
import type { CreateExperimentUseCase } from './use-cases/create-experiment.use-case';
import type { ExperimentResultsUseCase } from './use-cases/experiment-results.use-case';
import type { ListExperimentsUseCase } from './use-cases/list-experiments.use-case';
import type { RecordConversionUseCase } from './use-cases/record-conversion.use-case';
import type { UpdateExperimentUseCase } from './use-cases/update-experiment.use-case';

/** The service's use cases, built once at start-up. */
export interface ExperimentUseCases {
  createExperiment: CreateExperimentUseCase;
  updateExperiment: UpdateExperimentUseCase;
  changeStatus: ChangeExperimentStatusUseCase;
  assignVariants: AssignVariantsUseCase;
  recordConversion: RecordConversionUseCase;
  listExperiments: ListExperimentsUseCase;
  results: ExperimentResultsUseCase;
}

/** What every resolver receives: per-request loaders, the use cases, and "now" for this request. */
export interface ExperimentContext extends ExperimentUseCases {
  loaders: ExperimentLoaders;
  clock: Clock;
  /** The caller's trace context, carried into the events a mutation emits. */
  traceparent?: string;
}

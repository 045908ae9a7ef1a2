import type { Clock } from '@rekindle/platform-config';
import type { SingletonJob } from '@rekindle/platform-runtime';
import type { LoyaltyLoaders } from './data/loyalty.loaders';
import type { LoyaltyOverviewUseCase } from './use-cases/loyalty-overview.use-case';
import type { RunLoyaltyJobsResult, RunLoyaltyJobsUseCase } from './use-cases/run-loyalty-jobs.use-case';
import type { SpendPointsUseCase } from './use-cases/spend-points.use-case';
import type { UpdateLoyaltyProgramUseCase } from './use-cases/update-loyalty-program.use-case';

/** The service's use cases, built once at start-up. */
export interface LoyaltyUseCases {
  spendPoints: SpendPointsUseCase;
  updateLoyaltyProgram: UpdateLoyaltyProgramUseCase;
  runLoyaltyJobs: RunLoyaltyJobsUseCase;
  loyaltyOverview: LoyaltyOverviewUseCase;
}

/** A customer as loyalty knows it: the entity key, nothing else (profile owns the rest). */
export interface CustomerReference {
  id: string;
}

/** What every resolver receives: per-request loaders, the use cases, and "now" for this request. */
export interface LoyaltyContext extends LoyaltyUseCases {
  /** runLoyaltyJobs as the service's singleton job: what the mutation runs, alone across replicas. */
  jobs: SingletonJob<RunLoyaltyJobsResult>;
  loaders: LoyaltyLoaders;
  clock: Clock;
  /** The caller's trace context, carried into the events a mutation emits. */
  traceparent?: string;
}

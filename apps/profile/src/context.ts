import type { Clock } from '@rekindle/platform-config';
import type { SingletonJob } from '@rekindle/platform-runtime';
import type { CustomerFactsLoaders } from './data/customer-facts.loaders';
import type { CustomerLoaders } from './data/customer.loaders';
import type { DormancyOverviewUseCase } from './use-cases/dormancy-overview.use-case';
import type { ListCustomersUseCase } from './use-cases/list-customers.use-case';
import type { RecomputeProfilesResult, RecomputeProfilesUseCase } from './use-cases/recompute-profiles.use-case';
import type { RecordEventsUseCase } from './use-cases/record-events.use-case';
import type { UpdateConsentsUseCase } from './use-cases/update-consents.use-case';
import type { UpsertCustomersUseCase } from './use-cases/upsert-customers.use-case';

/** The service's use cases, built once at start-up. */
export interface ProfileUseCases {
  upsertCustomers: UpsertCustomersUseCase;
  listCustomers: ListCustomersUseCase;
  recordEvents: RecordEventsUseCase;
  updateConsents: UpdateConsentsUseCase;
  recomputeProfiles: RecomputeProfilesUseCase;
  dormancyOverview: DormancyOverviewUseCase;
}

/** What every resolver receives: per-request loaders, the use cases, and "now" for this request. */
export interface ProfileContext extends ProfileUseCases {
  /** recomputeProfiles as the service's singleton job: what the mutation runs, alone across replicas. */
  jobs: SingletonJob<RecomputeProfilesResult>;
  loaders: CustomerLoaders;
  facts: CustomerFactsLoaders;
  clock: Clock;
  /** The caller's trace context, carried into the events a mutation emits. */
  traceparent?: string;
}

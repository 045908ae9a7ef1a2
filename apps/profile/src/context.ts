import type { CustomerLoaders } from './data/customer.loaders';
import type { ListCustomersUseCase } from './use-cases/list-customers.use-case';
import type { UpsertCustomersUseCase } from './use-cases/upsert-customers.use-case';

/** What every resolver receives: per-request loaders and the service's use cases. */
export interface ProfileContext {
  loaders: CustomerLoaders;
  upsertCustomers: UpsertCustomersUseCase;
  listCustomers: ListCustomersUseCase;
  /** The caller's trace context, carried into the events a mutation emits. */
  traceparent?: string;
}

/**
 * The pure logic of the profile service: customer input rules and upsert planning.
 * No I/O: unit tested in milliseconds.
 */
export { CUSTOMER_FIELDS, type CustomerField, type CustomerPatch, type CustomerState } from './customers/customer-state';
export { validateCustomerBatch, MAX_CUSTOMERS_PER_CALL, type BatchValidation } from './customers/validate-customer-batch';
export { planCustomerUpserts, type ExistingCustomer, type UpsertPlanItem } from './customers/plan-customer-upserts';

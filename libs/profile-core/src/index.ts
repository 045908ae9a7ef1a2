/**
 * The pure logic of the profile service: customer input rules and upsert planning.
 * No I/O: unit tested in milliseconds.
 */
export { CUSTOMER_FIELDS, type CustomerField, type CustomerPatch, type CustomerState } from './customers/customer-state';
export { validateCustomerBatch, MAX_CUSTOMERS_PER_CALL, type BatchValidation } from './customers/validate-customer-batch';
export { planCustomerUpserts, emptyCustomerState, type ExistingCustomer, type UpsertPlanItem } from './customers/plan-customer-upserts';
export { EVENT_PAYLOADS, EVENT_TYPES, EVENT_PAYLOAD_FIELDS, MAX_ORDER_LINES, MAX_COUNT, type EventType, type EventData, type OrderPlacedData } from './events/event-payloads';
export {
  validateEventBatch,
  MAX_EVENTS_PER_CALL,
  MAX_FUTURE_SKEW_MS,
  EARLIEST_OCCURRED_AT,
  EventRejectionCode,
  type CustomerEvent,
  type ValidEvent,
  type EventRejection,
  type EventBatchValidation,
} from './events/validate-event-batch';
export { lifecycleThresholdsSchema, DEFAULT_LIFECYCLE_THRESHOLDS, type LifecycleThresholds } from './lifecycle/thresholds';
export {
  lifecycleStage,
  daysInactive,
  elapsedDays,
  customerStart,
  LIFECYCLE_STAGES,
  DAY_MS,
  type LifecycleStage,
  type LifecycleFacts,
} from './lifecycle/lifecycle-stage';
export { isReactivation, recordActivity, type ActivityTimes } from './lifecycle/activity';
export { stageChanges, type CustomerStageState, type StageChange } from './lifecycle/stage-changes';
export { lifecycleStageSql, daysInactiveSql, type LifecycleColumns } from './lifecycle/lifecycle-stage-sql';
export { rfmSegment, rfmSegmentSql, fmScore, RFM_SEGMENTS, RFM_SEGMENT_RULES, type RfmSegment, type RfmSegmentRule } from './rfm/rfm-segment';
export { rfmWindowSchema, rfmScoreSql, type RfmWindow } from './rfm/rfm-scoring';
export {
  summariseActivity,
  type ActivityFact,
  type CustomerActivityDelta,
} from './events/summarise-activity';
export {
  validateConsentBatch,
  MAX_CONSENTS_PER_CALL,
  CONSENT_CHANNELS,
  type ConsentChannel,
  type ConsentChange,
} from './consents/validate-consent-batch';

/**
 * What services agree on: CloudEvents envelopes and versioned event contracts (one file per event)
 * and the shared GraphQL scalars. Error codes, domain errors and Relay pagination are in @rekindle/util.
 */
export { cloudEventSchema, type CloudEvent } from './events/cloud-event';
export { defineEvent, createEvent, parseEvent, type EventContract, type EventData, type NewEvent } from './events/define-event';
export { customerSnapshotSchema, type CustomerSnapshot } from './events/profile/customer-snapshot';
export { customerRegisteredV1 } from './events/profile/customer-registered.v1';
export { customerUpdatedV1 } from './events/profile/customer-updated.v1';
export { activityRecordedV1 } from './events/profile/activity-recorded.v1';
export { orderPlacedV1 } from './events/profile/order-placed.v1';
export { orderCancelledV1 } from './events/profile/order-cancelled.v1';
export { orderRefundedV1 } from './events/profile/order-refunded.v1';
export { consentChangedV1, consentChannelSchema } from './events/profile/consent-changed.v1';
export { lifecycleChangedV1, lifecycleStageSchema } from './events/profile/lifecycle-changed.v1';
export { rfmScoredV1 } from './events/profile/rfm-scored.v1';
export { scalarResolvers } from './graphql/scalars';
export { exposureRecordedV1 } from './events/experiment/exposure-recorded.v1';
export { experimentStartedV1 } from './events/experiment/experiment-started.v1';
export { experimentStoppedV1 } from './events/experiment/experiment-stopped.v1';
export { loyaltyTierSchema } from './events/loyalty/loyalty-tier';
export { pointsEarnedV1 } from './events/loyalty/points-earned.v1';
export { pointsRedeemedV1 } from './events/loyalty/points-redeemed.v1';
export { pointsExpiredV1 } from './events/loyalty/points-expired.v1';
export { pointsReversedV1 } from './events/loyalty/points-reversed.v1';
export { pointsAdjustedV1 } from './events/loyalty/points-adjusted.v1';
export { tierChangedV1 } from './events/loyalty/tier-changed.v1';

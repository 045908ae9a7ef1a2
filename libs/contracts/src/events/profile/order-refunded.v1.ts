import { defineEvent } from '../define-event';
import { orderReversalSchema } from './order-reversed';

export const orderRefundedV1 = defineEvent({ producer: 'profile', noun: 'order', verb: 'refunded', version: 1, schema: orderReversalSchema });

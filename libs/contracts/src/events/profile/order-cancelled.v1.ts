import { defineEvent } from '../define-event';
import { orderReversalSchema } from './order-reversed';

export const orderCancelledV1 = defineEvent({ producer: 'profile', noun: 'order', verb: 'cancelled', version: 1, schema: orderReversalSchema });

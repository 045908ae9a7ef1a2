import { z } from 'zod';
import { defineEvent } from '../define-event';
import { moneyString } from './money';

const score = z.number().int().min(1).max(5);

/** A customer's RFM scores or segment changed in a population run. */
export const rfmScoredV1 = defineEvent({
  producer: 'profile',
  noun: 'rfm',
  verb: 'scored',
  version: 1,
  schema: z.object({
    customerId: z.uuid(),
    recencyDays: z.number().int().min(0),
    frequency: z.number().int().min(0),
    monetary: moneyString,
    recencyScore: score,
    frequencyScore: score,
    monetaryScore: score,
    segment: z.string(),
    previousSegment: z.string().nullable(),
    windowDays: z.number().int().positive(),
  }),
});

import { z } from 'zod';
import { defineEvent } from '../define-event';

/** A running experiment was stopped: no new exposures; conversions still count within each customer's window. */
export const experimentStoppedV1 = defineEvent({
  producer: 'experiment',
  noun: 'experiment',
  verb: 'stopped',
  version: 1,
  schema: z.object({
    experimentId: z.uuid(),
    experimentKey: z.string().min(1),
    stoppedAt: z.iso.datetime({ offset: true }),
  }),
});

import { z } from 'zod';
import { defineEvent } from '../define-event';

/** An experiment moved from DRAFT to RUNNING: from now on `assign` records exposures. */
export const experimentStartedV1 = defineEvent({
  producer: 'experiment',
  noun: 'experiment',
  verb: 'started',
  version: 1,
  schema: z.object({
    experimentId: z.uuid(),
    experimentKey: z.string().min(1),
    /** In order; the first is the control. Weights sum to 1. */
    variants: z.array(z.object({ key: z.string().min(1), weight: z.number().min(0).max(1) })).min(2),
    coverage: z.number().min(0).max(1),
    startedAt: z.iso.datetime({ offset: true }),
  }),
});

import { sleep } from 'n8n-workflow';

import { createClock } from '../core/http/clock';
import { RateLimiter } from '../core/http/limiter';

/** The clock every node uses: wall time, and n8n's own sleep (the core schedules no timer itself). */
export const n8nClock = createClock(sleep);

/**
 * One limiter per n8n process: executions, triggers and nodes of the same selling partner draw from the same
 * token buckets (keyed by partner, region and operation).
 */
export const processLimiter = new RateLimiter({ clock: n8nClock });

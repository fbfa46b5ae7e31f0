// Compatibility: the same example workflows, headless, on the last n8n 1.x (1.123.81 on Node 20).
import { describeExampleRuns } from './lib/example-runs.mjs';

describeExampleRuns('example workflows run headless in n8n 1.123.81 (last 1.x)', 'legacy');

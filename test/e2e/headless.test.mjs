// Each example workflow runs headless in a real n8n (`n8n execute --id`) on the demo's emulator data (as `npm start`
// seeds it, nothing injected); the test checks the items n8n produced and what Amazon (the emulator) received.
import { describeExampleRuns } from './lib/example-runs.mjs';

describeExampleRuns('example workflows run headless in n8n 2.41.1', 'current');

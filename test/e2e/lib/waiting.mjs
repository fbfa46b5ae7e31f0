// Polling helper for conditions that become true in another process (n8n polls, executions being saved).
import { setTimeout as sleep } from 'node:timers/promises';

export async function waitFor(description, probe, { timeoutMs = 120000, everyMs = 1000 } = {}) {
	const deadline = Date.now() + timeoutMs;
	let last;
	while (Date.now() < deadline) {
		last = await probe();
		if (last) return last;
		await sleep(everyMs);
	}
	throw new Error(`Timed out after ${timeoutMs / 1000}s waiting for ${description} (last: ${JSON.stringify(last)})`);
}

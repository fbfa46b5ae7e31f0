// Small progress printer: every slow step says what it does, keeps saying it is alive, and reports its duration.

export function info(message) {
	process.stderr.write(`[amazon-spapi] ${message}\n`);
}

export function formatSeconds(ms) {
	return `${(ms / 1000).toFixed(1)}s`;
}

/** Runs `work()` while printing a heartbeat every `everyMs`; returns its result. */
export async function step(title, work, { hint = '', everyMs = 15000 } = {}) {
	const started = Date.now();
	info(`${title}${hint ? ` (${hint})` : ''} ...`);
	const heartbeat = setInterval(() => info(`  ... ${title}: ${formatSeconds(Date.now() - started)} so far`), everyMs);
	heartbeat.unref();
	try {
		const result = await work();
		info(`${title}: done in ${formatSeconds(Date.now() - started)}`);
		return result;
	} catch (error) {
		info(`${title}: FAILED after ${formatSeconds(Date.now() - started)}`);
		throw error;
	} finally {
		clearInterval(heartbeat);
	}
}

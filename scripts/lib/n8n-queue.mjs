// n8n in queue mode: one main (`n8n start`: UI, triggers, webhooks) and N workers (`n8n worker`), sharing Redis
// (the Bull queue) and PostgreSQL (workflows, executions). Each process has its own user folder with the package
// installed, as separate machines would, and the same encryption key.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { n8nInstance } from './n8n-cli.mjs';
import { installPackageIntoUserFolder } from './package-build.mjs';
import { freePort, freePortPair } from './ports.mjs';
import { startProcess } from './processes.mjs';

/** The environment every process of the cluster shares (README "Running at scale" lists the same variables). */
export function queueModeEnv({ redis, postgres, encryptionKey }) {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
		N8N_ENCRYPTION_KEY: encryptionKey,
		// filesystem mode is not supported in queue mode; n8n 2.x defaults to database there (stated for clarity).
		N8N_DEFAULT_BINARY_DATA_MODE: 'database',
	};
}

async function waitForUrl(url, handle, timeoutMs, what) {
	const deadline = Date.now() + timeoutMs;
	let exited = false;
	handle.exited.then(() => (exited = true));
	while (Date.now() < deadline && !exited) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {}
		await sleep(250);
	}
	throw new Error(`${what} ${exited ? 'exited during start-up' : `was not ready within ${timeoutMs / 1000}s`}\n${handle.output().slice(-4000)}`);
}

/**
 * Instances (not started) for a main and `workers` workers under `baseFolder`, each with the package installed.
 * @returns {Promise<{ main, workers: object[], env: object }>}
 */
export async function queueModeInstances(installed, { baseFolder, packageDir, workers = 2, redis, postgres, logLevel = 'info' }) {
	const env = queueModeEnv({ redis, postgres, encryptionKey: randomBytes(24).toString('hex') });
	const instance = async (name, extraEnv = {}) => {
		const userFolder = join(baseFolder, name);
		installPackageIntoUserFolder(packageDir, userFolder);
		const [port, brokerPort] = await freePortPair();
		return { name, ...n8nInstance(installed, { userFolder, port, brokerPort, extraEnv: { ...env, N8N_LOG_LEVEL: logLevel, ...extraEnv } }) };
	};
	const main = await instance('main');
	const workerInstances = [];
	for (let index = 1; index <= workers; index++) {
		const healthPort = await freePort();
		const worker = await instance(`worker${index}`, { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(healthPort) });
		workerInstances.push({ ...worker, healthUrl: `http://127.0.0.1:${healthPort}/healthz/readiness` });
	}
	return { main, workers: workerInstances, env };
}

/** `n8n worker`; resolves when its health endpoint reports ready. */
export async function startWorker(worker, { concurrency = 10, timeoutMs = 120000 } = {}) {
	const logFile = join(worker.userFolder, 'n8n-worker.log');
	const handle = startProcess(`n8n ${worker.name}`, worker.installed.nodeBin, [worker.installed.n8nBin, 'worker', `--concurrency=${concurrency}`], {
		cwd: worker.userFolder,
		env: worker.env,
		logFile,
	});
	await waitForUrl(worker.healthUrl, handle, timeoutMs, `n8n ${worker.name}`);
	return { process: handle, logFile, stop: () => handle.stop() };
}

/** Execution IDs a worker logged as started ("Worker started execution <id>", n8n's info level). */
export function executionsRunBy(logFile) {
	const text = readFileSync(logFile, 'utf8');
	return [...text.matchAll(/Worker started execution (\d+)/g)].map((match) => match[1]);
}

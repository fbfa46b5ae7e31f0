// Free TCP ports on the loopback interface.
import { createServer } from 'node:net';

function tryListen(port) {
	return new Promise((resolvePromise) => {
		const server = createServer();
		server.once('error', () => resolvePromise(null));
		server.listen(port, '127.0.0.1', () => {
			const { port: bound } = server.address();
			server.close(() => resolvePromise(bound));
		});
	});
}

/** `preferred` if it is free, otherwise any free port. */
export async function freePort(preferred = 0) {
	return (preferred && (await tryListen(preferred))) || (await tryListen(0));
}

/** Two distinct free ports (n8n needs its HTTP port and its task-runner broker port). */
export async function freePortPair(preferred = 0) {
	const first = await freePort(preferred);
	let second = await freePort(preferred ? preferred + 3 : 0);
	while (second === first) second = await freePort(0);
	return [first, second];
}

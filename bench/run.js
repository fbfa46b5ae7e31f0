'use strict';
// `npm run bench`: builds first (see package.json), then runs every benchmark in this folder.
const benchmarks = [require('./orders-emit'), require('./trigger-volume'), require('./queue'), require('./rules'), require('./reports-stream')];

(async () => {
	for (const bench of benchmarks) await bench.main();
})().catch((error) => {
	process.stderr.write(String(error.stack || error) + '\n');
	process.exit(1);
});

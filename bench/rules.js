'use strict';
// P4 and P5 (issue 11): the listing rules over 1,000,000 SKUs, and JSON_LISTINGS_FEED documents for 100,000 SKUs.
// Each runs in its own child process (so its peak RSS is its own) against a baseline in the same process:
// P4 against a plain loop that only copies the rows (the floor), P5 against JSON.stringify of the same messages
// built by hand. Best of BENCH_REPEAT runs each. Exit code 1 when a result is incomplete or a target is missed.
const { fork } = require('child_process');
const { dist } = require('./lib');

const P4_ROWS = Number(process.env.BENCH_P4_ROWS || 1_000_000);
const P5_SKUS = Number(process.env.BENCH_P5_SKUS || 100_000);
const REPEAT = Number(process.env.BENCH_REPEAT || 3);
const NOW = Date.parse('2026-12-01T00:00:00Z');
const MARKETPLACES = ['US', 'CA', 'MX'];

/** Spreadsheet-shaped rows: numbers partly as text, every 10th row with alternate SKUs, every 7th FBA. */
function makeRows(count) {
	const rows = new Array(count);
	for (let i = 0; i < count; i++) {
		rows[i] = {
			sku: i % 10 === 0 ? `||SKU-${i}||SKU-${i}-B||` : `SKU-${i}`,
			quantity: i % 3 === 0 ? String(i % 60) : i % 60,
			price: i % 2 ? (5 + (i % 1000) / 7).toFixed(2) : 5 + (i % 1000) / 7,
			fulfillmentChannel: i % 7 === 0 ? 'FBA' : 'DEFAULT',
			marketplaceId: MARKETPLACES[i % 3],
			productType: 'LUGGAGE',
		};
	}
	return rows;
}

const RULES = {
	threshold: { enabled: true, breakpoint: 5, quantityAtOrBelow: 0, quantityAbove: undefined },
	handlingTimeDays: 2,
	priceAdjustment: { direction: 'increase', kind: 'percentage', amount: 12 },
	rounding: 'end99',
	minPrice: 6,
	maxPrice: 150,
	priceGuard: 'clamp',
	marketplaces: [{ marketplace: 'CA', currencyRate: 1.36 }, { marketplace: 'MX', currencyRate: 17.1 }],
};

function best(runs, fn) {
	let bestMs = Infinity;
	let result;
	for (let i = 0; i < runs; i++) {
		const started = process.hrtime.bigint();
		result = fn();
		bestMs = Math.min(bestMs, Number(process.hrtime.bigint() - started) / 1e6);
	}
	return { ms: bestMs, result };
}

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

function p4() {
	const { compileListingRules, computeListingRows } = dist('nodes/AmazonSpApi/core/listings');
	const rows = makeRows(P4_ROWS);
	const copy = best(REPEAT, () => {
		const out = new Array(rows.length);
		for (let i = 0; i < rows.length; i++) {
			const r = rows[i];
			out[i] = { sku: r.sku, quantity: r.quantity, price: r.price, fulfillmentChannel: r.fulfillmentChannel, marketplaceId: r.marketplaceId, productType: r.productType };
		}
		return out.length;
	});
	const ours = best(REPEAT, () => computeListingRows(compileListingRules(RULES, NOW), rows));
	const offers = ours.result;
	const skipped = offers.filter((o) => o.status === 'skipped').length;
	const ready = offers.filter((o) => o.status === 'ready').length;
	// One offer per SKU: rows i % 10 === 0 carry two; rows i % 7 === 0 are FBA and skipped.
	let expected = 0;
	let expectedSkipped = 0;
	for (let i = 0; i < P4_ROWS; i++) {
		const skus = i % 10 === 0 ? 2 : 1;
		expected += skus;
		if (i % 7 === 0) expectedSkipped += skus;
	}
	const complete = offers.length === expected && skipped === expectedSkipped && ready + skipped === expected;
	return { rows: P4_ROWS, skus: offers.length, ready, skipped, ms: ours.ms, copyMs: copy.ms, complete, peakRssMb: peakRssMb() };
}

/** The same messages written out by hand, serialised with JSON.stringify in chunks of 25,000. */
function handBuiltDocuments(offers, sellerId) {
	const documents = [];
	for (let start = 0; start < offers.length; start += 25_000) {
		const messages = offers.slice(start, start + 25_000).map((o, i) => ({
			messageId: i + 1,
			sku: o.sku,
			operationType: 'PATCH',
			productType: o.productType,
			patches: [
				{ op: 'replace', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: 'DEFAULT', quantity: o.quantity, lead_time_to_ship_max_days: o.handlingTimeDays }] },
				{ op: 'replace', path: '/attributes/purchasable_offer', value: [{ marketplace_id: o.marketplaceId, currency: o.currency, audience: 'ALL', our_price: [{ schedule: [{ value_with_tax: o.price }] }] }] },
			],
		}));
		documents.push(JSON.stringify({ header: { sellerId, version: '2.0', issueLocale: 'en_US' }, messages }));
	}
	return documents;
}

function p5() {
	const { compileListingRules, computeListingRows, buildListingsFeeds, MAX_LISTINGS_FEED_BYTES } = dist('nodes/AmazonSpApi/core/listings');
	const rows = makeRows(P5_SKUS).map((row, i) => ({ ...row, sku: `SKU-${i}`, fulfillmentChannel: 'DEFAULT', marketplaceId: 'US' }));
	const offers = computeListingRows(compileListingRules(RULES, NOW), rows);
	const baseline = best(REPEAT, () => handBuiltDocuments(offers, 'A1SELLERID'));
	const ours = best(REPEAT, () => buildListingsFeeds(offers, { sellerId: 'A1SELLERID' }));
	const chunks = ours.result;
	let messages = 0;
	let underLimit = true;
	for (const chunk of chunks) {
		const document = JSON.parse(chunk.content);
		messages += document.messages.length;
		underLimit &&= Buffer.byteLength(chunk.content) === chunk.bytes && chunk.bytes < MAX_LISTINGS_FEED_BYTES && document.messages.length <= 25_000;
	}
	const complete = messages === P5_SKUS && underLimit;
	const bytes = chunks.reduce((n, c) => n + c.bytes, 0);
	return { skus: P5_SKUS, feeds: chunks.length, messages, bytes, ms: ours.ms, baselineMs: baseline.ms, baselineFeeds: baseline.result.length, complete, peakRssMb: peakRssMb() };
}

function runChild(name) {
	return new Promise((resolve, reject) => {
		const child = fork(__filename, [name], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
		child.once('message', resolve);
		child.once('exit', (code) => code !== 0 && reject(new Error(`${name} exited with ${code}`)));
	});
}

async function main() {
	const out = (line) => process.stdout.write(`${line}\n`);
	out(`rules: P4 ${P4_ROWS.toLocaleString('en')} rows, P5 ${P5_SKUS.toLocaleString('en')} SKUs, best of ${REPEAT} (node ${process.version})`);
	const r4 = await runChild('p4');
	const skusPerSecond = r4.skus / (r4.ms / 1000);
	const p4Met = r4.complete && skusPerSecond >= 1_000_000;
	out(`P4 rules: ${r4.skus} SKUs (${r4.ready} ready, ${r4.skipped} FBA skipped) from ${r4.rows} rows in ${r4.ms.toFixed(0)} ms = ${Math.round(skusPerSecond).toLocaleString('en')} SKUs/s; copy-loop floor ${r4.copyMs.toFixed(0)} ms; ratio ours/floor ${(r4.ms / r4.copyMs).toFixed(2)}; peak RSS ${r4.peakRssMb.toFixed(0)} MB; target >= 1,000,000 SKUs/s ${p4Met ? 'met' : 'NOT met'}`);
	out(`BENCH P4 skus=${r4.skus} ms=${r4.ms.toFixed(1)} skusPerSecond=${Math.round(skusPerSecond)} floorMs=${r4.copyMs.toFixed(1)} ratioToFloor=${(r4.ms / r4.copyMs).toFixed(2)} peakRssMb=${r4.peakRssMb.toFixed(0)} complete=${r4.complete} target=${p4Met ? 'met' : 'missed'}`);
	const r5 = await runChild('p5');
	const p5Met = r5.complete && r5.ms < 2000;
	out(`P5 feed documents: ${r5.messages} messages in ${r5.feeds} feeds (${(r5.bytes / 1048576).toFixed(1)} MiB) in ${r5.ms.toFixed(0)} ms; hand-built JSON.stringify ${r5.baselineMs.toFixed(0)} ms (${r5.baselineFeeds} documents, no size limit); ratio ours/baseline ${(r5.ms / r5.baselineMs).toFixed(2)}; peak RSS ${r5.peakRssMb.toFixed(0)} MB; target < 2 s ${p5Met ? 'met' : 'NOT met'}`);
	out(`BENCH P5 skus=${r5.skus} feeds=${r5.feeds} ms=${r5.ms.toFixed(1)} baselineMs=${r5.baselineMs.toFixed(1)} ratioToBaseline=${(r5.ms / r5.baselineMs).toFixed(2)} peakRssMb=${r5.peakRssMb.toFixed(0)} complete=${r5.complete} target=${p5Met ? 'met' : 'missed'}`);
	if (!r4.complete || !r5.complete) throw new Error('incomplete result: see complete=false above');
	if (!p4Met || !p5Met) process.exitCode = 1;
	return { p4: r4, p5: r5 };
}

module.exports = { main };
if (require.main === module) {
	const part = process.argv[2];
	if (part === 'p4' || part === 'p5') process.send(part === 'p4' ? p4() : p5(), () => process.disconnect());
	else main().catch((error) => { process.stderr.write(String(error.stack || error) + '\n'); process.exit(1); });
}

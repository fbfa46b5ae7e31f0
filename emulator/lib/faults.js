'use strict';

/*
 * Fault spec (CLI --faults, POST /_emulator/faults {"spec": ...}):
 *   spec     := rule (';' rule)*
 *   rule     := operation ':' sequence | operation ':p=' probability ':' outcome
 *   operation:= exact key (ordersV0.getOrders), api wildcard (ordersV0.*) or '*'
 *   sequence := outcome (',' outcome)*        -- consumed one per matching call, then inactive
 *   outcome  := action ('+' action)* ['*' count]
 *   action   := ok | <http status> | drop | expired | delay=<ms>
 * Examples: "ordersV0.getOrders:429,429,ok", "orders.searchOrders:p=0.1:503", "*:delay=1500+ok",
 *           "ordersV0.getOrderItems:500*3", "lwa.token:503" (LWA answers in OAuth error shape).
 */

function parseOutcome(text) {
	const [body, repeat] = text.trim().split('*');
	const outcome = { status: null, drop: false, expired: false, delayMs: 0 };
	for (const action of body.split('+').map((part) => part.trim())) {
		if (action === 'ok' || action === '') continue;
		if (action === 'drop') outcome.drop = true;
		else if (action === 'expired') outcome.expired = true;
		else if (/^delay=\d+$/.test(action)) outcome.delayMs = Number(action.slice(6));
		else if (/^\d{3}$/.test(action)) outcome.status = Number(action);
		else throw new Error(`Unknown fault action "${action}"`);
	}
	const count = repeat === undefined ? 1 : Number(repeat);
	if (!Number.isInteger(count) || count < 1) throw new Error(`Bad repeat count in "${text}"`);
	return Array.from({ length: count }, () => ({ ...outcome }));
}

function parseFaultSpec(spec) {
	const rules = [];
	for (const rawRule of String(spec || '').split(/[;\n]/).map((part) => part.trim()).filter(Boolean)) {
		const firstColon = rawRule.indexOf(':');
		if (firstColon < 1) throw new Error(`Fault rule "${rawRule}" needs "<operation>:<outcomes>"`);
		const operation = rawRule.slice(0, firstColon).trim();
		const rest = rawRule.slice(firstColon + 1).trim();
		const probability = /^p=([0-9.]+):(.+)$/.exec(rest);
		if (probability) {
			const p = Number(probability[1]);
			if (!(p >= 0 && p <= 1)) throw new Error(`Probability must be within 0..1 in "${rawRule}"`);
			rules.push({ operation, probability: p, outcome: parseOutcome(probability[2])[0], text: rawRule });
		} else {
			rules.push({ operation, sequence: rest.split(',').flatMap(parseOutcome), text: rawRule });
		}
	}
	return rules;
}

function operationMatches(pattern, operationKey) {
	if (pattern === '*') return true;
	if (pattern.endsWith('.*')) return operationKey.startsWith(pattern.slice(0, -1));
	return pattern === operationKey;
}

function createFaults(rng) {
	let rules = [];
	return {
		set(spec, { append = false } = {}) {
			const parsed = parseFaultSpec(spec);
			rules = append ? [...rules, ...parsed] : parsed;
			return rules.length;
		},
		clear() {
			rules = [];
		},
		/** The outcome for this call, or null. Sequences are consumed; the first matching rule wins. */
		next(operationKey) {
			for (const rule of rules) {
				if (!operationMatches(rule.operation, operationKey)) continue;
				if (rule.sequence) {
					if (rule.sequence.length === 0) continue;
					return rule.sequence.shift();
				}
				if (rng() < rule.probability) return { ...rule.outcome };
			}
			return null;
		},
		describe: () => rules.map((rule) => ({ rule: rule.text, remaining: rule.sequence ? rule.sequence.length : null })),
	};
}

module.exports = { parseFaultSpec, createFaults };

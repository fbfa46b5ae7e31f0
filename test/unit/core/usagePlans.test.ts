import { DEFAULT_USAGE_PLAN, getUsagePlan, USAGE_PLANS } from '../../../nodes/AmazonSpApi/core/http/usagePlans';
import { RecordingLogger } from '../../helpers/spApiClient';

describe('usage plans', () => {
	it.each([
		['ordersV0.getOrders', 0.0167, 20],
		['ordersV0.confirmShipment', 2, 10],
		['orders.searchOrders', 0.0056, 20],
		['orders.cancelOrder', 1, 5],
		['reports.createReport', 0.0167, 15],
		['feeds.createFeed', 0.0083, 15],
		['vendorOrders.getPurchaseOrders', 10, 10],
		['vendorTransactionStatus.getTransaction', 10, 20],
		['vendorShipments.SubmitShipmentConfirmations', 10, 10],
		['vendorDFOrders.getOrder', 10, 10],
		['vendorDFShipping.createContainerLabel', 10, 10],
		['vendorDFTransactions.getTransactionStatus', 10, 10],
		['listingsItems.patchListingsItem', 5, 5],
		['productTypeDefinitions.getDefinitionsProductType', 5, 10],
		['sellers.getMarketplaceParticipations', 0.016, 15],
		['tokens.createRestrictedDataToken', 1, 10],
		['fbaInventory.getInventorySummaries', 2, 2],
		['productPricingV0.getItemOffersBatch', 0.1, 1],
		['productPricing.getCompetitiveSummary', 0.033, 1],
		['notifications.createDestination', 1, 5],
		['catalogItems.searchCatalogItems', 2, 2],
		['productFeesV0.getMyFeesEstimates', 0.5, 1],
		['applications.rotateApplicationClientSecret', 0.0167, 1],
	])('%s = %s rps, burst %s', (operation, rate, burst) => {
		expect(getUsagePlan(operation)).toEqual({ rate, burst });
	});

	it('covers every operation of the reference table (90 rows + 2 additional)', () => {
		expect(Object.keys(USAGE_PLANS)).toHaveLength(92);
		for (const plan of Object.values(USAGE_PLANS)) {
			expect(plan.rate).toBeGreaterThan(0);
			expect(plan.burst).toBeGreaterThanOrEqual(1);
		}
	});

	it('gives sandbox-only operations without a stated plan a sensible default', () => {
		expect(getUsagePlan('vendorDFSandbox.generateOrderScenarios')).toEqual({ rate: 5, burst: 15 });
		expect(getUsagePlan('fbaInventory.addInventory')).toEqual({ rate: 5, burst: 15 });
	});

	it('falls back to a conservative default for unknown operations and warns once', () => {
		const logger = new RecordingLogger();
		expect(getUsagePlan('finances.listFinancialEvents', logger)).toBe(DEFAULT_USAGE_PLAN);
		expect(getUsagePlan('finances.listFinancialEvents', logger)).toBe(DEFAULT_USAGE_PLAN);
		expect(DEFAULT_USAGE_PLAN).toEqual({ rate: 0.5, burst: 1 });
		expect(logger.entries).toEqual([
			expect.objectContaining({ level: 'warn', meta: expect.objectContaining({ operation: 'finances.listFinancialEvents' }) }),
		]);
	});
});

// The demo's order book (`--demo`, `--live-orders`): what every example workflow needs at its first run.
import { start } from '../../emulator';

interface EmuOrder {
	orderId: string;
	marketplaceId: string;
	status: string;
	fulfillmentChannel: string;
	isPrime: boolean;
	shipServiceLevel: string;
	acknowledged: boolean;
	visibleAfter: string;
	purchaseDate: string;
	items: Array<{ sellerSku: string; quantityShipped: number }>;
}

const US = 'ATVPDKIKX0DER';

async function orderBook(options: Record<string, unknown>) {
	const emulator = await start({ port: 0, quiet: true, seed: 42, orders: 50, ...options });
	const list = () => (emulator.ctx.orders.list() as EmuOrder[]).filter((order) => order.marketplaceId === US);
	return { emulator, list };
}

describe('demo orders', () => {
	it('seeds recent unshipped seller-fulfilled US orders for every example', async () => {
		const { emulator, list } = await orderBook({ demo: true });
		const now = Date.now();
		const open = list().filter(
			(order) => order.status === 'Unshipped' && order.fulfillmentChannel === 'MFN' && Date.parse(order.visibleAfter) <= now,
		);
		expect(open.filter((order) => order.isPrime && !order.acknowledged).length).toBeGreaterThanOrEqual(2);
		expect(open.filter((order) => order.items.some((item) => item.sellerSku === 'DEMO-SOLD-OUT-1'))).toHaveLength(1);
		expect(open.some((order) => order.shipServiceLevel.startsWith('Std') && !order.isPrime)).toBe(true);
		expect(open.some((order) => order.shipServiceLevel.startsWith('Exp'))).toBe(true);
		for (const order of open) expect(order.items.every((item) => item.quantityShipped === 0)).toBe(true);
		await emulator.stop();
	});

	it('keeps the seeded data set unchanged without --demo', async () => {
		const plain = await orderBook({});
		const demo = await orderBook({ demo: true });
		const ids = (orders: EmuOrder[]) => orders.map((order) => order.orderId);
		expect(ids(demo.list())).toEqual(expect.arrayContaining(ids(plain.list())));
		expect(demo.list().length - plain.list().length).toBe(5);
		await plain.emulator.stop();
		await demo.emulator.stop();
	});

	it('places a new order every interval of emulator time with --live-orders', async () => {
		const { emulator, list } = await orderBook({ liveOrders: 3 });
		const before = list().length;
		emulator.ctx.clock.advance(10 * 60_000);
		const arrived = list().slice(before);
		expect(arrived).toHaveLength(3);
		expect(arrived.map((order) => order.status)).toEqual(['Unshipped', 'Unshipped', 'Unshipped']);
		expect(Date.parse(arrived[1].purchaseDate) - Date.parse(arrived[0].purchaseDate)).toBe(3 * 60_000);
		await emulator.stop();
	});
});

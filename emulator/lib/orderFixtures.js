'use strict';

/** Locale data for generated orders: names, cities (city, state, postal), streets, VAT/sales tax, price scale. */
const LOCALES = {
	US: {
		first: ['James', 'Mary', 'Robert', 'Patricia', 'Michael', 'Jennifer', 'David', 'Linda'],
		last: ['Smith', 'Johnson', 'Williams', 'Brown', 'Garcia', 'Miller', 'Davis', 'Wilson'],
		cities: [['SEATTLE', 'WA', '98101-1234'], ['AUSTIN', 'TX', '78701'], ['BROOKLYN', 'NY', '11201-4521'], ['DENVER', 'CO', '80202'], ['MIAMI', 'FL', '33130']],
		streets: ['Main St', 'Oak Avenue', 'Pine Street', 'Maple Dr', '5th Ave'],
		streetFirst: false, phone: '+1 206-555-', tax: 0.0825, taxIncluded: false, priceScale: 1, decimals: 2, orderPrefix: ['111', '112', '113', '114'],
	},
	CA: {
		first: ['Liam', 'Emma', 'Noah', 'Olivia', 'Étienne', 'Chloé'],
		last: ['Tremblay', 'Roy', 'Gagnon', 'MacDonald', 'Campbell', 'Wong'],
		cities: [['TORONTO', 'ON', 'M5V 2T6'], ['VANCOUVER', 'BC', 'V6B 1A1'], ['MONTREAL', 'QC', 'H2Y 1C6'], ['CALGARY', 'AB', 'T2P 1J9']],
		streets: ['King St W', 'Rue Sainte-Catherine', 'Granville St', 'Bay Street'],
		streetFirst: false, phone: '+1 416-555-', tax: 0.13, taxIncluded: false, priceScale: 1.35, decimals: 2, orderPrefix: ['701', '702'],
	},
	DE: {
		first: ['Lukas', 'Anna', 'Jonas', 'Lea', 'Felix', 'Marie', 'Jürgen', 'Sabine'],
		last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker', 'Hoffmann', 'Schäfer'],
		cities: [['Berlin', 'Berlin', '10115'], ['München', 'Bayern', '80331'], ['Hamburg', 'Hamburg', '20095'], ['Köln', 'Nordrhein-Westfalen', '50667'], ['Leipzig', 'Sachsen', '04109']],
		streets: ['Hauptstraße', 'Schillerstraße', 'Goethestraße', 'Bahnhofstraße', 'Lindenallee'],
		streetFirst: true, phone: '+49 30 5550', tax: 0.19, taxIncluded: true, priceScale: 0.93, decimals: 2, orderPrefix: ['302', '303', '304', '305', '028'],
	},
	GB: {
		first: ['Oliver', 'Amelia', 'Harry', 'Isla', 'George', 'Ava'],
		last: ['Taylor', 'Jones', 'Evans', 'Thomas', 'Roberts', 'Walker'],
		cities: [['LONDON', 'Greater London', 'SW1A 1AA'], ['MANCHESTER', 'Greater Manchester', 'M1 1AE'], ['BRISTOL', 'Bristol', 'BS1 4DJ'], ['LEEDS', 'West Yorkshire', 'LS1 4AP']],
		streets: ['High Street', 'Station Road', 'Church Lane', 'Victoria Road'],
		streetFirst: false, phone: '+44 20 7946 0', tax: 0.2, taxIncluded: true, priceScale: 0.8, decimals: 2, orderPrefix: ['202', '203', '204', '206'],
	},
	FR: {
		first: ['Gabriel', 'Louise', 'Raphaël', 'Jade', 'Léo', 'Inès'],
		last: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Lefèvre'],
		cities: [['Paris', 'Île-de-France', '75001'], ['Lyon', 'Auvergne-Rhône-Alpes', '69002'], ['Marseille', "Provence-Alpes-Côte d'Azur", '13001'], ['Toulouse', 'Occitanie', '31000']],
		streets: ['rue de la Paix', 'avenue Victor Hugo', 'boulevard Haussmann', 'rue Nationale'],
		streetFirst: false, phone: '+33 1 55 50', tax: 0.2, taxIncluded: true, priceScale: 0.95, decimals: 2, orderPrefix: ['402', '403', '405'],
	},
	IT: {
		first: ['Leonardo', 'Sofia', 'Francesco', 'Giulia', 'Alessandro', 'Aurora'],
		last: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano'],
		cities: [['Roma', 'RM', '00184'], ['Milano', 'MI', '20121'], ['Napoli', 'NA', '80133'], ['Torino', 'TO', '10121']],
		streets: ['Via Roma', 'Via Garibaldi', 'Corso Italia', 'Via Dante'],
		streetFirst: false, phone: '+39 06 5550', tax: 0.22, taxIncluded: true, priceScale: 0.95, decimals: 2, orderPrefix: ['402', '171'],
	},
	ES: {
		first: ['Hugo', 'Lucía', 'Martín', 'Sofía', 'Pablo', 'Martina'],
		last: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez'],
		cities: [['Madrid', 'Madrid', '28013'], ['Barcelona', 'Barcelona', '08002'], ['Valencia', 'Valencia', '46002'], ['Sevilla', 'Sevilla', '41001']],
		streets: ['Calle Mayor', 'Gran Vía', 'Calle de Alcalá', 'Paseo de Gracia'],
		streetFirst: false, phone: '+34 91 555 0', tax: 0.21, taxIncluded: true, priceScale: 0.95, decimals: 2, orderPrefix: ['403', '408'],
	},
	JP: {
		first: ['太郎', '花子', '翔', '陽菜', '蓮', '結衣'],
		last: ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺'],
		cities: [['千代田区', '東京都', '100-0001'], ['大阪市北区', '大阪府', '530-0001'], ['横浜市西区', '神奈川県', '220-0011'], ['札幌市中央区', '北海道', '060-0001']],
		streets: ['丸の内1-1-1', '梅田2-4-9', 'みなとみらい3-3-1', '北1条西2-1'],
		streetFirst: true, phone: '+81 3-5550-', tax: 0.1, taxIncluded: true, priceScale: 150, decimals: 0, orderPrefix: ['249', '250', '503'],
	},
	AU: {
		first: ['Jack', 'Charlotte', 'William', 'Mia', 'Thomas', 'Grace'],
		last: ['Smith', 'Jones', 'Williams', 'Nguyen', 'Kelly', 'White'],
		cities: [['SYDNEY', 'NSW', '2000'], ['MELBOURNE', 'VIC', '3000'], ['BRISBANE', 'QLD', '4000'], ['PERTH', 'WA', '6000']],
		streets: ['George Street', 'Collins Street', 'Queen Street', 'Hay Street'],
		streetFirst: false, phone: '+61 2 5550 ', tax: 0.1, taxIncluded: true, priceScale: 1.5, decimals: 2, orderPrefix: ['250', '503'],
	},
};

/** Marketplace mix of generated orders (code, weight). */
const MARKETPLACE_WEIGHTS = [['US', 30], ['DE', 16], ['GB', 12], ['FR', 7], ['IT', 6], ['ES', 6], ['CA', 8], ['JP', 8], ['AU', 7]];

const PRODUCTS = [
	{ asin: 'B08N5WRWNW', sku: 'ECHO-DOT-4-BLK', title: 'Echo Dot (4th Gen) Smart speaker with Alexa, Charcoal', price: 49.99 },
	{ asin: 'B07XJ8C8F5', sku: 'USB-C-CABLE-2M', title: 'USB-C to USB-C Cable, 2 m, braided nylon', price: 12.49 },
	{ asin: 'B09B8V1LZ3', sku: 'LED-DESK-LAMP-W', title: 'LED Desk Lamp with wireless charger, dimmable, white', price: 39.9 },
	{ asin: 'B07PGL2ZSL', sku: 'YOGA-MAT-6MM-PRP', title: 'Yoga Mat 6 mm non-slip, purple', price: 24.95 },
	{ asin: 'B0BSHF7WHW', sku: 'COFFEE-GRINDER-BURR', title: 'Electric burr coffee grinder, 18 settings', price: 89.0 },
	{ asin: 'B06XCM9LJ4', sku: 'KIDS-PUZZLE-1000', title: 'Puzzle 1000 pieces – Alpine lake at sunrise', price: 17.99 },
	{ asin: 'B0C1H26C46', sku: 'BT-HEADPHONES-ANC', title: 'Bluetooth headphones with active noise cancelling', price: 129.99 },
	{ asin: 'B01LYT95XR', sku: 'CAST-IRON-PAN-28', title: 'Cast iron skillet 28 cm, pre-seasoned', price: 34.5 },
	{ asin: 'B0756CYWWD', sku: 'GARDEN-HOSE-30M', title: 'Expandable garden hose 30 m with spray nozzle', price: 29.99 },
	{ asin: 'B00FLYWNYQ', sku: 'TEA-SAMPLER-24', title: 'Loose leaf tea sampler, 24 varieties', price: 21.0 },
	{ asin: 'B0D5CJ9W2Q', sku: 'PHONE-CASE-CLR-15', title: 'Clear phone case with MagSafe, 6.1 inch', price: 15.99 },
	{ asin: 'B0CX23V2ZK', sku: 'BACKPACK-20L-GRY', title: 'Daypack 20 L, water-resistant, grey', price: 54.0 },
];

/** [ShipServiceLevel template, ShipmentServiceLevelCategory, v2026 fulfillmentServiceLevel]; {cc} = country. */
const SHIP_LEVELS = {
	standard: ['Std {cc} D2D Dom', 'Standard', 'STANDARD'],
	expedited: ['Exp {cc} D2D Dom', 'Expedited', 'EXPEDITED'],
	nextDay: ['NextDay {cc} D2D Dom', 'NextDay', 'NEXT_DAY'],
	secondDay: ['SecondDay {cc} D2D Dom', 'SecondDay', 'SECOND_DAY'],
	prime: ['Prime {cc} D2D Dom', 'Expedited', 'PRIORITY'],
	freeEconomy: ['Econ {cc} D2D Dom', 'FreeEconomy', 'FREE_ECONOMY'],
};

/** Carrier codes (REFERENCE §7.5) sellers typically use per ship-to country. */
const CARRIERS = {
	US: ['UPS', 'USPS', 'FedEx'], CA: ['Canada Post', 'UPS'], DE: ['DHL', 'Deutsche Post', 'DPD', 'Hermes Logistik Gruppe'], GB: ['Royal Mail', 'Yodel', 'DPD'],
	FR: ['La Poste', 'Chronopost', 'DPD'], IT: ['Poste Italiane', 'SDA', 'GLS'], ES: ['Correos', 'Seur', 'MRW'], JP: ['YAMATO', 'SAGAWA', 'JP_EXPRESS'], AU: ['Australia Post', 'Toll Global Express'],
};

module.exports = { LOCALES, MARKETPLACE_WEIGHTS, PRODUCTS, SHIP_LEVELS, CARRIERS };

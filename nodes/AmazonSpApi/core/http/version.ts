/** Kept in sync with package.json by a unit test (test/unit/core/version.test.ts). */
export const PACKAGE_VERSION = '0.1.0';

export const DEFAULT_USER_AGENT = `n8n-nodes-amazon-spapi/${PACKAGE_VERSION} (Language=TypeScript)`;

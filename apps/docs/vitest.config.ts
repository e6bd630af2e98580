import { packageTestConfig } from '../../test-support/vitest-config.js';

// Builds the site first, unless turbo has (see test/global-setup.ts).
export default packageTestConfig({ globalSetup: ['test/global-setup.ts'] });

import { packageTestConfig } from '../../test-support/vitest-config.js';

export default packageTestConfig();

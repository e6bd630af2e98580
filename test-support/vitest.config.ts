import { packageTestConfig } from './vitest-config.js';

export default packageTestConfig({ include: ['*.test.ts'] });

export { BIP353_ERROR_CODES, Bip353Error, type Bip353ErrorCode } from './errors.js';

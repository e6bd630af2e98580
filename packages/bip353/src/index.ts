export { ROOT_TRUST_ANCHORS, type TrustAnchor } from './crypto/trust-anchors.js';
export { BIP353_ERROR_CODES, Bip353Error, type Bip353ErrorCode } from './errors.js';
export { type Bip353Name, parseBip353Name } from './name.js';
export type { TrustAnchorInput, VerifyOptions } from './options.js';
export { type Bip353Result, MAX_PROOF_LENGTH, verifyBip353Proof } from './proof.js';
export { parsePsbtDnssecProof } from './psbt.js';
export { type Fetch, type FetchResponse, type ResolveOptions, resolveBip353 } from './resolve.js';

// A library's check run in this Node process, on the built library: the reference the other
// runtimes must match.

import * as bip353 from '../../src/checks/bip353.js';
import * as bolt12 from '../../src/checks/bolt12.js';
import * as core from '../../src/checks/core.js';
import * as l402 from '../../src/checks/l402.js';
import * as lnurl from '../../src/checks/lnurl.js';
import * as uri from '../../src/checks/uri.js';
import * as validate from '../../src/checks/validate.js';
import { type Run, runner } from '../../src/run.js';
import type { LibraryName } from './libraries.js';

const CHECKS = { core, validate, lnurl, uri, bolt12, l402, bip353 } as const;

export const nodeRun = (name: LibraryName): Run => runner(CHECKS[name].check);

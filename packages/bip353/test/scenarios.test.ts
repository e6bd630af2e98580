// A DNS world signed by the test's own root key (test-support/dns-service: root RSA-2048, `test`
// P-256, `example.test` Ed25519, `other.test` RSA-2048, and zones with one fault each), checked
// two ways: its RFC 9102 proofs offline, and resolved over DNS-over-HTTPS from a resolver on
// 127.0.0.1. Each scenario is accepted or refused as BIP 353 says, with its code.
import {
  authenticationChain,
  type DohServer,
  SCENARIO_NOW,
  SCENARIOS,
  scenarioWorld,
  startDohServer,
  type World,
  wrongTrustAnchor,
} from 'test-support/dns-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIP353_ERROR_CODES, Bip353Error, resolveBip353, verifyBip353Proof } from '../src/index.js';

/** The library's answer where the scenario leaves the choice open (SHA-384 DS, other algorithms). */
const CHOICES: Readonly<Record<string, string>> = {
  'rsa-sha512': 'unsupported-algorithm',
  p384: 'unsupported-algorithm',
  ed448: 'unsupported-algorithm',
  'ds-sha384': 'accepted',
  'ds-sha1': 'accepted',
  'foreign-signer': 'invalid-signature',
  'zsk-signed-keys': 'missing-key',
};

let world: World;
let doh: DohServer;

beforeAll(async () => {
  world = await scenarioWorld();
  doh = await startDohServer(world);
});
afterAll(() => doh?.close());

const outcome = async (run: () => Promise<{ uri: string; ttl: number }>) => {
  try {
    const r = await run();
    return { code: 'accepted', uri: r.uri, ttl: r.ttl };
  } catch (error) {
    if (!(error instanceof Bip353Error)) throw error;
    expect(BIP353_ERROR_CODES).toContain(error.code);
    return { code: error.code as string, message: error.message };
  }
};

const expectScenario = (
  id: string,
  expected: { uri?: string; ttl?: number; errors?: readonly string[] },
  got: { code: string; uri?: string; ttl?: number },
) => {
  const choice = CHOICES[id];
  if (choice !== undefined) {
    expect(got.code, id).toBe(choice);
    if (choice === 'accepted') expect(got.uri).toBe(expected.uri);
    else expect([...(expected.errors ?? []), 'accepted']).toContain(choice);
    return;
  }
  if (expected.errors) {
    expect(expected.errors, `${id}: ${JSON.stringify(got)}`).toContain(got.code);
    return;
  }
  expect(got, id).toMatchObject({ code: 'accepted', uri: expected.uri });
  if (expected.ttl !== undefined) expect(got.ttl, id).toBe(expected.ttl);
};

describe.each(SCENARIOS)('$id: $note', (s) => {
  it('offline, from its RFC 9102 proof', async () => {
    const proof = authenticationChain(world, s.name);
    const got = await outcome(() =>
      verifyBip353Proof(s.address, proof, { now: SCENARIO_NOW, trustAnchors: [world.trustAnchor] }),
    );
    expectScenario(s.id, s.expected, got);
  });

  it('over DNS-over-HTTPS, GET and POST', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const got = await outcome(() =>
        resolveBip353(s.address, {
          dohUrl: doh.url,
          allowPrivateHosts: true,
          method,
          now: SCENARIO_NOW,
          trustAnchors: [world.trustAnchor],
        }),
      );
      expectScenario(s.id, s.expected, got);
    }
  });
});

describe('trust anchors', () => {
  it('refuses a world whose root the anchors do not name', async () => {
    const alice = SCENARIOS.find((s) => s.id === 'alice');
    const proof = authenticationChain(world, alice?.name ?? '');
    const got = await outcome(() =>
      verifyBip353Proof(alice?.address ?? '', proof, {
        now: SCENARIO_NOW,
        trustAnchors: [wrongTrustAnchor(world)],
      }),
    );
    expect(got.code).toBe('trust-anchor-mismatch');
    // IANA's anchors, the default, do not vouch for a test root either.
    const byDefault = await outcome(() =>
      verifyBip353Proof(alice?.address ?? '', proof, { now: SCENARIO_NOW }),
    );
    expect(byDefault.code).toBe('trust-anchor-mismatch');
  });
});

// The client flow of the specification end to end, over real HTTP on 127.0.0.1: a server answers
// 402 with an L402 challenge (an invoice made with core, a preimage it knows), the README's
// fetchWithL402 checks the invoice with @lninvoice/validate, pays it through the caller's `pay`,
// and retries with the credential, which the server reads and checks (200, or 401).
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInvoice, signInvoice } from '@lninvoice/core';
import { ValidationError } from '@lninvoice/validate';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  checkL402Preimage,
  formatL402Authorization,
  L402Error,
  parseL402Authorization,
} from '../src/index.js';
import { fetchWithL402 } from './helpers/fetch-with-l402.js';

const NODE_KEY = '11'.repeat(32);
const PREIMAGE = Uint8Array.from({ length: 32 }, (_, i) => i + 1);
const TOKEN = new Uint8Array([2, 1, 4, 108, 115, 97, 116, 2, 66, 0, 0, 39]);

/** The server's state: what it charges, which scheme it speaks, what it saw. */
const state = {
  priceMsat: 10_000n,
  scheme: 'L402',
  invoice: '',
  authorizations: [] as string[],
};

let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      state.authorizations.push(authorization);
      try {
        const credential = parseL402Authorization(authorization);
        // A real server checks that the token commits to the payment hash (a macaroon's
        // signature); this one minted a single token for a single invoice.
        const ours =
          credential.tokenBytes.length === 1 &&
          Buffer.from(credential.tokenBytes[0] as Uint8Array).equals(TOKEN);
        if (ours && checkL402Preimage(state.invoice, credential.preimage)) {
          response.writeHead(200, { 'content-type': 'text/plain' }).end('paid content');
          return;
        }
      } catch (error) {
        if (!(error instanceof L402Error)) throw error;
      }
      response.writeHead(401).end();
      return;
    }
    state.invoice = signInvoice(
      createInvoice({
        network: 'regtest',
        amountMsat: state.priceMsat,
        description: 'L402 flow test',
        preimage: PREIMAGE,
        expiry: 600,
      }),
      NODE_KEY,
    );
    // Two WWW-Authenticate headers: fetch's Headers joins them with ", ".
    response.setHeader('www-authenticate', [
      'Bearer realm="api"',
      `${state.scheme} version="0", token="${Buffer.from(TOKEN).toString('base64')}", invoice="${state.invoice}"`,
    ]);
    response.writeHead(402, { 'content-type': 'text/plain' }).end('payment required');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  state.priceMsat = 10_000n;
  state.scheme = 'L402';
  state.authorizations = [];
});

/** A wallet that pays any invoice it is given and reveals `preimage`. */
const wallet = (preimage: Uint8Array | string = PREIMAGE) => {
  const paid: string[] = [];
  const pay = async (invoice: string) => {
    paid.push(invoice);
    return preimage;
  };
  return { paid, pay };
};

describe('fetchWithL402 (the README example)', () => {
  it('pays the invoice and gets the content with the credential', async () => {
    const { paid, pay } = wallet();
    const response = await fetchWithL402(url, { pay, maxAmountMsat: 50_000n, network: 'regtest' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('paid content');
    expect(paid).toEqual([state.invoice]);
    expect(state.authorizations).toEqual([
      formatL402Authorization({ token: Buffer.from(TOKEN).toString('base64'), preimage: PREIMAGE }),
    ]);
    expect(state.authorizations[0]).toMatch(/^L402 AgEEbHNhdAJCAAAn:0102[0-9a-f]{60}$/);
  });

  it('answers an LSAT server with LSAT', async () => {
    state.scheme = 'LSAT';
    const response = await fetchWithL402(url, {
      ...wallet(),
      maxAmountMsat: 50_000n,
      network: 'regtest',
    });
    expect(response.status).toBe(200);
    expect(state.authorizations[0]).toMatch(/^LSAT /);
  });

  it('refuses an invoice above the ceiling, and pays nothing', async () => {
    state.priceMsat = 1_000_000n;
    const { paid, pay } = wallet();
    const refusal = fetchWithL402(url, { pay, maxAmountMsat: 50_000n, network: 'regtest' });
    await expect(refusal).rejects.toThrow(ValidationError);
    await expect(refusal).rejects.toMatchObject({ code: 'amount-above-maximum' });
    expect(paid).toEqual([]);
    expect(state.authorizations).toEqual([]);
  });

  it('refuses an invoice of another network, and pays nothing', async () => {
    const { paid, pay } = wallet();
    await expect(
      fetchWithL402(url, { pay, maxAmountMsat: 50_000n, network: 'bitcoin' }),
    ).rejects.toMatchObject({ code: 'network-mismatch' });
    expect(paid).toEqual([]);
  });

  it('does not send a wrong preimage', async () => {
    const { paid, pay } = wallet(new Uint8Array(32).fill(7));
    await expect(
      fetchWithL402(url, { pay, maxAmountMsat: 50_000n, network: 'regtest' }),
    ).rejects.toThrow(/did not reveal the preimage/);
    expect(paid).toHaveLength(1);
    expect(state.authorizations).toEqual([]);
  });
});

describe('the server', () => {
  it('answers a wrong preimage, a foreign token and a malformed credential with 401', async () => {
    // One challenge first, so that the server has an invoice.
    expect((await fetch(url)).status).toBe(402);
    const token = Buffer.from(TOKEN).toString('base64');
    for (const authorization of [
      formatL402Authorization({ token, preimage: new Uint8Array(32) }),
      formatL402Authorization({ token: 'AAAA', preimage: PREIMAGE }),
      `L402 ${token}:zz`,
      'Basic dXNlcjpwYXNz',
    ]) {
      const response = await fetch(url, { headers: { authorization } });
      expect(response.status, authorization).toBe(401);
    }
    const right = formatL402Authorization({ token, preimage: PREIMAGE });
    expect((await fetch(url, { headers: { authorization: right } })).status).toBe(200);
  });
});

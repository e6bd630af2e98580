// The stand-in DNS-over-HTTPS resolver of doh-from-proof.ts as a server: node:http on 127.0.0.1,
// for tests that run a client in another process (the CLI's `lninvoice resolve --doh`).
import { createServer } from 'node:http';
import { answer, queryOf, readProofRecords, type SeenQuery, seen } from './doh-from-proof.js';

/**
 * A DNS-over-HTTPS server on 127.0.0.1 answering from `proof` at `/dns-query` (GET and POST);
 * `queries` lists what it was asked. Node only.
 */
export const serveDohFromProof = async (proof: Uint8Array) => {
  const records = readProofRecords(proof);
  const queries: SeenQuery[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Uint8Array[] = [];
    for await (const chunk of request) chunks.push(chunk as Uint8Array);
    const body = chunks.length > 0 ? new Uint8Array(Buffer.concat(chunks)) : undefined;
    const method = request.method ?? 'GET';
    const query = queryOf(`http://127.0.0.1${request.url ?? '/'}`, method, body);
    if (!request.url?.startsWith('/dns-query') || query === undefined) {
      response.writeHead(400).end();
      return;
    }
    queries.push(seen(query, method));
    response.writeHead(200, { 'content-type': 'application/dns-message' });
    response.end(answer(records, query));
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/dns-query`,
    queries,
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
};

// Lightning node ids and node URIs (`<node id>@<host>:<port>`, as `lncli connect` takes them).
import { bytesParam } from '@lninvoice/core/options';
import { hostForm } from '@lninvoice/core/service-url';
import { showText } from '@lninvoice/core/text';
import { UriError } from '../errors.js';
import type { NodeIdInput, NodeUriInput } from '../types.js';

/** A compressed secp256k1 public key: 02 or 03, then 32 bytes, in hex. */
const NODE_ID = /^0[23][0-9a-fA-F]{64}$/;
const PORT = /^[1-9]\d{0,4}$/;

/** True when `text` starts with a node id, alone or followed by `@`. */
export const looksLikeNode = (text: string): boolean => NODE_ID.test(text.split('@', 1)[0] ?? '');

/** The node id or node URI `text`, found at `offset` of the input. */
export const classifyNode = (text: string, offset: number): NodeIdInput | NodeUriInput => {
  const separator = text.indexOf('@');
  const nodeId = bytesParam('node id', separator < 0 ? text : text.slice(0, separator), 33);
  if (separator < 0) return { kind: 'node-id', value: text, nodeId };
  const address = text.slice(separator + 1);
  const bracketed = address.startsWith('[');
  // The port follows the last ":", or the "]" that closes an IPv6 address.
  const hostEnd = bracketed ? address.indexOf(']') + 1 : address.lastIndexOf(':');
  const hostText = hostEnd <= 0 ? address : address.slice(0, hostEnd);
  const portText = address.slice(hostText.length);
  const host = bracketed ? hostText.slice(1, -1) : hostText;
  const invalid = (why: string) =>
    new UriError('invalid-node-uri', `node URI ${showText(text)}: ${why}`, {
      span: [offset + separator + 1, offset + text.length],
    });
  // Hosts as every package reads them (core's host rules): DNS labels, IPv4, bracketed IPv6.
  const kind = hostForm(host.toLowerCase());
  const validHost = bracketed
    ? hostText.endsWith(']') && kind === 'ipv6'
    : kind !== 'ipv6' && kind !== undefined;
  if (!validHost)
    throw invalid(
      `${showText(hostText)} is not an IPv4 address, a [bracketed] IPv6 address or a host name`,
    );
  if (portText === '') return { kind: 'node-uri', value: text, nodeId, host };
  const port = Number(portText.slice(1));
  if (!portText.startsWith(':') || !PORT.test(portText.slice(1)) || port > 65535)
    throw invalid(`${showText(portText)} is not ":" and a port from 1 to 65535`);
  return { kind: 'node-uri', value: text, nodeId, host, port };
};

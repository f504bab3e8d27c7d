import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

/**
 * Who a request comes from, for the per-client rate limit and the hashed key in the question log.
 * Behind a reverse proxy every request comes from the proxy, so with `trustedProxies` (TRUST_PROXY)
 * the client is read from X-Forwarded-For — but only when the peer is one of those proxies, and
 * only as far as they vouch for it: walking from the right (the hop the proxy itself added), the
 * first address that is not a trusted proxy is the client. Hops further left were written by the
 * client and could be anything, so they are never used.
 */
export function createClientAddress(trustedProxies: readonly string[]): (req: IncomingMessage) => string {
  const trusted = toBlockList(trustedProxies);
  const isTrusted = (address: string) => trusted.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
  return (req) => {
    const peer = normalise(req.socket.remoteAddress);
    if (peer === undefined) return 'unknown';
    if (trustedProxies.length === 0 || !isTrusted(peer)) return peer;
    let client = peer;
    for (const hop of forwardedFor(req).reverse()) {
      const address = normalise(hop);
      // A hop a trusted proxy did not write cleanly: keep the last address it vouched for.
      if (address === undefined) return client;
      client = address;
      if (!isTrusted(address)) return address;
    }
    return client;
  };
}

function toBlockList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

/** The X-Forwarded-For hops, left (farthest) to right (nearest), from every such header. */
function forwardedFor(req: IncomingMessage): string[] {
  const header = req.headers['x-forwarded-for'];
  const values = Array.isArray(header) ? header : header === undefined ? [] : [header];
  return values.flatMap((value) => value.split(',').map((hop) => hop.trim()));
}

/** A plain IP address (`::ffff:10.0.0.1` → `10.0.0.1`), or undefined for anything else. */
function normalise(address: string | undefined): string | undefined {
  if (address === undefined) return undefined;
  const plain = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] ?? address;
  return isIP(plain) === 0 ? undefined : plain;
}

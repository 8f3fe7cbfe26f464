import { BlockList, isIP } from "node:net";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/**
 * Which proxies in front of Cando may speak for the client in X-Forwarded-For: none; a count of
 * hops (every request passes through exactly that many proxies); or the proxies' addresses.
 */
export type TrustProxy =
  | { kind: "none" }
  | { kind: "count"; hops: number }
  | { kind: "addresses"; list: BlockList; entries: string[] };

export const NO_PROXY: TrustProxy = { kind: "none" };

/** Reads CANDO_TRUST_PROXY: unset or 0, a count of hops (1–10), or addresses and CIDR ranges. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? "").trim();
  if (text === "" || text === "0") return NO_PROXY;
  if (/^\d+$/.test(text)) {
    const hops = Number.parseInt(text, 10);
    if (hops > 10) throw new Error(`CANDO_TRUST_PROXY: ${hops} proxies is not a plausible count`);
    return { kind: "count", hops };
  }
  const list = new BlockList();
  const entries = text.split(",").map((e) => e.trim());
  for (const entry of entries) {
    const [address = "", prefix] = entry.split("/");
    const family = isIP(address);
    if (!family) {
      throw new Error(`CANDO_TRUST_PROXY: "${entry}" is neither a count nor an address or range`);
    }
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(address, type);
    else {
      const bits = Number(prefix);
      if (!/^\d+$/.test(prefix) || bits > (family === 4 ? 32 : 128)) {
        throw new Error(`CANDO_TRUST_PROXY: "${entry}" has a bad prefix length`);
      }
      list.addSubnet(address, bits, type);
    }
  }
  return { kind: "addresses", list, entries };
}

/** An address as one spelling: no brackets or port, IPv4-mapped IPv6 as plain IPv4. */
export function normalizeAddress(raw: string): string {
  let a = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed?.[1]) a = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(a);
  if (mapped?.[1]) a = mapped[1];
  return a.toLowerCase();
}

function trusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address. Proxies append to X-Forwarded-For, so only its right end is written by
 * proxies we trust; everything to the left of them was sent by the client and can be anything.
 */
export function clientAddressFrom(
  peer: string,
  forwardedFor: string | undefined,
  trust: TrustProxy,
): string {
  const socket = normalizeAddress(peer);
  if (trust.kind === "none" || forwardedFor === undefined) return socket;
  const chain = [
    ...forwardedFor
      .split(",")
      .map(normalizeAddress)
      .filter((a) => a !== ""),
    socket,
  ];
  if (trust.kind === "count") {
    // The socket is the nearest proxy; each of `hops` proxies added the address it saw.
    return chain[Math.max(0, chain.length - 1 - trust.hops)] ?? socket;
  }
  if (!trusted(trust.list, socket)) return socket;
  for (let i = chain.length - 2; i >= 0; i--) {
    const hop = chain[i] ?? "";
    if (!trusted(trust.list, hop)) return hop;
  }
  return chain[0] ?? socket;
}

/** The caller's address for abuse limits (see clientAddressFrom). */
export function clientAddress(c: Context, trust: TrustProxy): string {
  let peer = "unknown";
  try {
    peer = getConnInfo(c).remote.address ?? "unknown";
  } catch {
    // app.request() in tests has no socket unless the test passes one.
  }
  return clientAddressFrom(peer, c.req.header("x-forwarded-for"), trust);
}

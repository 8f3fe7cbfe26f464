import { describe, expect, it } from "vitest";
import { clientAddressFrom, normalizeAddress, parseTrustProxy } from "./client";

describe("parseTrustProxy (CANDO_TRUST_PROXY)", () => {
  it("reads nothing, a count of hops, or addresses and ranges", () => {
    expect(parseTrustProxy(undefined)).toEqual({ kind: "none" });
    expect(parseTrustProxy("0")).toEqual({ kind: "none" });
    expect(parseTrustProxy("2")).toEqual({ kind: "count", hops: 2 });
    const list = parseTrustProxy("127.0.0.1, 10.0.0.0/8, ::1");
    expect(list.kind).toBe("addresses");
  });

  it.each(["yes", "10.0.0.0/33", "300.1.1.1", "99", "127.0.0.1,"])("refuses %j", (value) => {
    expect(() => parseTrustProxy(value)).toThrow(/CANDO_TRUST_PROXY/);
  });
});

describe("clientAddressFrom", () => {
  const none = parseTrustProxy(undefined);
  const one = parseTrustProxy("1");
  const two = parseTrustProxy("2");
  const local = parseTrustProxy("127.0.0.1,10.0.0.0/8");

  it("uses the socket when no proxy is trusted, whatever the header says", () => {
    expect(clientAddressFrom("203.0.113.9", "1.2.3.4", none)).toBe("203.0.113.9");
  });

  it("with a count, takes the entry that many hops from the right", () => {
    expect(clientAddressFrom("127.0.0.1", "203.0.113.9", one)).toBe("203.0.113.9");
    // Whatever the client puts on the left is ignored.
    expect(clientAddressFrom("127.0.0.1", "6.6.6.6, 7.7.7.7, 203.0.113.9", one)).toBe(
      "203.0.113.9",
    );
    expect(clientAddressFrom("10.0.0.2", "6.6.6.6, 203.0.113.9, 10.0.0.1", two)).toBe(
      "203.0.113.9",
    );
    // No header (the proxy was bypassed): the socket.
    expect(clientAddressFrom("203.0.113.9", undefined, one)).toBe("203.0.113.9");
  });

  it("with addresses, walks from the right past trusted proxies to the first stranger", () => {
    expect(clientAddressFrom("127.0.0.1", "6.6.6.6, 203.0.113.9, 10.1.2.3", local)).toBe(
      "203.0.113.9",
    );
    // A socket that is not a trusted proxy speaks for itself: its header is ignored.
    expect(clientAddressFrom("198.51.100.1", "6.6.6.6", local)).toBe("198.51.100.1");
    // All trusted: the leftmost.
    expect(clientAddressFrom("127.0.0.1", "10.0.0.9", local)).toBe("10.0.0.9");
  });

  it("reads one spelling of an address (IPv4-mapped, brackets, ports)", () => {
    expect(normalizeAddress("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress(" 203.0.113.9:5555 ")).toBe("203.0.113.9");
    expect(clientAddressFrom("::ffff:127.0.0.1", "203.0.113.9", local)).toBe("203.0.113.9");
  });
});

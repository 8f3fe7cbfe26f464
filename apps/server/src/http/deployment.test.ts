import { describe, expect, it } from "vitest";
import { deploymentFrom } from "./deployment";

describe("deploymentFrom", () => {
  it("without a public URL, trusts exactly the listening address (loopback by any name)", () => {
    const d = deploymentFrom({ host: "127.0.0.1", port: 8787 });
    expect(d.origins).toEqual([
      "http://localhost:8787",
      "http://127.0.0.1:8787",
      "http://[::1]:8787",
    ]);
    expect(d.hosts).toContain("127.0.0.1:8787");
    expect(d.https).toBe(false);
  });

  it("on a wildcard address, trusts this machine's interface addresses", () => {
    const d = deploymentFrom({
      host: "0.0.0.0",
      port: 80,
      interfaceAddresses: ["192.168.1.20", "fe80::1"],
    });
    expect(d.origins).toContain("http://192.168.1.20");
    expect(d.origins).toContain("http://[fe80::1]");
    expect(d.hosts).toContain("192.168.1.20");
  });

  it("with a public URL, trusts that origin only, and HTTPS turns on HSTS and Secure cookies", () => {
    const d = deploymentFrom({
      publicUrl: "https://Cando.Example.org/",
      host: "127.0.0.1",
      port: 8787,
      trustProxy: "1",
    });
    expect(d.origins).toEqual(["https://cando.example.org"]);
    // The proxy may pass its own upstream name as Host.
    expect(d.hosts).toEqual([
      "cando.example.org",
      "localhost:8787",
      "127.0.0.1:8787",
      "[::1]:8787",
    ]);
    expect(d.https).toBe(true);
    expect(d.trustProxy).toEqual({ kind: "count", hops: 1 });
    expect(
      deploymentFrom({ publicUrl: "https://x.example:8443", host: "::1", port: 1 }).origins,
    ).toEqual(["https://x.example:8443"]);
  });

  it.each([
    "cando.example.org",
    "ftp://x.example",
    "https://x.example/cando",
    "https://u:p@x.example",
  ])("refuses the public URL %j", (publicUrl) => {
    expect(() => deploymentFrom({ publicUrl, host: "127.0.0.1", port: 1 })).toThrow(
      /CANDO_PUBLIC_URL/,
    );
  });
});

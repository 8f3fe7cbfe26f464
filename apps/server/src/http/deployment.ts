import { NO_PROXY, parseTrustProxy, type TrustProxy } from "./client";

/** Where Cando is reached from, which decides CSRF, Host, HSTS and cookie rules. */
export interface Deployment {
  /** The exact origins (scheme://host[:port]) a browser page of Cando has; the first is canonical. */
  origins: string[];
  /** Host headers accepted: the origins' hosts, and the listening address (what proxies send). */
  hosts: string[];
  /** Served to browsers over HTTPS: HSTS, Secure `__Host-` cookies. */
  https: boolean;
  trustProxy: TrustProxy;
}

export interface DeploymentInput {
  /** CANDO_PUBLIC_URL, e.g. https://cando.example.org */
  publicUrl?: string | undefined;
  /** The listening address and port (HOST, PORT). */
  host: string;
  port: number;
  /** CANDO_TRUST_PROXY */
  trustProxy?: string | undefined;
  /** This machine's interface addresses, for a wildcard listening address. */
  interfaceAddresses?: string[];
}

const LOOPBACK = ["localhost", "127.0.0.1", "[::1]"];
const WILDCARD = new Set(["", "0.0.0.0", "::", "[::]"]);

/** The names a browser can reach the listening address by. */
function listeningNames(host: string, interfaces: string[]): string[] {
  const bare = host.toLowerCase();
  const bracket = (a: string) => (a.includes(":") && !a.startsWith("[") ? `[${a}]` : a);
  if (WILDCARD.has(bare)) return [...new Set([...LOOPBACK, ...interfaces.map(bracket)])];
  if (LOOPBACK.includes(bracket(bare)) || bare === "::1") return LOOPBACK;
  return [bracket(bare)];
}

/** Builds the deployment from the environment's strings; throws a plain message when one is bad. */
export function deploymentFrom(input: DeploymentInput): Deployment {
  const trustProxy = parseTrustProxy(input.trustProxy);
  const names = listeningNames(input.host, input.interfaceAddresses ?? []);
  const listening = names.map((name) => new URL(`http://${name}:${input.port}`));
  const listeningHosts = listening.map((u) => u.host);
  if (input.publicUrl) {
    let url: URL;
    try {
      url = new URL(input.publicUrl);
    } catch {
      throw new Error(`CANDO_PUBLIC_URL: "${input.publicUrl}" is not a URL`);
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      throw new Error("CANDO_PUBLIC_URL must start with https:// (or http:// without TLS)");
    }
    if (url.pathname !== "/" || url.search || url.hash || url.username || url.password) {
      throw new Error("CANDO_PUBLIC_URL is an origin only (no path): Cando is served from /");
    }
    return {
      origins: [url.origin],
      hosts: [...new Set([url.host, ...listeningHosts])],
      https: url.protocol === "https:",
      trustProxy,
    };
  }
  return {
    origins: listening.map((u) => u.origin),
    hosts: listeningHosts,
    https: false,
    trustProxy,
  };
}

/** What `app.request()` in tests looks like: http://localhost, no proxy. */
export const TEST_DEPLOYMENT: Deployment = {
  origins: ["http://localhost"],
  hosts: ["localhost"],
  https: false,
  trustProxy: NO_PROXY,
};

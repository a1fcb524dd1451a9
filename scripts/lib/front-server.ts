// The front server: a small reverse proxy in front of Next (which listens on the loopback only).
// Next gives server actions no socket address, so the client's address has to arrive in a header;
// this server makes sure that, by the time a request reaches Next, X-Forwarded-For holds exactly one
// entry and that entry is the real client's address (ADR 005). TRUSTED_PROXIES says how many proxies
// in front of this server append to X-Forwarded-For; with none, the address is the connection's own.
import http from "node:http";
import net from "node:net";
import { looksLikeHost } from "../../src/lib/host-name";

export const UNAVAILABLE = "PeerPath is starting or unavailable. Please try again in a moment.";
const MAX_TRUSTED_PROXIES = 10;

/** TRUSTED_PROXIES: a whole number from 0 to 10; unset or empty means 0. Throws a message a person can act on. */
export function parseTrustedProxies(raw: string | undefined): number {
  const value = raw?.trim() ?? "";
  if (value === "") return 0;
  if (!/^\d{1,2}$/.test(value) || Number(value) > MAX_TRUSTED_PROXIES) {
    throw new Error(
      `TRUSTED_PROXIES=${raw} is not a whole number from 0 to ${MAX_TRUSTED_PROXIES}. Set it to how many proxies in front of ` +
        "PeerPath append the client's address to X-Forwarded-For (a load balancer, say), or leave it unset (0) when clients connect directly.",
    );
  }
  return Number(value);
}

const ordinal = (n: number) => `${n}${n === 1 ? "st" : n === 2 ? "nd" : n === 3 ? "rd" : "th"}`;

/** The start-up line that says where client addresses come from. */
export function describeClientAddresses(trustedProxies: number) {
  return trustedProxies === 0
    ? "Client addresses: from the connection (TRUSTED_PROXIES=0)"
    : `Client addresses: the ${ordinal(trustedProxies)} entry from the end of X-Forwarded-For (TRUSTED_PROXIES=${trustedProxies})`;
}

/** An address as written by a proxy, without a port or brackets, IPv4-mapped IPv6 as plain IPv4; null if it is no IP address. */
export function normaliseAddress(raw: string | undefined): string | null {
  let value = raw?.trim() ?? "";
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped) value = mapped[1]!;
  return net.isIP(value) ? value.toLowerCase() : null;
}

function entries(header: string | string[] | undefined): string[] {
  const joined = Array.isArray(header) ? header.join(",") : (header ?? "");
  return joined
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * The client's address. With no trusted proxy it is the connection's. With N, each proxy appended
 * the address it was connected from, so the Nth entry from the end is the one the outermost proxy
 * wrote; anything before it came from the client and may be forged. A chain shorter than N did not
 * come through all N proxies (a request that bypassed them, or fewer proxies than configured), so
 * none of its entries can be trusted, not even the first: the client may have written all of them.
 * Then, as for an entry that is no IP address, the connection's address is used: at worst that is a
 * proxy's, shared by many clients (throttling errs strict), never one the client chose.
 */
export function clientAddress(chain: string | string[] | undefined, socketAddress: string | undefined, trustedProxies: number): string {
  const fromSocket = normaliseAddress(socketAddress) ?? "unknown";
  if (trustedProxies === 0) return fromSocket;
  const list = entries(chain);
  if (list.length < trustedProxies) return fromSocket;
  return normaliseAddress(list[list.length - trustedProxies]) ?? fromSocket;
}

export type Connection = { remoteAddress?: string; localPort?: number };

/**
 * The X-Forwarded-* headers Next receives, replacing whatever the client sent. The front server
 * speaks plain HTTP, so without a proxy the protocol is http; with proxies, the nearest one's word
 * (the last entry) is taken for the protocol, host and port.
 */
export function forwardedHeaders(
  incoming: http.IncomingHttpHeaders,
  connection: Connection,
  trustedProxies: number,
): Record<string, string> {
  const host = incoming.host;
  const result: Record<string, string> = {
    "x-forwarded-for": clientAddress(incoming["x-forwarded-for"], connection.remoteAddress, trustedProxies),
    "x-forwarded-proto": "http",
  };
  if (trustedProxies === 0) {
    if (host) result["x-forwarded-host"] = host;
    if (connection.localPort) result["x-forwarded-port"] = String(connection.localPort);
    return result;
  }
  const proto = entries(incoming["x-forwarded-proto"]).at(-1)?.toLowerCase();
  if (proto === "https") result["x-forwarded-proto"] = "https";
  const proxyHost = entries(incoming["x-forwarded-host"]).at(-1);
  const chosenHost = proxyHost && looksLikeHost(proxyHost) ? proxyHost : host;
  if (chosenHost) result["x-forwarded-host"] = chosenHost;
  const proxyPort = Number(entries(incoming["x-forwarded-port"]).at(-1));
  const hostPort = Number(/:(\d+)$/.exec(chosenHost ?? "")?.[1]);
  const port = [proxyPort, hostPort].find((n) => Number.isInteger(n) && n >= 1 && n <= 65535);
  result["x-forwarded-port"] = String(port ?? (result["x-forwarded-proto"] === "https" ? 443 : 80));
  return result;
}

// Hop-by-hop headers (RFC 9110 7.6.1) belong to one connection and are never passed on.
const HOP_BY_HOP = ["connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade", "proxy-authorization"];
const CLIENT_FORWARDED = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

function connectionListed(connection: string | string[] | undefined) {
  return entries(connection).map((name) => name.toLowerCase());
}

/** The headers sent on to Next: the client's, less hop-by-hop and forwarding headers, plus forwardedHeaders(). */
export function upstreamHeaders(
  incoming: http.IncomingHttpHeaders,
  connection: Connection,
  trustedProxies: number,
): http.OutgoingHttpHeaders {
  // This server has answered any `Expect: 100-continue` itself.
  const dropped = new Set([...HOP_BY_HOP, ...CLIENT_FORWARDED, "expect", ...connectionListed(incoming.connection)]);
  const headers: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(incoming)) {
    if (value !== undefined && !dropped.has(name)) headers[name] = value;
  }
  // A body of unknown length goes on chunked, whatever the method (Node frames only some methods' bodies by itself).
  if (incoming["transfer-encoding"] && incoming["content-length"] === undefined) headers["transfer-encoding"] = "chunked";
  return { ...headers, ...forwardedHeaders(incoming, connection, trustedProxies) };
}

/** Next's response headers as a flat [name, value, …] list (so two Set-Cookie stay two), less hop-by-hop ones. */
export function downstreamHeaders(rawHeaders: string[]): string[] {
  const names = new Set(HOP_BY_HOP);
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i]!.toLowerCase() === "connection") for (const name of connectionListed(rawHeaders[i + 1])) names.add(name);
  }
  const kept: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (!names.has(rawHeaders[i]!.toLowerCase())) kept.push(rawHeaders[i]!, rawHeaders[i + 1]!);
  }
  return kept;
}

export type FrontServerOptions = {
  targetPort: number;
  targetHost?: string;
  trustedProxies?: number;
  /** Where failures to reach Next are reported (default: console.error). */
  log?: (message: string) => void;
};

/** An http.Server that passes every request to Next at targetHost:targetPort and streams the answer back. */
export function createFrontServer({ targetPort, targetHost = "127.0.0.1", trustedProxies = 0, log = console.error }: FrontServerOptions) {
  // A fresh loopback connection per request: cheap, and no race with Next closing an idle one.
  const agent = new http.Agent({ keepAlive: false });

  return http.createServer((req, res) => {
    const url = req.url ?? "";
    if (!url.startsWith("/")) {
      res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end("Bad request.");
      return;
    }
    const upstream = http.request({
      host: targetHost,
      port: targetPort,
      method: req.method,
      path: url,
      headers: upstreamHeaders(req.headers, req.socket, trustedProxies),
      agent,
    });

    upstream.on("response", (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, downstreamHeaders(answer.rawHeaders));
      // Next failing half-way: cut the client's connection too, so the answer cannot pass for complete.
      answer.on("error", () => res.destroy());
      answer.on("close", () => {
        if (!answer.complete) res.destroy();
      });
      answer.pipe(res);
    });
    let isClientGone = false;
    upstream.on("error", (error: NodeJS.ErrnoException) => {
      if (isClientGone) return;
      if (res.headersSent) {
        res.destroy();
        return;
      }
      log(`Front server: Next did not answer ${req.method} ${url.split("?")[0]} (${error.code ?? error.message}).`);
      res.writeHead(502, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "retry-after": "5" }).end(UNAVAILABLE);
    });

    // A client that goes away (or whose upload breaks off) stops the work it asked Next for.
    req.on("error", () => upstream.destroy());
    res.on("close", () => {
      if (res.writableFinished) return;
      isClientGone = true;
      upstream.destroy();
    });
    req.pipe(upstream);
  });
}

// The front server against a small echo backend: what Next receives (headers, body) and what the
// client gets back (cookies, streams, a plain 502), plus the pure rules for the client's address.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freeLoopbackPort } from "./app-server";
import {
  clientAddress,
  createFrontServer,
  describeClientAddresses,
  forwardedHeaders,
  normaliseAddress,
  parseTrustedProxies,
  UNAVAILABLE,
} from "./front-server";

type Echo = { method: string; url: string; headers: http.IncomingHttpHeaders; bodyLength: number; bodySha256: string };
type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

const servers: http.Server[] = [];
let backendPort: number;
let releaseSecondChunk: () => void = () => {};
let secondChunkAsked: Promise<void>;
let hangingRequestClosed: Promise<void>;

function listen(server: http.Server, host = "127.0.0.1") {
  servers.push(server);
  return new Promise<number>((resolve) => server.listen(0, host, () => resolve((server.address() as AddressInfo).port)));
}

function backend() {
  let closedHanging: () => void;
  hangingRequestClosed = new Promise((resolve) => (closedHanging = resolve));
  secondChunkAsked = new Promise((resolve) => (releaseSecondChunk = resolve));
  return http.createServer((req, res) => {
    if (req.url === "/stream") {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("first chunk\n");
      // The second chunk waits until the client has read the first: a buffering proxy would hang here.
      void secondChunkAsked.then(() => res.end("second chunk\n"));
      return;
    }
    if (req.url === "/hang") {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("started\n");
      res.on("close", () => closedHanging());
      return;
    }
    if (req.url === "/dies") {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("half an answer\n");
      setTimeout(() => res.socket?.destroy(), 50);
      return;
    }
    if (req.url === "/cookies") {
      res.setHeader("set-cookie", ["a=1; Path=/; HttpOnly", "b=2; Path=/; SameSite=Lax"]);
      res.end("two cookies");
      return;
    }
    const hash = crypto.createHash("sha256");
    let bodyLength = 0;
    req.on("data", (chunk: Buffer) => {
      bodyLength += chunk.length;
      hash.update(chunk);
    });
    req.on("end", () => {
      const echo: Echo = { method: req.method!, url: req.url!, headers: req.headers, bodyLength, bodySha256: hash.digest("hex") };
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(echo));
    });
  });
}

async function front(trustedProxies: number, targetPort = backendPort) {
  const port = await listen(createFrontServer({ targetPort, trustedProxies, log: () => {} }));
  return port;
}

function request(port: number, options: { path?: string; method?: string; headers?: http.OutgoingHttpHeaders; body?: Buffer } = {}) {
  return new Promise<Answer>((resolve, reject) => {
    const req = http.request({
      host: "127.0.0.1",
      port,
      path: options.path ?? "/echo?x=1",
      method: options.method ?? "GET",
      headers: options.headers,
    });
    req.on("error", reject);
    req.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    if (options.body) {
      // In pieces, so the body arrives over several reads.
      for (let i = 0; i < options.body.length; i += 64 * 1024) req.write(options.body.subarray(i, i + 64 * 1024));
    }
    req.end();
  });
}

async function echo(port: number, options: Parameters<typeof request>[1] = {}) {
  const answer = await request(port, options);
  expect(answer.status).toBe(200);
  return JSON.parse(answer.body) as Echo;
}

let direct: number; // no trusted proxy
let oneProxy: number;
let twoProxies: number;

beforeAll(async () => {
  backendPort = await listen(backend());
  direct = await front(0);
  oneProxy = await front(1);
  twoProxies = await front(2);
});

afterAll(async () => {
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

describe("with no trusted proxy (TRUSTED_PROXIES=0)", () => {
  it("replaces the client's X-Forwarded-For, X-Real-IP, Forwarded and X-Forwarded-Host with the connection's address and Host", async () => {
    const { headers } = await echo(direct, {
      headers: {
        "X-Forwarded-For": "1.2.3.4",
        "X-Real-IP": "5.6.7.8",
        Forwarded: "for=9.9.9.9",
        "X-Forwarded-Host": "evil.example",
        "X-Forwarded-Proto": "https",
        "X-Forwarded-Port": "443",
      },
    });
    expect(headers["x-forwarded-for"]).toBe("127.0.0.1");
    expect(headers["x-real-ip"]).toBeUndefined();
    expect(headers.forwarded).toBeUndefined();
    expect(headers["x-forwarded-host"]).toBe(`127.0.0.1:${direct}`);
    expect(headers.host).toBe(`127.0.0.1:${direct}`);
    expect(headers["x-forwarded-proto"]).toBe("http");
    expect(headers["x-forwarded-port"]).toBe(String(direct));
  });

  it("sets the address even when the client sent none", async () => {
    const { headers } = await echo(direct);
    expect(headers["x-forwarded-for"]).toBe("127.0.0.1");
  });

  it("passes the method, path, query and other headers on, but not the ones its Connection header names", async () => {
    const sent = await echo(direct, {
      method: "PUT",
      path: "/some/where?a=1&b=2",
      headers: { "Next-Action": "abc123", Cookie: "session=xyz", Connection: "keep-alive, X-Secret", "X-Secret": "hop" },
    });
    expect(sent.method).toBe("PUT");
    expect(sent.url).toBe("/some/where?a=1&b=2");
    expect(sent.headers["next-action"]).toBe("abc123");
    expect(sent.headers.cookie).toBe("session=xyz");
    expect(sent.headers["x-secret"]).toBeUndefined();
  });
});

describe("with trusted proxies in front", () => {
  it("takes the Nth entry from the end of X-Forwarded-For, and sends Next only that one", async () => {
    const chain = { "X-Forwarded-For": "9.9.9.9, 5.6.7.8" };
    expect((await echo(oneProxy, { headers: chain })).headers["x-forwarded-for"]).toBe("5.6.7.8");
    expect((await echo(twoProxies, { headers: chain })).headers["x-forwarded-for"]).toBe("9.9.9.9");
  });

  it("uses the connection's address when the chain is shorter than the number of proxies", async () => {
    expect((await echo(oneProxy)).headers["x-forwarded-for"]).toBe("127.0.0.1");
    expect((await echo(twoProxies, { headers: { "X-Forwarded-For": "5.6.7.8" } })).headers["x-forwarded-for"]).toBe("127.0.0.1");
  });

  it("takes the protocol and host from the nearest proxy", async () => {
    const { headers } = await echo(oneProxy, {
      headers: {
        "X-Forwarded-For": "5.6.7.8",
        "X-Forwarded-Proto": "http, https",
        "X-Forwarded-Host": "peerpath.school.example",
        "X-Real-IP": "1.1.1.1",
      },
    });
    expect(headers["x-forwarded-proto"]).toBe("https");
    expect(headers["x-forwarded-host"]).toBe("peerpath.school.example");
    expect(headers["x-forwarded-port"]).toBe("443");
    expect(headers["x-real-ip"]).toBeUndefined();
  });
});

describe("bodies and answers", () => {
  it("passes a POST body on whole", async () => {
    const body = crypto.randomBytes(1024 * 1024 + 17);
    const sent = await echo(direct, { method: "POST", body, headers: { "Content-Type": "application/octet-stream" } });
    expect(sent.method).toBe("POST");
    expect(sent.bodyLength).toBe(body.length);
    expect(sent.bodySha256).toBe(crypto.createHash("sha256").update(body).digest("hex"));
  });

  it.each(["POST", "DELETE"])("passes a chunked %s body (no Content-Length) on whole", async (method) => {
    const body = Buffer.from("a=1&b=".padEnd(300_000, "x"));
    const sent = await echo(direct, { method, body, headers: { "Transfer-Encoding": "chunked" } });
    expect(sent.method).toBe(method);
    expect(sent.bodyLength).toBe(body.length);
  });

  it("gives two Set-Cookie headers back as two", async () => {
    const answer = await request(direct, { path: "/cookies" });
    expect(answer.headers["set-cookie"]).toEqual(["a=1; Path=/; HttpOnly", "b=2; Path=/; SameSite=Lax"]);
    expect(answer.body).toBe("two cookies");
  });

  it("streams an answer: the first chunk arrives before the backend has written the second", async () => {
    const chunks: string[] = [];
    await new Promise<void>((resolve, reject) => {
      http
        .get({ host: "127.0.0.1", port: direct, path: "/stream" }, (res) => {
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => {
            chunks.push(chunk);
            if (chunks.join("") === "first chunk\n") releaseSecondChunk();
          });
          res.on("end", resolve);
          res.on("error", reject);
        })
        .on("error", reject);
    });
    expect(chunks.join("")).toBe("first chunk\nsecond chunk\n");
  });

  it("stops the backend's work when the client goes away", async () => {
    await new Promise<void>((resolve, reject) => {
      const req = http.get({ host: "127.0.0.1", port: direct, path: "/hang" }, (res) => {
        res.once("data", () => {
          req.destroy();
          resolve();
        });
      });
      req.on("error", (error: NodeJS.ErrnoException) => (error.code === "ECONNRESET" ? undefined : reject(error)));
    });
    await hangingRequestClosed;
  });

  it("cuts the client's connection when the backend dies half-way, so a half answer never looks whole", async () => {
    const outcome = await new Promise<string>((resolve) => {
      http
        .get({ host: "127.0.0.1", port: direct, path: "/dies" }, (res) => {
          res.resume();
          res.on("end", () => resolve("ended as if complete"));
          res.on("error", () => resolve("cut"));
        })
        .on("error", () => resolve("cut"));
    });
    expect(outcome).toBe("cut");
  });

  it("answers 502 with a plain message when the backend is down", async () => {
    const nobody = await freeLoopbackPort();
    const port = await front(0, nobody);
    const answer = await request(port, { method: "POST", body: Buffer.from("x=1") });
    expect(answer.status).toBe(502);
    expect(answer.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(answer.body).toBe(UNAVAILABLE);
    expect(UNAVAILABLE).toBe("PeerPath is starting or unavailable. Please try again in a moment.");
  });
});

describe("clientAddress", () => {
  it("is the connection's address with no trusted proxy, whatever the chain says", () => {
    expect(clientAddress("1.2.3.4", "10.0.0.7", 0)).toBe("10.0.0.7");
    expect(clientAddress(undefined, "::ffff:10.0.0.7", 0)).toBe("10.0.0.7");
    expect(clientAddress(undefined, "2001:DB8::1", 0)).toBe("2001:db8::1");
  });

  it("is the Nth entry from the end with N trusted proxies", () => {
    expect(clientAddress("9.9.9.9, 5.6.7.8", "10.0.0.1", 1)).toBe("5.6.7.8");
    expect(clientAddress("9.9.9.9, 5.6.7.8", "10.0.0.1", 2)).toBe("9.9.9.9");
    expect(clientAddress("forged, 9.9.9.9,5.6.7.8", "10.0.0.1", 2)).toBe("9.9.9.9");
    expect(clientAddress(["1.1.1.1", "2.2.2.2, 3.3.3.3"], "10.0.0.1", 2)).toBe("2.2.2.2");
  });

  it("is the connection's address when the chain is too short or the entry is no address", () => {
    expect(clientAddress(undefined, "10.0.0.1", 1)).toBe("10.0.0.1");
    expect(clientAddress("5.6.7.8", "10.0.0.1", 2)).toBe("10.0.0.1");
    expect(clientAddress("unknown", "10.0.0.1", 1)).toBe("10.0.0.1");
    expect(clientAddress(" , ", "10.0.0.1", 1)).toBe("10.0.0.1");
    expect(clientAddress(undefined, undefined, 0)).toBe("unknown");
  });

  it("reads the forms proxies write: with a port, bracketed, IPv4-mapped", () => {
    expect(normaliseAddress("203.0.113.9:51234")).toBe("203.0.113.9");
    expect(normaliseAddress("[2001:db8::2]:443")).toBe("2001:db8::2");
    expect(normaliseAddress("[2001:db8::2]")).toBe("2001:db8::2");
    expect(normaliseAddress("::FFFF:192.0.2.1")).toBe("192.0.2.1");
    expect(normaliseAddress("2001:db8::3")).toBe("2001:db8::3");
    expect(normaliseAddress("not-an-address")).toBeNull();
  });
});

describe("forwardedHeaders", () => {
  const socket = { remoteAddress: "::ffff:198.51.100.4", localPort: 3000 };

  it("with no proxy: the connection's address, http, the Host and the port it came in on", () => {
    expect(
      forwardedHeaders({ host: "peerpath.example:3000", "x-forwarded-proto": "https", "x-forwarded-host": "evil.example" }, socket, 0),
    ).toEqual({
      "x-forwarded-for": "198.51.100.4",
      "x-forwarded-proto": "http",
      "x-forwarded-host": "peerpath.example:3000",
      "x-forwarded-port": "3000",
    });
  });

  it("with a proxy: its protocol (http or https only), host and port", () => {
    const headers = {
      host: "internal:3000",
      "x-forwarded-for": "203.0.113.5",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "a.example, b.example",
    };
    expect(forwardedHeaders(headers, socket, 1)).toEqual({
      "x-forwarded-for": "203.0.113.5",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "b.example",
      "x-forwarded-port": "443",
    });
    expect(forwardedHeaders({ ...headers, "x-forwarded-proto": "gopher", "x-forwarded-port": "8080" }, socket, 1)).toMatchObject({
      "x-forwarded-proto": "http",
      "x-forwarded-port": "8080",
    });
    expect(forwardedHeaders({ host: "internal:3000", "x-forwarded-host": "bad host/with path" }, socket, 1)).toMatchObject({
      "x-forwarded-host": "internal:3000",
      "x-forwarded-port": "3000",
    });
  });
});

describe("TRUSTED_PROXIES", () => {
  it("is a whole number from 0 to 10, unset meaning 0", () => {
    expect(parseTrustedProxies(undefined)).toBe(0);
    expect(parseTrustedProxies("")).toBe(0);
    expect(parseTrustedProxies("0")).toBe(0);
    expect(parseTrustedProxies(" 2 ")).toBe(2);
    expect(parseTrustedProxies("10")).toBe(10);
  });

  it.each(["-1", "11", "1.5", "one", "true", "1e1", "0x1", "2 3"])("refuses %s with a message that says what to set", (raw) => {
    expect(() => parseTrustedProxies(raw)).toThrow(`TRUSTED_PROXIES=${raw} is not a whole number from 0 to 10`);
  });

  it("is described in one start-up line", () => {
    expect(describeClientAddresses(0)).toBe("Client addresses: from the connection (TRUSTED_PROXIES=0)");
    expect(describeClientAddresses(1)).toBe("Client addresses: the 1st entry from the end of X-Forwarded-For (TRUSTED_PROXIES=1)");
    expect(describeClientAddresses(2)).toBe("Client addresses: the 2nd entry from the end of X-Forwarded-For (TRUSTED_PROXIES=2)");
  });
});

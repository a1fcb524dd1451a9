import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { devHost, freeLoopbackPort, httpUrl, nextDevArgs, portInUse } from "./app-server";

describe("npm run dev listens on the loopback unless HOST says otherwise", () => {
  it("defaults to 127.0.0.1", () => {
    expect(devHost({})).toBe("127.0.0.1");
    expect(devHost({ HOST: "  " })).toBe("127.0.0.1");
    expect(nextDevArgs(devHost({}), 3000)).toEqual(["dev", "-H", "127.0.0.1", "-p", "3000"]);
  });

  it("takes HOST when it is set", () => {
    expect(devHost({ HOST: "0.0.0.0" })).toBe("0.0.0.0");
    expect(nextDevArgs(devHost({ HOST: " 0.0.0.0 " }), 4000)).toEqual(["dev", "-H", "0.0.0.0", "-p", "4000"]);
    expect(devHost({ HOST: "peerpath.test" })).toBe("peerpath.test");
  });

  it("prints a URL a person can open", () => {
    expect(httpUrl("127.0.0.1", 3000)).toBe("http://127.0.0.1:3000");
    expect(httpUrl("0.0.0.0", 3000)).toBe("http://localhost:3000");
    expect(httpUrl(undefined, 3000)).toBe("http://localhost:3000");
    expect(httpUrl("::1", 3000)).toBe("http://[::1]:3000");
  });
});

describe("portInUse", () => {
  let holder: net.Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (holder ? holder.close(() => resolve()) : resolve())));

  const hold = (port: number, host: string) =>
    new Promise<void>((resolve) => {
      holder = net.createServer().listen(port, host, () => resolve());
    });

  it("sees a server on the loopback whether it checks the loopback or every address", async () => {
    const port = await freeLoopbackPort();
    expect(await portInUse(port, "127.0.0.1")).toBe(false);
    await hold(port, "127.0.0.1");
    expect(await portInUse(port, "127.0.0.1")).toBe(true);
    expect(await portInUse(port)).toBe(true);
  });

  it("sees a server on every address when it checks the loopback", async () => {
    const port = await freeLoopbackPort();
    await hold(port, "0.0.0.0");
    expect(await portInUse(port, "127.0.0.1")).toBe(true);
  });
});

// The plumbing of the test identity providers (oidc-server.ts): their storage and their certificate.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Adapter, AdapterPayload } from "oidc-provider";

export type Tls = { key: string; cert: string; certificateFile: string };

export function selfSignedCertificate(): Tls {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "peerpath-oidc-"));
  const keyFile = path.join(dir, "key.pem");
  const certificateFile = path.join(dir, "certificate.pem");
  const subject = ["-subj", "/CN=PeerPath test identity provider", "-addext", "subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost"];
  execFileSync(
    "openssl",
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-keyout", keyFile, "-out", certificateFile, ...subject],
    {
      stdio: "ignore",
    },
  );
  return { key: fs.readFileSync(keyFile, "utf8"), cert: fs.readFileSync(certificateFile, "utf8"), certificateFile };
}

// oidc-provider's own memory adapter prints a warning on start; this one keeps the same contract.
export function memoryAdapter(findClient: (id: string) => AdapterPayload | undefined) {
  const store = new Map<string, { payload: AdapterPayload; expiresAt: number }>();
  const live = (key: string) => {
    const entry = store.get(key);
    if (entry && entry.expiresAt <= Date.now()) store.delete(key);
    return entry && entry.expiresAt > Date.now() ? entry.payload : undefined;
  };
  return (model: string): Adapter => ({
    async upsert(id, payload, expiresIn) {
      store.set(`${model}:${id}`, { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : Infinity });
    },
    async find(id) {
      return model === "Client" ? findClient(id) : live(`${model}:${id}`);
    },
    async findByUid(uid) {
      for (const key of store.keys()) if (key.startsWith(`${model}:`) && live(key)?.uid === uid) return live(key);
      return undefined;
    },
    async findByUserCode() {
      return undefined;
    },
    async consume(id) {
      const payload = live(`${model}:${id}`);
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    },
    async destroy(id) {
      store.delete(`${model}:${id}`);
    },
    async revokeByGrantId(grantId) {
      for (const [key, entry] of store) if (entry.payload.grantId === grantId) store.delete(key);
    },
  });
}

// The plumbing of the test identity providers (oidc-server.ts): their storage and their certificate.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Adapter, AdapterPayload } from "oidc-provider";
import { generate } from "selfsigned";

export type Tls = { key: string; cert: string; certificateFile: string };

/** A certificate for 127.0.0.1, ::1 and localhost, made in JavaScript (selfsigned): no openssl needed. */
export async function selfSignedCertificate(): Promise<Tls> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "peerpath-oidc-"));
  const certificateFile = path.join(dir, "certificate.pem");
  const now = new Date();
  const pems = await generate([{ name: "commonName", value: "PeerPath test identity provider" }], {
    keySize: 2048,
    algorithm: "sha256",
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: new Date(now.getTime() + 2 * 24 * 60 * 60 * 1000),
    extensions: [
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
          { type: 7, ip: "::1" },
        ],
      },
    ],
  });
  fs.writeFileSync(certificateFile, pems.cert);
  return { key: pems.private, cert: pems.cert, certificateFile };
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

// npx tsx scripts/oidc-test-server.ts [--app http://localhost:3000] [--ports 4701,4702,4703] [--https]
// The three test identity providers of the single sign-on tests (src/test-support/oidc-server.ts), for
// trying SSO by hand: prints the app's environment lines, then serves until Ctrl-C. Sign in by typing
// an account into the "Login" box, e.g. `coord@greenfield.test;hd=greenfield.test`. Development only:
// the client secret is fixed and everything is in memory. Auth.js's Microsoft Entra ID provider works
// only over https: with --https, start the app with the printed NODE_EXTRA_CA_CERTS too.
import { parseArgs } from "node:util";
import { fail, onSignals } from "./lib/app-server";
import { startOidcServers } from "@/test-support/oidc-server";

const { values } = parseArgs({ options: { app: { type: "string" }, ports: { type: "string" }, https: { type: "boolean" } } });
const app = values.app ?? "http://localhost:3000";
const ports = (values.ports ?? "4701,4702,4703").split(",").map(Number);
if (ports.length !== 3 || !ports.every((p) => Number.isInteger(p) && p > 0 && p < 65536))
  fail("--ports takes three port numbers, e.g. --ports 4701,4702,4703 (generic, Google, Entra ID).");
if (!URL.canParse(app)) fail(`--app ${app} is not an address, e.g. http://localhost:3000.`);

async function main() {
  const [generic, google, entra] = ports as [number, number, number];
  const servers = await startOidcServers({ ports: { generic, google, entra }, clientSecret: "peerpath-test-secret", https: values.https });
  servers.allowRedirects(app);

  console.log(
    [
      `AUTH_OIDC_ISSUER=${servers.generic.issuer}`,
      `AUTH_OIDC_ID=${servers.generic.clientId}`,
      `AUTH_OIDC_SECRET=${servers.generic.clientSecret}`,
      `AUTH_GOOGLE_ISSUER=${servers.google.issuer}`,
      `AUTH_GOOGLE_ID=${servers.google.clientId}`,
      `AUTH_GOOGLE_SECRET=${servers.google.clientSecret}`,
      `AUTH_MICROSOFT_ENTRA_ID_AUTHORITY=${servers.entra.authority}`,
      `AUTH_MICROSOFT_ENTRA_ID_ID=${servers.entra.clientId}`,
      `AUTH_MICROSOFT_ENTRA_ID_SECRET=${servers.entra.clientSecret}`,
      ...(servers.certificateFile ? [`NODE_EXTRA_CA_CERTS=${servers.certificateFile}`] : []),
    ].join("\n"),
  );
  console.error(`\nCallbacks allowed for ${app}. Entra ID tenant ${servers.entra.tenantId}. Ctrl-C stops.`);

  onSignals(() => {
    servers.close().then(() => process.exit(0));
  });
}

main().catch((error: Error) => fail(`Could not start the test identity providers: ${error.message}`));

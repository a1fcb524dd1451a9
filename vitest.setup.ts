// Runs in every worker before each test file's imports, so src/server/db.ts, which reads
// DATABASE_URL at import time, gets the test database and never a DATABASE_URL from the shell.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
// Tests never email through a mail server from the shell: the email tests start their own (ADR 016).
delete process.env.SMTP_URL;
// Set-up codes are sealed with a key from AUTH_SECRET (src/server/sealed.ts): a fixed test value.
process.env.AUTH_SECRET = "peerpath-test-auth-secret-0123456789abcdef";

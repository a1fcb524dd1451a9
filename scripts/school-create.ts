// npm run school:create -- --name "Hillside School" --admin-email head@hillside.sch.uk [--admin-name "Jo Bloggs"] [--timezone Europe/London]
// Creates a real school and its first admin, with a one-time password that must be changed at the
// first sign-in. Never adds demo data.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createPrismaClient } from "@/server/prisma-client";
import { createSchool, createStaffUser } from "@/server/factories";
import { writeAudit } from "@/server/audit";

const argsSchema = z.object({
  name: z.string().trim().min(2, { error: "--name is required (the school's name)." }).max(120),
  "admin-email": z.email({ error: "--admin-email must be an email address." }),
  "admin-name": z.string().trim().min(1).max(120).default("School admin"),
  timezone: z
    .string()
    .default("Europe/London")
    .refine((tz) => Intl.supportedValuesOf("timeZone").includes(tz), {
      error: "--timezone must be an IANA timezone such as Europe/London.",
    }),
});

async function main() {
  const { values } = parseArgs({
    options: {
      name: { type: "string" },
      "admin-email": { type: "string" },
      "admin-name": { type: "string" },
      timezone: { type: "string" },
    },
  });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join("\n"));
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: point it at the PostgreSQL database to create the school in.");
  const db = createPrismaClient(url, { max: 2 });
  try {
    const email = parsed.data["admin-email"].toLowerCase();
    if (await db.user.findUnique({ where: { email }, select: { id: true } }))
      throw new Error(`A user with the email ${email} already exists.`);
    const oneTimePassword = randomBytes(12).toString("base64url");
    const school = await createSchool(db, { name: parsed.data.name, timezone: parsed.data.timezone });
    const admin = await createStaffUser(db, {
      schoolId: school.id,
      roles: ["ADMIN"],
      email,
      name: parsed.data["admin-name"],
      password: oneTimePassword,
      mustChangePassword: true,
    });
    await db.$transaction((tx) =>
      writeAudit(
        tx,
        { userId: null, schoolId: school.id },
        {
          action: "school.created",
          recordType: "School",
          recordId: school.id,
          changes: { name: school.name, adminUserId: admin.id, adminEmail: email },
        },
      ),
    );
    console.log(`Created ${school.name} with admin ${email}.`);
    console.log(`One-time password: ${oneTimePassword}`);
    console.log("Give it to the admin privately; they must choose a new password when they first sign in.");
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

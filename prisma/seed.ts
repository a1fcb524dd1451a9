// `npm run db:seed`: loads the demo schools into DATABASE_URL. Refuses a database that already
// has schools, so it can never mix demo accounts into real data by accident.
import { createPrismaClient } from "@/server/prisma-client";
import { seedDemo } from "@/features/demo/seed-demo";

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set.");
  const db = createPrismaClient(url, { max: 4 });
  try {
    const schools = await db.school.count();
    if (schools > 0) {
      console.log(`The database already has ${schools} school(s); the demo data was not added.`);
      return;
    }
    await seedDemo(db, { log: console.log });
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

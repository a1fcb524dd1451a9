import { beforeAll, describe, expect, it } from "vitest";
import { buildWorld } from "@/test-support/school";
import { listParticipants, listStudentsForAdmin } from "./queries";
import { listStaffForAdmin } from "@/features/admin/queries";

type World = Awaited<ReturnType<typeof buildWorld>>;

describe("student queries for staff", () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });

  it("lists a programme's mentors and mentees with load and SEND flag, never the SEND notes", async () => {
    const { mentors, mentees } = await listParticipants(world.actors.TEACHER, world.a.programme.id);
    expect(mentors.map((m) => m.studentId).sort()).toEqual(
      [world.a.pupils.mentor.id, world.a.pupils.otherMentor.id, world.a.pupils.spareMentor.id].sort(),
    );
    expect(mentors.find((m) => m.studentId === world.a.pupils.mentor.id)).toMatchObject({ load: 1, capacity: 2, yearGroup: 10 });
    expect(mentors.find((m) => m.studentId === world.a.pupils.spareMentor.id)).toMatchObject({ load: 0 });
    expect(mentees.find((m) => m.studentId === world.a.pupils.mentee.id)).toMatchObject({
      hasSend: true,
      pairing: { id: world.a.pairing.id, status: "ACTIVE" },
    });
    expect(mentees.find((m) => m.studentId === world.a.pupils.spareMentee.id)).toMatchObject({ hasSend: false, pairing: null });
    expect(JSON.stringify({ mentors, mentees })).not.toContain("SECRET");
  });

  it("searches participants by name", async () => {
    const { mentors, mentees } = await listParticipants(world.actors.COORDINATOR, world.a.programme.id, "maya");
    expect(mentors).toEqual([]);
    expect(mentees.map((m) => m.studentId)).toEqual([world.a.pupils.mentee.id]);
  });

  it("pages and searches the admin's pupil list", async () => {
    const all = await listStudentsForAdmin(world.actors.ADMIN, {});
    expect(all).toMatchObject({ page: 1, total: 6, pageCount: 1 });
    expect(all.rows.find((r) => r.id === world.a.pupils.mentor.id)).toMatchObject({ yearGroup: 10, hasAccount: true });
    expect(all.rows.find((r) => r.id === world.a.pupils.spareMentor.id)).toMatchObject({ hasAccount: false });
    const found = await listStudentsForAdmin(world.actors.ADMIN, { q: "RUBY" });
    expect(found.rows.map((r) => r.id)).toEqual([world.a.pupils.spareMentee.id]);
    expect((await listStudentsForAdmin(world.actors.ADMIN, { page: 2 })).rows).toEqual([]);
  });

  it("lists staff without password hashes", async () => {
    const staff = await listStaffForAdmin(world.actors.ADMIN);
    expect(staff).toHaveLength(4);
    expect(JSON.stringify(staff)).not.toMatch(/passwordHash|\$argon2/);
    expect(staff.find((s) => s.id === world.a.staff.dsl.id)).toMatchObject({ roles: ["DSL"], isDisabled: false });
  });
});

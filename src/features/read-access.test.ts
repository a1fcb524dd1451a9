// Staff-only reads answer everyone else with Next's 404, the same answer as a missing record,
// and another school's record is "not found" too. The table is written by hand on purpose.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/actor";
import { listStaffForAdmin } from "@/features/admin/queries";
import { listKeepApart, listPupilsForKeepApart } from "@/features/keep-apart/queries";
import { loadMatchingInput } from "@/features/matching/queries";
import { getPupilForCoordinator } from "@/features/profiles/staff-queries";
import { getPairingForStaff, listPairingsForCoordinator } from "@/features/pairings/queries";
import { listRecentPoints } from "@/features/points/queries";
import { chooseProgrammeForStaff, getCoordinatorFigures } from "@/features/programmes/queries";
import { listParticipants, listStudentsForAdmin } from "@/features/students/queries";
import { expectNotFound } from "@/test-support/expectations";
import { buildWorld } from "@/test-support/school";

type World = Awaited<ReturnType<typeof buildWorld>>;
const COLUMNS = ["ADMIN", "COORDINATOR", "TEACHER", "DSL", "MENTOR", "MENTEE"] as const;
type Column = (typeof COLUMNS)[number];
const Y = true;
const N = false;

//                                                                                           ADMIN COORD TEACH DSL MENTOR MENTEE
// prettier-ignore
const READS: { name: string; read: (actor: Actor, w: World) => Promise<unknown>; access: [boolean, boolean, boolean, boolean, boolean, boolean] }[] = [
  { name: "listParticipants", read: (actor, w) => listParticipants(actor, w.a.programme.id), access:                     [N,    Y,    Y,    Y,  N,     N] },
  { name: "listStudentsForAdmin", read: (actor) => listStudentsForAdmin(actor, {}), access:                              [Y,    N,    N,    N,  N,     N] },
  { name: "listStaffForAdmin", read: (actor) => listStaffForAdmin(actor), access:                                        [Y,    N,    N,    N,  N,     N] },
  { name: "getPairingForStaff", read: (actor, w) => getPairingForStaff(actor, w.a.pairing.id), access:                   [N,    Y,    N,    N,  N,     N] },
  { name: "getCoordinatorFigures", read: (actor, w) => getCoordinatorFigures(actor, w.a.programme.id), access:           [N,    Y,    N,    N,  N,     N] },
  { name: "listPairingsForCoordinator", read: (actor, w) => listPairingsForCoordinator(actor, w.a.programme.id), access: [N,    Y,    N,    N,  N,     N] },
  { name: "listRecentPoints", read: (actor, w) => listRecentPoints(actor, w.a.programme.id), access:                     [N,    Y,    Y,    Y,  N,     N] },
  { name: "listKeepApart", read: (actor) => listKeepApart(actor), access:                                                [N,    Y,    N,    Y,  N,     N] },
  { name: "listPupilsForKeepApart", read: (actor) => listPupilsForKeepApart(actor), access:                              [N,    Y,    N,    Y,  N,     N] },
  { name: "getPupilForCoordinator", read: (actor, w) => getPupilForCoordinator(actor, w.a.pupils.mentee.id), access:      [N,    Y,    N,    N,  N,     N] },
  { name: "loadMatchingInput", read: (actor, w) => loadMatchingInput(actor, w.a.programme.id), access:                  [N,    Y,    N,    N,  N,     N] },
  { name: "chooseProgrammeForStaff", read: (actor, w) => chooseProgrammeForStaff(actor, w.a.programme.id), access:       [Y,    Y,    Y,    Y,  N,     N] },
];

describe("staff-only reads", () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });

  for (const { name, read, access } of READS) {
    describe(name, () => {
      it.each(COLUMNS.map((column, i) => [column, access[i]!] as const))("%s → allowed: %s", async (column: Column, isAllowed) => {
        const actor = world.actors[column];
        if (isAllowed) await expect(read(actor, world)).resolves.toBeDefined();
        else await expectNotFound(() => read(actor, world));
      });
    });
  }

  describe("another school's records", () => {
    it("is not found for that school's coordinator", async () => {
      const other = world.actors.otherSchoolCoordinator;
      await expectNotFound(() => getPairingForStaff(other, world.a.pairing.id));
      await expectNotFound(() => getCoordinatorFigures(other, world.a.programme.id));
      await expectNotFound(() => chooseProgrammeForStaff(other, world.a.programme.id));
      await expectNotFound(() => getPupilForCoordinator(other, world.a.pupils.mentee.id));
      await expectNotFound(() => loadMatchingInput(other, world.a.programme.id));
    });

    it("lists nothing of it", async () => {
      const other = world.actors.otherSchoolCoordinator;
      expect(await listParticipants(other, world.a.programme.id)).toEqual({ mentors: [], mentees: [] });
      expect(await listPairingsForCoordinator(other, world.a.programme.id)).toEqual([]);
      expect(await listRecentPoints(other, world.a.programme.id)).toEqual([]);
    });

    it("keeps admin lists to the admin's own school", async () => {
      const admin = world.actors.ADMIN;
      const students = await listStudentsForAdmin(admin, {});
      expect(students.total).toBe(6);
      const ids = new Set(Object.values(world.b.pupils).map((p) => p.id));
      expect(students.rows.some((r) => ids.has(r.id))).toBe(false);
      const staff = await listStaffForAdmin(admin);
      expect(staff.map((s) => s.id).sort()).toEqual(
        Object.values(world.a.staff)
          .map((s) => s.id)
          .sort(),
      );
    });
  });
});

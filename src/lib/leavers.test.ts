import { describe, expect, it } from "vitest";
import { whatLeavingDoes, type LeavingMember } from "./leavers";

const mentor = (id: string): LeavingMember => ({ studentId: id, role: "MENTOR", isPaused: false });
const mentee = (id: string, isPaused = false): LeavingMember => ({ studentId: id, role: "MENTEE", isPaused });

describe("whatLeavingDoes", () => {
  it("does nothing to a pairing nobody is leaving", () => {
    expect(whatLeavingDoes([mentor("a"), mentee("b")], new Set(["z"]))).toEqual({ kind: "NONE" });
  });
  it("ends a 1:1 when either pupil leaves", () => {
    expect(whatLeavingDoes([mentor("a"), mentee("b")], new Set(["a"]))).toEqual({ kind: "END" });
    expect(whatLeavingDoes([mentor("a"), mentee("b")], new Set(["b"]))).toEqual({ kind: "END" });
  });
  it("ends a group when its mentor leaves, even with mentees still meeting", () => {
    expect(whatLeavingDoes([mentor("a"), mentee("b"), mentee("c")], new Set(["a"]))).toEqual({ kind: "END" });
  });
  it("pauses a leaving mentee's place when others in the group still meet", () => {
    expect(whatLeavingDoes([mentor("a"), mentee("b"), mentee("c")], new Set(["b"]))).toEqual({ kind: "PAUSE_PLACES", studentIds: ["b"] });
  });
  it("ends the group when the last mentee still meeting leaves (the others are paused)", () => {
    expect(whatLeavingDoes([mentor("a"), mentee("b"), mentee("c", true)], new Set(["b"]))).toEqual({ kind: "END" });
  });
  it("leaves an already paused leaver's place alone when the group goes on", () => {
    expect(whatLeavingDoes([mentor("a"), mentee("b", true), mentee("c")], new Set(["b"]))).toEqual({
      kind: "PAUSE_PLACES",
      studentIds: [],
    });
  });
});

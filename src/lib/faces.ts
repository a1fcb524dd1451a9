// The 1–5 scale pupils answer with faces (a mentee's mood in a session log, check-ins). The words are
// what a screen reader announces; the faces are pictures beside them.
export const FACE_SCALE = [
  { value: 1, face: "😞", words: "very low" },
  { value: 2, face: "🙁", words: "low" },
  { value: 3, face: "😐", words: "OK" },
  { value: 4, face: "🙂", words: "good" },
  { value: 5, face: "😄", words: "great" },
] as const;

/** Radio options: "1, very low" with its face. */
export function faceOptions(words: readonly string[] = FACE_SCALE.map((f) => f.words)) {
  return FACE_SCALE.map((f, i) => ({ value: String(f.value), label: `${f.value}, ${words[i]}`, face: f.face }));
}

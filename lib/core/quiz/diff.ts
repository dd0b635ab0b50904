/** One run of characters in a typed-vs-expected comparison. */
export interface DiffPart {
  /** same: in both (up to case); extra: typed but not expected; missing: expected but not typed. */
  op: "same" | "extra" | "missing";
  /** The run as typed ("" when missing). */
  typed: string;
  /** The run as expected ("" when extra). */
  expected: string;
}

/**
 * Character diff of what was typed against the expected spelling (Levenshtein alignment, case
 * ignored), merged into runs: the feedback marks extra and missing letters. Pure, no dependency,
 * so the browser can import it too.
 */
export function diffTyped(typed: string, expected: string): DiffPart[] {
  const a = [...typed];
  const b = [...expected];
  const eq = (x: string, y: string) => x.toLowerCase() === y.toLowerCase();
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (eq(a[i - 1], b[j - 1]) ? 0 : 2));
    }
  }
  const parts: DiffPart[] = [];
  const push = (op: DiffPart["op"], typedChar: string, expectedChar: string) => {
    const last = parts[0];
    if (last && last.op === op) {
      last.typed = typedChar + last.typed;
      last.expected = expectedChar + last.expected;
    } else parts.unshift({ op, typed: typedChar, expected: expectedChar });
  };
  let i = a.length;
  let j = b.length;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && eq(a[i - 1], b[j - 1]) && d[i][j] === d[i - 1][j - 1]) {
      push("same", a[i - 1], b[j - 1]);
      i--;
      j--;
    } else if (j > 0 && (i === 0 || d[i][j] === d[i][j - 1] + 1)) {
      push("missing", "", b[j - 1]);
      j--;
    } else {
      push("extra", a[i - 1], "");
      i--;
    }
  }
  return parts;
}

import { describe, expect, it } from "vitest";
import { checkFormBody, checkJsonBody } from "@/lib/security/action-body";

describe("screening server-action bodies", () => {
  it("lets plain JSON arguments and React's harmless markers through", () => {
    expect(checkJsonBody('[{"cardId":"c1","quality":5}]')).toEqual({ ok: true });
    expect(checkJsonBody('[{"n":"$NaN","u":"$undefined","s":"$$dollar"}]')).toEqual({ ok: true });
    expect(checkFormBody([["0", '[{"ok":false},"$K1"]'], ["1_name", "$anything goes in raw fields"]])).toEqual({ ok: true });
  });

  it("refuses forged references, prototype keys, non-lists, deep nesting and oversized bodies", () => {
    for (const body of ['["$@0"]', '["$Q1"]', '[{"a":"$F2"}]', '[{"__proto__":{"x":1}}]', '[{"constructor":{}}]', '{"a":1}', "not json", '["$K1"]', `${"[".repeat(30)}${"]".repeat(30)}`]) {
      expect(checkJsonBody(body)).toMatchObject({ ok: false, status: 400 });
    }
    expect(checkJsonBody(JSON.stringify(["x".repeat(70_000)]))).toMatchObject({ ok: false, status: 413 });
    expect(checkFormBody([["1_name", "x"]])).toMatchObject({ ok: false, status: 400 });
    expect(checkFormBody([["0", "[{"]])).toMatchObject({ ok: false, status: 400 });
  });
});

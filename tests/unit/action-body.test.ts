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

  it("lets a form posted without JavaScript through, but not bound-argument forms", () => {
    expect(checkFormBody([["$ACTION_ID_7f3a09", ""], ["$ACTION_KEY", "k0"], ["password", "$raw text"]])).toEqual({ ok: true });
    expect(checkFormBody([["$ACTION_REF_1", ""], ["$ACTION_1:0", '{"id":"7f3a09","bound":"$@0"}']])).toMatchObject({ ok: false, status: 400 });
    expect(checkFormBody([["$ACTION_ID_not-hex", ""]])).toMatchObject({ ok: false, status: 400 });
  });
});

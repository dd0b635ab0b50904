import { describe, expect, it } from "vitest";
import { checkActionBody, checkFormBody, checkJsonBody } from "@/lib/security/action-body";

const enc = (s: string) => new TextEncoder().encode(s);
const BOUNDARY = "----formdata-undici-0123456789";
const TYPE = `multipart/form-data; boundary=${BOUNDARY}`;
/** A multipart body the way browsers write it, with raw part headers to forge the odd ones. */
function multipart(parts: { headers: string[]; value: string }[]): Uint8Array {
  return enc(parts.map((p) => `--${BOUNDARY}\r\n${p.headers.join("\r\n")}\r\n\r\n${p.value}\r\n`).join("") + `--${BOUNDARY}--\r\n`);
}
const field = (name: string, value: string) => ({ headers: [`Content-Disposition: form-data; name="${name}"`], value });
/** What undici (Node's fetch) writes for a FormData: the real encoder, not our idea of it. */
async function encoded(entries: [string, string][]): Promise<{ bytes: Uint8Array; type: string }> {
  const form = new FormData();
  for (const [k, v] of entries) form.append(k, v);
  const req = new Request("http://x/", { method: "POST", body: form });
  return { bytes: new Uint8Array(await req.arrayBuffer()), type: req.headers.get("content-type")! };
}

describe("screening server-action bodies", () => {
  it("lets plain JSON arguments and React's harmless markers through", () => {
    expect(checkJsonBody('[{"cardId":"c1","quality":5}]')).toEqual({ ok: true });
    expect(checkJsonBody('[{"n":"$NaN","u":"$undefined","s":"$$dollar"}]')).toEqual({ ok: true });
    expect(checkFormBody([["0", '[{"ok":false},"$K1"]'], ["_1_name", "$anything goes in raw fields"]], true)).toEqual({ ok: true });
  });

  it("refuses forged references, prototype keys, non-lists, deep nesting and oversized bodies", () => {
    for (const body of ['["$@0"]', '["$Q1"]', '[{"a":"$F2"}]', '[{"__proto__":{"x":1}}]', '[{"constructor":{}}]', '{"a":1}', "not json", '["$K1"]', `${"[".repeat(30)}${"]".repeat(30)}`]) {
      expect(checkJsonBody(body)).toMatchObject({ ok: false, status: 400 });
    }
    expect(checkJsonBody(JSON.stringify(["x".repeat(70_000)]))).toMatchObject({ ok: false, status: 413 });
    expect(checkFormBody([["_1_name", "x"]], true)).toMatchObject({ ok: false, status: 400 });
    expect(checkFormBody([["0", "[{"]], true)).toMatchObject({ ok: false, status: 400 });
  });

  it("refuses every field name React would read as chunk 0 but does not write (+name === 0)", () => {
    for (const name of ["0 ", " 0", "+0", "0x0", "", "-0", "0.0", "0e0", "00", "1_name", "S0", "$ACTION_ID_7f3a09"]) {
      expect(checkFormBody([["0", '[{"ok":false},"$K1"]'], [name, '["$@0"]']], true), JSON.stringify(name)).toMatchObject({ ok: false, status: 400 });
    }
  });

  it("refuses duplicate fields, and a no-JavaScript form shape sent as a scripted call", () => {
    expect(checkFormBody([["0", "[1]"], ["0", '["$@0"]']], true)).toMatchObject({ ok: false, status: 400 });
    expect(checkFormBody([["$ACTION_ID_7f3a09", ""], ["0 ", '["$@0"]']], true)).toMatchObject({ ok: false, status: 400 });
    expect(checkFormBody([["$ACTION_ID_7f3a09", ""], ["$ACTION_ID_7f3a0a", ""]], false)).toMatchObject({ ok: false, status: 400 });
  });

  it("lets both forms React renders for no JavaScript through, and nothing near them", () => {
    expect(checkFormBody([["$ACTION_ID_7f3a09", ""], ["$ACTION_KEY", "k0"], ["password", "$raw text"]], false)).toEqual({ ok: true });
    // A useActionState form, as React server-renders it (the bound previous state in :1).
    const stateForm = (meta: string, state = '[{"ok":false,"errors":{}}]', n = "1"): [string, string][] => [
      [`$ACTION_REF_${n}`, ""], [`$ACTION_${n}:0`, meta], [`$ACTION_${n}:1`, state], ["$ACTION_KEY", "k5300"], ["name", "Me"],
    ];
    expect(checkFormBody(stateForm('{"id":"7fe403e8","bound":"$@1"}'), false)).toEqual({ ok: true });
    for (const [what, entries] of [
      ["bound refers elsewhere", stateForm('{"id":"7fe403e8","bound":"$@0"}')],
      ["a forged reference in the state", stateForm('{"id":"7fe403e8","bound":"$@1"}', '["$@2"]')],
      ["state not a list", stateForm('{"id":"7fe403e8","bound":"$@1"}', '{"ok":false}')],
      ["extra metadata key", stateForm('{"id":"7fe403e8","bound":"$@1","x":1}')],
      ["id not hex", stateForm('{"id":"../x","bound":"$@1"}')],
      ["metadata not JSON", stateForm("{")],
      ["ref number not canonical", stateForm('{"id":"7fe403e8","bound":"$@1"}', undefined, "01")],
      ["an extra chunk", [...stateForm('{"id":"7fe403e8","bound":"$@1"}'), ["$ACTION_1:2", '"$@0"']]],
      ["both shapes", [...stateForm('{"id":"7fe403e8","bound":"$@1"}'), ["$ACTION_ID_7f3a09", ""]]],
      ["metadata missing", [["$ACTION_REF_1", ""]]],
      ["id not hex (plain)", [["$ACTION_ID_not-hex", ""]]],
    ] as [string, [string, string][]][]) {
      expect(checkFormBody(entries, false), what).toMatchObject({ ok: false, status: 400 });
    }
  });

  it("accepts what the real encoder writes, in both shapes (the control)", async () => {
    const scripted = await encoded([["0", '[{"ok":false,"errors":{}},"$K1"]'], ["_1_name", "Me"], ["_1_locale", "en"]]);
    expect(checkActionBody(scripted.bytes, scripted.type, true)).toEqual({ ok: true });
    const plain = await encoded([["$ACTION_ID_7f3a09", ""], ["$ACTION_KEY", "k1"], ["password", "correct horse"]]);
    expect(checkActionBody(plain.bytes, plain.type, false)).toEqual({ ok: true });
    expect(checkActionBody(enc('[{"locale":"en"}]'), "text/plain;charset=UTF-8", true)).toEqual({ ok: true });
  });

  it("answers every malformed body with a 4xx verdict, never by throwing", () => {
    const ok = multipart([field("0", "[1]")]);
    expect(checkActionBody(ok, TYPE, true)).toEqual({ ok: true });
    const bad: [string, Uint8Array, string][] = [
      ["BOM before JSON", enc('\ufeff[{"locale":"en"}]'), "text/plain;charset=UTF-8"],
      ["invalid UTF-8", new Uint8Array([0x5b, 0xff, 0x5d]), "text/plain"],
      ["NUL in a field name", multipart([field("0", "[1]"), field("_1_a\u0000b", "x")]), TYPE],
      ["two Content-Disposition headers", multipart([{ headers: ['Content-Disposition: form-data; name="0"', 'Content-Disposition: form-data; name="1"'], value: "[1]" }]), TYPE],
      ["a file part", multipart([{ headers: ['Content-Disposition: form-data; name="0"; filename="a.txt"'], value: "[1]" }]), TYPE],
      ["an extra part header", multipart([{ headers: ['Content-Disposition: form-data; name="0"', "X-Odd: 1"], value: "[1]" }]), TYPE],
      ["duplicate fields", multipart([field("0", "[1]"), field("0", "[2]")]), TYPE],
      ["no closing delimiter", enc(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="0"\r\n\r\n[1]`), TYPE],
      ["a preamble", enc(`junk\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="0"\r\n\r\n[1]\r\n--${BOUNDARY}--`), TYPE],
      ["two boundaries in the type", ok, `${TYPE}; boundary=other`],
      ["no boundary", ok, "multipart/form-data"],
      ["URL-encoded", enc("a=1"), "application/x-www-form-urlencoded"],
    ];
    for (const [what, bytes, type] of bad) {
      const verdict = checkActionBody(bytes, type, true);
      expect(verdict.ok, what).toBe(false);
      if (!verdict.ok) expect([400, 413, 415], what).toContain(verdict.status);
    }
  });
});

import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/app/_components/safe-callback";
import { clientAddress, trustedProxyCount } from "@/lib/security/client-address";
import { displayNameSchema } from "@/lib/accounts/schemas";

describe("callbackUrl stays on the app's origin", () => {
  it("keeps same-origin paths with their query and fragment", () => {
    expect(safeCallbackUrl("/review")).toBe("/review");
    expect(safeCallbackUrl("/decks?topic=networking&q=kube%20proxy#x")).toBe("/decks?topic=networking&q=kube%20proxy#x");
    expect(safeCallbackUrl("/quizzes/../progress")).toBe("/progress");
  });

  it("falls back to / for anything that leaves the origin or carries control characters", () => {
    const hostile = [
      "/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "//evil.example", "/\\evil.example", "/\\/evil.example",
      "https://evil.example", "javascript:alert(1)", "/\u0000", "/a\u0007b", "/\u007f", "/\u0085x", " /review", "",
      "/signin", "/signup?x=1", "/%09/evil.example/../signin",
    ];
    for (const raw of hostile) {
      const out = safeCallbackUrl(raw);
      expect(new URL(out, "http://app.example").origin, JSON.stringify(raw)).toBe("http://app.example");
      expect(out, JSON.stringify(raw)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    }
    for (const raw of hostile.slice(0, 14)) expect(safeCallbackUrl(raw), JSON.stringify(raw)).toBe("/");
    expect(safeCallbackUrl(["/a", "/b"] as unknown as string)).toBe("/");
    expect(safeCallbackUrl(undefined)).toBe("/");
  });
});

describe("the client's address", () => {
  it("is the socket's peer unless proxies are trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress("203.0.113.9", "127.0.0.1", 0)).toBe("127.0.0.1");
    expect(clientAddress("1.1.1.1, 2.2.2.2", "::1", 0)).toBe("::1");
    expect(clientAddress(undefined, undefined, 0)).toBe("unknown");
  });

  it("with N trusted proxies, is the entry N places from the end", () => {
    expect(clientAddress("203.0.113.9", "10.0.0.1", 1)).toBe("203.0.113.9");
    expect(clientAddress("6.6.6.6, 203.0.113.9", "10.0.0.1", 1)).toBe("203.0.113.9");
    expect(clientAddress("6.6.6.6, 203.0.113.9, 10.0.0.2", "10.0.0.1", 2)).toBe("203.0.113.9");
    // Shorter than the trusted chain, or not an address: the socket's peer.
    expect(clientAddress("203.0.113.9", "10.0.0.1", 2)).toBe("10.0.0.1");
    expect(clientAddress("not an address", "10.0.0.1", 1)).toBe("10.0.0.1");
    expect(clientAddress(undefined, "10.0.0.1", 1)).toBe("10.0.0.1");
  });

  it("reads TRUSTED_PROXY_COUNT, defaulting to none", () => {
    expect(trustedProxyCount({})).toBe(0);
    expect(trustedProxyCount({ TRUSTED_PROXY_COUNT: "2" })).toBe(2);
    expect(trustedProxyCount({ TRUSTED_PROXY_COUNT: "-1" })).toBe(0);
    expect(trustedProxyCount({ TRUSTED_PROXY_COUNT: "lots" })).toBe(0);
  });
});

describe("display names", () => {
  it("accept visible names, emoji with joiners and other scripts included", () => {
    for (const name of ["Me", "李雷", "👩‍💻 Ada", "José", "<img src=x>"]) expect(displayNameSchema.safeParse(name).success, name).toBe(true);
  });

  it("refuse control characters, bidi overrides and names with nothing visible", () => {
    for (const name of ["\u200b\u200b", "\u202e\u202d", "\u2066\u2069", "a\u0000b", "\u0007bell", "evil\u202etxt.exe", "\u00ad", "\u0301"]) {
      const r = displayNameSchema.safeParse(name);
      expect(r.success, JSON.stringify(name)).toBe(false);
      if (!r.success) expect(r.error.issues[0].message).toBe("name.invalid");
    }
  });
});

import { describe, expect, it } from "vitest";
import { pickMessages } from "@/app/_i18n/pick-messages";

const messages = {
  common: { appName: "KubeCards", language: { label: "Language", en: "English" }, save: "Save" },
  review: { title: "Review", grades: { "0": "Blackout" } },
  errors: { crash: { title: "Something went wrong" }, email: { required: "Enter your email." } },
};

describe("pickMessages", () => {
  it("keeps whole namespaces and nested paths at their place, and nothing else", () => {
    expect(pickMessages(messages, ["review", "common.language", "errors.crash"])).toEqual({
      review: messages.review,
      common: { language: messages.common.language },
      errors: { crash: messages.errors.crash },
    });
  });

  it("merges two paths under the same namespace", () => {
    expect(pickMessages(messages, ["common.language", "common.save"])).toEqual({ common: { language: messages.common.language, save: "Save" } });
  });

  it("refuses a path that does not exist, so a client component cannot render a raw key", () => {
    expect(() => pickMessages(messages, ["quiz"])).toThrow('no messages at "quiz"');
    expect(() => pickMessages(messages, ["common.appName.x"])).toThrow('no messages at "common.appName.x"');
  });
});

import { describe, expect, it } from "vitest";
import { explanationBlocks } from "@/lib/core/quiz/explanation";

describe("explanationBlocks", () => {
  it("keeps paragraphs, line breaks and step lists apart", () => {
    const text = "Pod 网络的顺序：\n\n- 第 1 步：创建 **pause** 容器\n- 第 2 步：调用 CNI\n\n如今由运行时调用 CNI。\n第二行";
    expect(explanationBlocks(text)).toEqual([
      { type: "p", runs: [{ text: "Pod 网络的顺序：" }] },
      { type: "ul", items: [[{ text: "第 1 步：创建 " }, { text: "pause", strong: true }, { text: " 容器" }], [{ text: "第 2 步：调用 CNI" }]] },
      { type: "p", runs: [{ text: "如今由运行时调用 CNI。\n第二行" }] },
    ]);
  });

  it("reads a one-line explanation as one paragraph and unescapes Markdown", () => {
    expect(explanationBlocks("kube-proxy keeps network rules\\.")).toEqual([{ type: "p", runs: [{ text: "kube-proxy keeps network rules." }] }]);
  });
});

import { describe, expect, it } from "vitest";
import { fragmentsToPoints } from "@/lib/core/deck/points";
import { type RichText, fromPlain, toMarkdown } from "@/lib/core/deck/rich-text";

const rich = (...parts: Array<string | [string]>): RichText =>
  parts.map((p) => (typeof p === "string" ? { text: p, strong: false } : { text: p[0], strong: true }));

describe("toMarkdown", () => {
  it("wraps strong runs so CommonMark still sees them next to CJK punctuation", () => {
    expect(toMarkdown(rich("使用", ["loopback"], "来实现"))).toBe("使用**loopback**来实现");
    expect(toMarkdown(rich("数据", ["(配置中心)"], "使用"))).toBe("数据(**配置中心**)使用");
    expect(toMarkdown(rich("a ", [" b "], " c"))).toBe("a **b** c");
  });

  it("drops emphasis that covers the whole text", () => {
    expect(toMarkdown(rich(["fluentd是一个守护进程"]))).toBe("fluentd是一个守护进程");
  });

  it("escapes Markdown syntax in source text", () => {
    expect(toMarkdown(fromPlain("a*b_c [x] <y>"))).toBe("a\\*b\\_c \\[x\\] \\<y\\>");
  });
});

describe("fragmentsToPoints", () => {
  const points = (...fragments: string[]) => fragmentsToPoints(fragments.map(fromPlain)).map(toMarkdown);

  it("keeps separate duties apart and drops dangling commas", () => {
    expect(points("暴露Kubernetes API，", "任何请求都经过它")).toEqual(["暴露Kubernetes API", "任何请求都经过它"]);
  });

  it("joins fragments broken mid-enumeration or mid-sentence", () => {
    expect(points("Node、Replication、", "Token 控制器。")).toEqual(["Node、Replication、Token 控制器"]);
    expect(points("运行控制器，它们是", "后台线程")).toEqual(["运行控制器，它们是后台线程"]);
    expect(points("维护网络规则", "并执行连接转发")).toEqual(["维护网络规则并执行连接转发"]);
  });
});

import { describe, expect, it } from "vitest";
import { list, mentions, nameAtStart, optionLine, optionText, plain } from "@/lib/core/quiz/text";

describe("option text", () => {
  it("drops markup, escapes and list markers", () => {
    expect(plain("Stores all cluster data (the **configuration center**)")).toBe("Stores all cluster data (the configuration center)");
    expect(plain("a \\*literal\\* star")).toBe("a *literal* star");
    expect(plain("- one\n- two")).toBe("one two");
  });

  it("takes the first line only, without asides or a final full stop", () => {
    expect(optionLine("Runs the containers (the source says “runs Docker”)\nsecond line", "en")).toBe("Runs the containers");
    expect(optionLine("保存所有集群数据(**配置中心**)", "zh")).toBe("保存所有集群数据");
    expect(optionLine("作为插件（add-on）。", "zh")).toBe("作为插件");
    expect(optionLine("Containers talk over **loopback** (localhost).", "en")).toBe("Containers talk over loopback");
  });

  it("cuts an overlong option to its first sentence or clause", () => {
    const en =
      "A Pod reaches a Service through its ClusterIP. The ClusterIP is a virtual IP made of IPVS or iptables rules, with no TCP/IP stack behind it.";
    expect(optionLine(en, "en")).toBe("A Pod reaches a Service through its ClusterIP");
    const zh = "即PodIP去访问ClusterIP，当然，clusterIP实际上是IPVS 或 iptables规则的虚拟IP，是没有TCP/IP协议栈支持的";
    expect(optionLine(zh, "zh")).toBe("即PodIP去访问ClusterIP");
    expect(optionLine(en, "en", { shorten: false })).toBe(en.slice(0, -1));
  });

  it("shapes both languages at once", () => {
    expect(optionText({ zh: "路由转发", en: "Routes and forwards traffic (HTTP/HTTPS)" })).toEqual({
      zh: "路由转发",
      en: "Routes and forwards traffic",
    });
  });

  it("lists names and starts sentences with them", () => {
    expect(list([{ zh: "a", en: "a" }, { zh: "b", en: "b" }, { zh: "c", en: "c" }])).toEqual({ zh: "a、b、c", en: "a, b and c" });
    expect(nameAtStart("the Dashboard")).toBe("The Dashboard");
    expect(nameAtStart("kubelet")).toBe("kubelet");
  });

  it("finds names regardless of case", () => {
    expect(mentions("任何资源请求/调用都是通过apiserver来的", ["APIServer"])).toBe(true);
    expect(mentions("Exposes the Kubernetes API", ["kube-apiserver", ""])).toBe(false);
  });
});

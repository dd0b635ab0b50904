/** Minimal documents with every section the compiler expects, for edge-case tests to break one at a time. */
export type SectionName = "overview" | "network" | "pod" | "advantages" | "features" | "components";

const FENCE = "```";

export const DEFAULT_SECTIONS: Record<SectionName, string> = {
  overview: ["## K8s基本", "", "常见概念理解：容器（软件包）、K8s（容器集群管理）"].join("\n"),
  network: [
    "##### 1.0.1 k8s网络通讯问题",
    "",
    "| 名称 | 通讯 |",
    "| --- | --- |",
    "| 容器间通信 | 通常使用<font color='red'>loopback</font>来实现 |",
    "| Pod间通信 | 直接使用Pod-IP访问 |",
    "",
    "CNI(容器网络接口)：一种通用网络标准规范，因为k8s本身不提供网络解决方案。（flannel、Calico）",
  ].join("\n"),
  pod: ["##### 1.0.2 Pod", "", `${FENCE}java`, "// 流程", "1.第一步", "2.第二步", FENCE].join("\n"),
  advantages: ["#### 1.1 K8s 优势", "", "- 快速部署应用", "- 快速扩展应用"].join("\n"),
  features: [
    "#### 1.2 K8s特点",
    "",
    "- 可移植: 公有云, 私有云, 混合云",
    "Kubernetes是Google 2014年创建的，是Borg的开源版本。",
  ].join("\n"),
  components: [
    "#### 1.3 K8s 组件介绍",
    "",
    "| 名称 | 功能 | 所属 |",
    "| --- | --- | --- |",
    "| kubelet | 主要的节点代理<br/>定时执行容器健康检查 | Master |",
    "| apiserver | 暴露Kubernetes API | Master |",
  ].join("\n"),
};

export function syntheticDoc(overrides: Partial<Record<SectionName, string | null>> = {}): string {
  const order: SectionName[] = ["overview", "network", "pod", "advantages", "features", "components"];
  return (
    order
      .map((name) => (name in overrides ? overrides[name] : DEFAULT_SECTIONS[name]))
      .filter((s): s is string => s !== null && s !== undefined)
      .join("\n\n") + "\n"
  );
}

/** 1-based line of the first line containing `needle`. */
export function lineContaining(doc: string, needle: string): number {
  const index = doc.split("\n").findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`test setup: '${needle}' not in document`);
  return index + 1;
}

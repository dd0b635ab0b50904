import type { ComponentFact } from "@/lib/core/deck/types";

/**
 * Names engineers and Chinese texts commonly use for a component besides the source's own: the
 * binary without "kube-", the Chinese term. Keyed by component fact id; an id missing here simply
 * has no extra aliases.
 */
const KNOWN_ALIASES: Record<string, string[]> = {
  kubelet: ["节点代理"],
  "kube-apiserver": ["apiserver", "api server", "API服务器"],
  "kube-scheduler": ["scheduler", "调度器"],
  "kube-controller-manager": ["controller-manager", "controller manager", "控制器管理器"],
  dns: ["DNS", "CoreDNS", "kube-dns", "集群DNS"],
  etcd: [],
  dashboard: ["Dashboard", "仪表盘", "仪表板"],
  "kube-proxy": ["网络代理"],
  ingress: ["Ingress", "ingress controller", "入口控制器"],
  fluentd: [],
};

/** The names a learner may type for a component: the source's names in both languages and known aliases. */
export function componentNames(fact: ComponentFact): string[] {
  const fromSource = [fact.id, fact.name.en.replace(/^the /i, ""), ...fact.name.zh.split(/[（）]/)];
  return [...new Set([...fromSource, ...(KNOWN_ALIASES[fact.id] ?? [])].map((n) => n.trim()).filter(Boolean))];
}

import type { ConditionalNote } from "../localize";
import type { Localized } from "../types";

/** English for the communication paths; mechanism points and cues line up with the source by index. */
export interface PathKnowledge {
  id: string;
  keywords: string[];
  en: string;
  mechanism: string[];
  cues: string[];
  note?: ConditionalNote;
}

export const PATHS: PathKnowledge[] = [
  {
    id: "container-to-container",
    keywords: ["容器间", "容器之间", "container-to-container"],
    en: "container-to-container communication (inside one Pod)",
    mechanism: ["Containers in the same Pod talk to each other, usually over **loopback** (localhost)."],
    cues: ["loopback"],
  },
  {
    id: "pod-to-pod",
    keywords: ["pod间", "pod之间", "pod-to-pod"],
    en: "Pod-to-Pod communication",
    mechanism: [
      "Kubernetes requires a Pod to reach another Pod directly by its **Pod IP**",
      "They are attached to the same docker0 bridge.",
    ],
    cues: ["Pod IP"],
    note: {
      when: "docker0",
      zh: "「关联在同一个 Docker0 网桥」只是单机 Docker 网络这一种配置下的情况，并不是规则：不同节点上的 Pod 通过 CNI 插件提供的网络直接互通，中间不做 NAT。",
      en: "“Attached to the same docker0 bridge” describes one set-up (single-host Docker networking), not a rule: Pods on different nodes reach each other over the network the CNI plugin provides, without NAT.",
    },
  },
  {
    id: "pod-to-service",
    keywords: ["pod与service", "pod到service", "pod-to-service"],
    en: "Pod-to-Service communication",
    mechanism: [
      "A Pod reaches a Service through its ClusterIP. The ClusterIP is a virtual IP made of IPVS or iptables rules, with no TCP/IP stack behind it, yet Pods can still connect to it.",
    ],
    cues: [],
  },
  {
    id: "external-to-service",
    keywords: ["集群外部", "外部client", "external"],
    en: "communication between Services and clients outside the cluster",
    mechanism: ["Services provided by Pods must be reachable by users out on the internet."],
    cues: [],
  },
];

export const CNI = {
  expansionEn: "Container Network Interface",
  definitionEn: "A generic network interface standard (a specification) for plugging networking into Kubernetes",
  reasonEn: "Kubernetes itself ships no network implementation, so Pod networking comes from a CNI plugin.",
  definitionNote: {
    zh: "更准确地说，CNI 是 CNCF 的一个规范（附带库和参考插件），并不是 Kubernetes 自己定义的；Kubernetes 通过容器运行时使用它。",
    en: "Strictly, CNI is a CNCF specification (with libraries and reference plugins), not something Kubernetes defines; Kubernetes uses it through the container runtime.",
  } satisfies Localized,
};

export interface PluginKnowledge {
  id: string;
  aliases: string[];
  keywords: string[];
  en: string;
  roleEn?: { summary: string; examples: string[] };
  note?: Localized;
}

export const PLUGINS: PluginKnowledge[] = [
  { id: "kube-router", aliases: ["kube-router"], keywords: ["kube-router"], en: "kube-router" },
  {
    id: "flannel",
    aliases: ["flannel"],
    keywords: ["flannel"],
    en: "flannel",
    roleEn: {
      summary: "A daemon that configures networking for Pods",
      examples: ["adding networks", "configuring networks", "activating networks"],
    },
  },
  { id: "calico", aliases: ["calico"], keywords: ["calico"], en: "Calico" },
  {
    id: "docker-overlay",
    aliases: ["docker overlay"],
    keywords: ["overlay"],
    en: "Docker's native overlay network",
    note: {
      zh: "Docker 原生的 Overlay 网络属于 Docker 自己的网络模型（CNM），并不是 CNI 插件，Kubernetes 不能直接使用它。",
      en: "Docker's native overlay network belongs to Docker's own network model (CNM); it is not a CNI plugin and Kubernetes cannot use it directly.",
    },
  },
];

import type { ConditionalNote } from "../localize";
import type { Localized } from "../types";
import type { Spelled } from "./match";

export type SpelledEn = Spelled & { en: string };

/** English for the communication paths; mechanism points and cues are found by their wording. */
export interface PathKnowledge {
  id: string;
  /** Row names the source may use, compared without case, spaces or hyphens. */
  aliases: string[];
  en: string;
  mechanism: SpelledEn[];
  cues: SpelledEn[];
  note?: ConditionalNote;
}

export const PATHS: PathKnowledge[] = [
  {
    id: "container-to-container",
    aliases: ["容器间通信", "容器之间的通信", "container-to-container"],
    en: "container-to-container communication (inside one Pod)",
    mechanism: [
      {
        id: "loopback",
        zh: "即同一个Pod内多个容器间通信，通常使用loopback来实现",
        en: "Containers in the same Pod talk to each other, usually over **loopback** (localhost).",
      },
    ],
    cues: [{ id: "loopback", zh: "loopback", en: "loopback" }],
  },
  {
    id: "pod-to-pod",
    aliases: ["Pod间通信", "Pod之间的通信", "pod-to-pod"],
    en: "Pod-to-Pod communication",
    mechanism: [
      {
        id: "direct-pod-ip",
        zh: "K8s要求,Pod和Pod之间通信必须使用Pod-IP直接访问另一个Pod-IP",
        en: "Kubernetes requires a Pod to reach another Pod directly by its **Pod IP**",
      },
      { id: "docker0-bridge", zh: "它们关联在同一个Docker0网桥", en: "They are attached to the same docker0 bridge." },
    ],
    cues: [{ id: "pod-ip", zh: "Pod-IP", en: "Pod IP" }],
    note: {
      when: "docker0",
      zh: "「关联在同一个 Docker0 网桥」只是单机 Docker 网络这一种配置下的情况，并不是规则：不同节点上的 Pod 通过 CNI 插件提供的网络直接互通，中间不做 NAT。",
      en: "“Attached to the same docker0 bridge” describes one set-up (single-host Docker networking), not a rule: Pods on different nodes reach each other over the network the CNI plugin provides, without NAT.",
    },
  },
  {
    id: "pod-to-service",
    aliases: ["Pod与Service通信", "Pod到Service的通信", "pod-to-service"],
    en: "Pod-to-Service communication",
    mechanism: [
      {
        id: "cluster-ip",
        zh: "即PodIP去访问ClusterIP，当然，clusterIP实际上是IPVS 或 iptables规则的虚拟IP，是没有TCP/IP协议栈支持的。但不影响Pod访问它",
        en: "A Pod reaches a Service through its ClusterIP. The ClusterIP is a virtual IP made of IPVS or iptables rules, with no TCP/IP stack behind it, yet Pods can still connect to it.",
      },
    ],
    cues: [],
  },
  {
    id: "external-to-service",
    aliases: ["Service与集群外部Client的通信", "external-to-service"],
    en: "communication between Services and clients outside the cluster",
    mechanism: [
      {
        id: "reachable-from-internet",
        zh: "K8s中Pod提供的服务必须能被互联网上的用户所访问到",
        en: "Services provided by Pods must be reachable by users out on the internet.",
      },
    ],
    cues: [],
  },
];

/** Each English text applies only while the source still spells the Chinese it translates. */
export const CNI = {
  expansion: [{ id: "expansion", zh: "容器网络接口", en: "Container Network Interface" }] satisfies SpelledEn[],
  definition: [
    {
      id: "definition",
      zh: "K8s中提供的一种通用网络标准规范",
      en: "A generic network interface standard (a specification) for plugging networking into Kubernetes",
    },
  ] satisfies SpelledEn[],
  reason: [
    {
      id: "reason",
      zh: "k8s本身不提供网络解决方案",
      en: "Kubernetes itself ships no network implementation, so Pod networking comes from a CNI plugin.",
    },
  ] satisfies SpelledEn[],
  definitionNote: {
    zh: "更准确地说，CNI 是 CNCF 的一个规范（附带库和参考插件），并不是 Kubernetes 自己定义的；Kubernetes 通过容器运行时使用它。",
    en: "Strictly, CNI is a CNCF specification (with libraries and reference plugins), not something Kubernetes defines; Kubernetes uses it through the container runtime.",
  } satisfies Localized,
};

export interface PluginKnowledge {
  id: string;
  /** Names the source may use, compared without case, spaces or hyphens. */
  aliases: string[];
  en: string;
  roleEn?: { summary: SpelledEn[]; examples: SpelledEn[] };
  note?: Localized;
}

export const PLUGINS: PluginKnowledge[] = [
  { id: "kube-router", aliases: ["kube-router"], en: "kube-router" },
  {
    id: "flannel",
    aliases: ["flannel"],
    en: "flannel",
    roleEn: {
      summary: [{ id: "summary", zh: "为Pod配置网络的守护进程", en: "A daemon that configures networking for Pods" }],
      examples: [
        { id: "add", zh: "添加网络", en: "adding networks" },
        { id: "configure", zh: "配置网络", en: "configuring networks" },
        { id: "activate", zh: "激活网络", en: "activating networks" },
      ],
    },
  },
  { id: "calico", aliases: ["calico"], en: "Calico" },
  {
    id: "docker-overlay",
    aliases: ["docker overlay", "Docker原生的Overlay", "Docker原生Overlay"],
    en: "Docker's native overlay network",
    note: {
      zh: "Docker 原生的 Overlay 网络属于 Docker 自己的网络模型（CNM），并不是 CNI 插件，Kubernetes 不能直接使用它。",
      en: "Docker's native overlay network belongs to Docker's own network model (CNM); it is not a CNI plugin and Kubernetes cannot use it directly.",
    },
  },
];

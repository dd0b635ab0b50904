import type { ConditionalNote } from "../localize";
import type { Localized, Placement } from "../types";
import type { Spelled } from "./match";

/**
 * What the source cannot supply: English wording, the correct placement of each component and why
 * the source's placement is wrong. Duties are matched to the source's duty points by their wording.
 */
export interface ComponentKnowledge {
  id: string;
  /** Names the source may use, compared without case, spaces or hyphens. */
  aliases: string[];
  en: string;
  /** The binary's name, shown next to a shorter source name ("apiserver（kube-apiserver）"). */
  binary?: string;
  placement: Placement;
  placementDetail: Localized;
  /** One entry per duty point, found by its wording, never by its place in the cell. */
  duties: Array<Spelled & { en: string; note?: ConditionalNote }>;
  /** Used instead of the generic note when the source files the component in the wrong place. */
  misplacedNote?: Localized;
}

export const PLACEMENT_LABEL: Record<Placement, Localized> = {
  "control-plane": { zh: "**控制平面**组件", en: "a **control-plane** component" },
  node: { zh: "**节点**组件（运行在每个节点上）", en: "a **node** component (runs on every node)" },
  "add-on": { zh: "**插件**（add-on）", en: "an **add-on**" },
};

/** How the source's "所属" labels map onto placements; anything else is unknown. */
export const SOURCE_PLACEMENT: Record<string, Placement> = {
  master: "control-plane",
  "control-plane": "control-plane",
  控制平面: "control-plane",
  node: "node",
  节点: "node",
  worker: "node",
  basic: "add-on",
  addon: "add-on",
  "add-on": "add-on",
  插件: "add-on",
};

export const COMPONENTS: ComponentKnowledge[] = [
  {
    id: "kubelet",
    aliases: ["kubelet"],
    en: "kubelet",
    placement: "node",
    placementDetail: {
      zh: "每个节点上都运行一个 kubelet，它是节点上的主要代理。",
      en: "Every node runs a kubelet; it is the primary agent on the node.",
    },
    duties: [
      { id: "node-agent", zh: "kubelet是主要的节点代理", en: "Is the primary node agent" },
      { id: "watch-assigned-pods", zh: "它会监视已分配给节点的pod", en: "Watches the Pods that have been assigned to its node" },
      {
        id: "volumes-and-secrets",
        zh: "安装Pod所需的volume、下载Pod所需的Secret",
        en: "Mounts the volumes and downloads the Secrets that a Pod needs",
      },
      {
        id: "run-containers",
        zh: "运行docker",
        en: "Runs the containers (the source says “runs Docker”)",
        note: {
          when: "docker",
          zh: "已过时：kubelet 通过 CRI 调用容器运行时（如 containerd、CRI-O）来运行容器；Kubernetes 1.24 起已移除内置的 dockershim。",
          en: "Dated: the kubelet runs containers through a CRI container runtime such as containerd or CRI-O; the built-in Docker support (dockershim) was removed in Kubernetes 1.24.",
        },
      },
      { id: "health-checks", zh: "定时执行容器健康检查", en: "Runs container health checks periodically" },
    ],
    misplacedNote: {
      zh: "原文把 kubelet 列在 Master 下，这是错误的：kubelet 是每个节点上的主要节点代理，属于节点组件（控制平面机器上也有 kubelet，只是因为它们本身也是节点）。",
      en: "The source lists kubelet under Master, which is wrong: the kubelet is the primary node agent on every node, so it is a node component (control-plane machines run one too only because they are nodes as well).",
    },
  },
  {
    id: "kube-apiserver",
    aliases: ["apiserver", "kube-apiserver", "api server"],
    en: "kube-apiserver",
    binary: "kube-apiserver",
    placement: "control-plane",
    placementDetail: {
      zh: "API 服务器是控制平面的前端。",
      en: "The API server is the front end of the control plane.",
    },
    duties: [
      { id: "expose-api", zh: "暴露Kubernetes API", en: "Exposes the Kubernetes API" },
      { id: "every-request", zh: "任何资源请求/调用都是通过apiserver来的", en: "Every resource request or call goes through it" },
    ],
  },
  {
    id: "kube-scheduler",
    aliases: ["scheduler", "kube-scheduler"],
    en: "kube-scheduler",
    binary: "kube-scheduler",
    placement: "control-plane",
    placementDetail: {
      zh: "调度器运行在控制平面上，决定 Pod 落在哪个节点。",
      en: "The scheduler runs on the control plane and decides which node each Pod lands on.",
    },
    duties: [
      {
        id: "watch-unscheduled-pods",
        zh: "监视新创建没有分配到Node的Pod",
        en: "Watches for newly created Pods that have no Node assigned",
      },
      { id: "select-node", zh: "为Pod选择一个Node", en: "Selects a Node for each of those Pods" },
    ],
  },
  {
    id: "kube-controller-manager",
    aliases: ["controller-manager", "kube-controller-manager", "controller manager"],
    en: "kube-controller-manager",
    binary: "kube-controller-manager",
    placement: "control-plane",
    placementDetail: {
      zh: "控制器管理器运行在控制平面上。",
      en: "The controller manager runs on the control plane.",
    },
    duties: [
      {
        id: "run-controllers",
        zh: "运行管理控制器，它们是集群中处理常规任务的后台线程",
        en: "Runs the controllers: background loops that handle the cluster's routine tasks",
      },
      {
        id: "controller-list",
        zh: "Node、Replication、Endpoint、Service Account、Token 控制器",
        en: "Those controllers include the Node, Replication, Endpoint, Service Account and Token controllers",
      },
    ],
  },
  {
    id: "dns",
    aliases: ["dns", "cluster dns", "coredns", "kube-dns"],
    en: "cluster DNS",
    placement: "add-on",
    placementDetail: {
      zh: "集群 DNS（如 CoreDNS）是几乎每个集群都会安装的插件。",
      en: "Cluster DNS (for example CoreDNS) is an add-on that nearly every cluster installs.",
    },
    duties: [{ id: "dns-server", zh: "群集 DNS是一个DNS服务器", en: "Is a DNS server for the cluster" }, { id: "service-records", zh: "能够为 Kubernetes services提供 DNS记录", en: "Serves DNS records for Kubernetes Services" }],
  },
  {
    id: "etcd",
    aliases: ["etcd"],
    en: "etcd",
    placement: "control-plane",
    placementDetail: {
      zh: "etcd 是控制平面的键值存储，保存全部集群数据。",
      en: "etcd is the control plane's key-value store, holding all cluster data.",
    },
    duties: [
      { id: "default-store", zh: "Kubernetes提供默认的存储系统", en: "The default storage system Kubernetes comes with" },
      { id: "all-cluster-data", zh: "保存所有集群数据(配置中心)", en: "Stores all cluster data (the **configuration center**)" },
      { id: "backup-plan", zh: "使用时需要为etcd数据提供备份计划", en: "Needs a backup plan for its data whenever you run it" },
    ],
    misplacedNote: {
      zh: "原文把 ETCD 归为 Basic，这有误导性：etcd 是控制平面的存储，保存全部集群数据，并不是可选的基础插件。",
      en: "The source files etcd under “Basic”, which is misleading: etcd is the control plane's store for all cluster data, not an optional add-on.",
    },
  },
  {
    id: "dashboard",
    aliases: ["dashboard", "kubernetes dashboard"],
    en: "the Dashboard",
    placement: "add-on",
    placementDetail: {
      zh: "Dashboard 是可选的 Web 界面插件。",
      en: "The Dashboard is an optional web UI add-on.",
    },
    duties: [{ id: "monitoring-ui", zh: "容器资源监控提供一个UI浏览监控数据", en: "Provides a UI for browsing (container resource) monitoring data" }],
  },
  {
    id: "kube-proxy",
    aliases: ["kube-proxy", "proxy"],
    en: "kube-proxy",
    placement: "node",
    placementDetail: {
      zh: "kube-proxy 运行在每个节点上，维护该节点上的 Service 网络规则。",
      en: "kube-proxy runs on every node, maintaining that node's Service network rules.",
    },
    duties: [
      {
        id: "service-abstraction",
        zh: "通过在主机上维护网络规则并执行连接转发来实现Kubernetes服务抽象",
        en: "Implements the Kubernetes Service abstraction by maintaining network rules on the host and forwarding connections",
      },
    ],
    misplacedNote: {
      zh: "原文把 kube-proxy 归为 Basic，容易让人以为它是可选插件；实际上 kube-proxy 运行在每个节点上，是节点组件。",
      en: "The source files kube-proxy under “Basic”, which suggests an optional add-on; in fact kube-proxy runs on every node and is a node component.",
    },
  },
  {
    id: "ingress",
    aliases: ["ingress", "ingress controller", "ingress-controller"],
    en: "the Ingress controller",
    placement: "add-on",
    placementDetail: {
      zh: "Ingress 控制器（如 ingress-nginx）是按需安装的插件。",
      en: "An Ingress controller (for example ingress-nginx) is an add-on you install when you need it.",
    },
    duties: [{ id: "routing", zh: "路由转发", en: "Routes and forwards traffic (HTTP/HTTPS from outside the cluster to Services)" }],
  },
  {
    id: "fluentd",
    aliases: ["fluentd"],
    en: "fluentd",
    placement: "add-on",
    placementDetail: {
      zh: "fluentd 是提供集群级日志的插件，通常以 DaemonSet 的形式在每个节点上运行。",
      en: "fluentd is a cluster-level logging add-on, usually run as a DaemonSet on every node.",
    },
    duties: [{ id: "cluster-logging", zh: "一个守护进程，可提供cluster-level logging", en: "A daemon that provides cluster-level logging" }],
  },
];

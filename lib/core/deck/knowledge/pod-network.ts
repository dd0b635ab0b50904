import type { ConditionalNote } from "../localize";
import type { Spelled } from "./match";

export const POD_NETWORK_TITLE_EN = "the Pod network set-up flow";

/**
 * English per step, found by the step's wording (not its number), plus notes where the source
 * describes the pre-CRI (dockershim) world. The ids key the step cards, so they outlive renumbering.
 */
export const STEPS: Array<Spelled & { en: string; note?: ConditionalNote }> = [
  {
    id: "infra-container",
    zh: "每个Pod除了创建时指定的容器外，都有一个kubelet启动时指定的基础容器",
    en: "Besides the containers declared for it, every Pod has an infrastructure (“pause”) container that the kubelet is configured with at start-up.",
  },
  {
    id: "create-netns",
    zh: "kubelet创建基础容器，生成network namespace",
    en: "The kubelet creates the infrastructure container, which creates the Pod's network namespace.",
    note: {
      when: "kubelet",
      zh: "如今 kubelet 是通过 CRI 请求容器运行时（containerd、CRI-O）创建 Pod 沙箱（pause 容器）和网络命名空间，而不是自己直接创建。",
      en: "Today the kubelet asks the container runtime (containerd, CRI-O) over CRI to create the Pod sandbox (the pause container) and its network namespace, rather than creating them itself.",
    },
  },
  {
    id: "invoke-cni",
    zh: "kubelet调用网络CNI driver，由它根据配置调用具体的CNI 插件(eg:calico,flannel)",
    en: "The kubelet calls the CNI driver, which uses the configuration to invoke a concrete CNI plugin (e.g. Calico, flannel).",
    note: {
      when: "kubelet",
      zh: "已过时：自 dockershim 移除（Kubernetes 1.24）后，是容器运行时而不是 kubelet 调用 CNI 插件。",
      en: "Dated: since dockershim was removed (Kubernetes 1.24), the container runtime, not the kubelet, invokes the CNI plugin.",
    },
  },
  {
    id: "configure-network",
    zh: "CNI插件给基础容器配置网络",
    en: "The CNI plugin configures the network of the infrastructure container.",
  },
  {
    id: "share-network",
    zh: "Pod中其他的容器共享使用基础容器的网络",
    en: "The Pod's other containers share the infrastructure container's network.",
  },
];

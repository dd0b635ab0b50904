import { replaceOnce } from "./helpers";

/** Edits an author might make to seed/k8s-basics.md; shared by the compiler and re-seed tests. */
export const authorEdits = {
  /** A new second kubelet duty, before every other duty but the first. */
  insertDuty: (md: string) => replaceOnce(md, "是主要的节点代理，<br/>", "是主要的节点代理，<br/>向 API server 注册节点<br/>"),
  deleteDuty: (md: string) => replaceOnce(md, "<br/>运行docker<br/>", "<br/>"),
  /** etcd's second and third duties change places. */
  swapDuties: (md: string) =>
    replaceOnce(
      md,
      "保存所有集群数据<font color='red'>(配置中心)</font><br/>使用时需要为etcd数据提供备份计划",
      "使用时需要为etcd数据提供备份计划<br/>保存所有集群数据<font color='red'>(配置中心)</font>",
    ),
  rewordDuty: (md: string) => replaceOnce(md, "定时执行容器健康检查", "周期性地对容器做健康检查"),
  /** A new step 3; the later steps are renumbered as an author would. */
  insertStep: (md: string) =>
    replaceOnce(
      md,
      "    3.kubelet调用网络CNI driver，由它根据配置调用具体的CNI 插件(eg:calico,flannel)\n    4.CNI插件给基础容器配置网络\n    5.Pod中",
      "    3.容器运行时准备好Pod沙箱\n    4.kubelet调用网络CNI driver，由它根据配置调用具体的CNI 插件(eg:calico,flannel)\n    5.CNI插件给基础容器配置网络\n    6.Pod中",
    ),
  addComponent: (md: string) =>
    replaceOnce(
      md,
      "| Ingress   ",
      "| containerd | 容器运行时<br/>负责拉取镜像和运行容器 | Node |\n| Ingress   ",
    ),
  removeComponent: (md: string) => md.replace(/\| Dashboard {2,}\|[^\n]*\n/, ""),
  addPlugin: (md: string) => replaceOnce(md, "flannel、Calico、Docker原生的Overlay", "flannel、Calico、Cilium、Docker原生的Overlay"),
};

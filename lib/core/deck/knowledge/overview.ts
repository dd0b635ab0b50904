import type { ConditionalNote } from "../localize";
import type { Spelled } from "./match";

type SpelledEn = Spelled & { en: string };

export interface ConceptKnowledge {
  id: string;
  aliases: string[];
  en: string;
  meanings: SpelledEn[];
}

/** The "常见概念理解" line: term（gloss）. Each gloss finds its English by its wording. */
export const CONCEPTS: ConceptKnowledge[] = [
  {
    id: "container",
    aliases: ["容器", "container"],
    en: "a container",
    meanings: [{ id: "software-package", zh: "软件包", en: "A software package" }],
  },
  {
    id: "docker",
    aliases: ["docker"],
    en: "Docker",
    meanings: [{ id: "container-platform", zh: "容器管理平台", en: "A container management platform" }],
  },
  {
    id: "kubernetes",
    aliases: ["k8s", "kubernetes"],
    en: "Kubernetes (K8s)",
    meanings: [
      { id: "cluster-management", zh: "容器集群管理", en: "Container cluster management" },
      { id: "distributed-platform", zh: "分布式容器管理平台", en: "A distributed container management platform" },
    ],
  },
];

/** List entries (advantages) are found by their wording; a reworded entry needs its new spelling as an alias. */
export const ADVANTAGES: SpelledEn[] = [
  { id: "rapid-deployment", zh: "快速部署应用", en: "Deploy applications quickly" },
  { id: "rapid-scaling", zh: "快速扩展应用", en: "Scale applications quickly" },
  { id: "seamless-new-features", zh: "无缝对接新的应用功能", en: "Roll out new application features seamlessly" },
  { id: "resource-efficiency", zh: "节省资源，优化硬件资源的使用", en: "Save resources by making better use of the hardware" },
];

/** A feature is found by its name ("可移植"), each of its points by its own wording. */
export const FEATURES: Array<SpelledEn & { points: SpelledEn[] }> = [
  {
    id: "portable",
    zh: "可移植",
    aliases: ["portable"],
    en: "Portable",
    points: [
      { id: "public-cloud", zh: "支持公有云", en: "supports public cloud" },
      { id: "private-cloud", zh: "私有云", en: "private cloud" },
      { id: "hybrid-cloud", zh: "混合云", en: "hybrid cloud" },
      { id: "multi-cloud", zh: "多重云（multi-cloud）", en: "multi-cloud" },
    ],
  },
  {
    id: "extensible",
    zh: "可扩展",
    aliases: ["extensible"],
    en: "Extensible",
    points: [
      { id: "modular", zh: "模块化", en: "modular" },
      { id: "pluggable", zh: "插件化", en: "pluggable" },
      { id: "mountable", zh: "可挂载", en: "mountable" },
      { id: "composable", zh: "可组合", en: "composable" },
    ],
  },
  {
    id: "automated",
    zh: "自动化",
    aliases: ["automated"],
    en: "Automated",
    points: [
      { id: "deployment", zh: "自动部署", en: "automatic deployment" },
      { id: "restarts", zh: "自动重启", en: "automatic restarts" },
      { id: "replication", zh: "自动复制", en: "automatic replication" },
      { id: "scaling", zh: "自动伸缩/扩展", en: "automatic scaling" },
    ],
  },
];

/** Each English text applies only while the source still spells the Chinese it translates. */
export const HISTORY = {
  sentence: [
    {
      id: "sentence",
      zh: "Kubernetes是Google 2014年创建管理的，是Google 10多年大规模容器管理技术Borg的开源版本",
      en: "Google created Kubernetes in 2014; it is the open-source version of Borg, the technology behind Google's more than ten years of running containers at scale.",
    },
  ] satisfies SpelledEn[],
  origin: [{ id: "origin", zh: "Kubernetes是Google 2014年创建管理的", en: "Google created it, in 2014." }] satisfies SpelledEn[],
  lineage: [
    {
      id: "lineage",
      zh: "Google 10多年大规模容器管理技术Borg的开源版本",
      en: "Borg: it is the open-source version of Google's large-scale container management technology, built on more than ten years of experience.",
    },
  ] satisfies SpelledEn[],
  note: {
    when: "管理",
    zh: "已过时：Kubernetes 由 Google 创建，但自 2015 年起已捐给 CNCF（Linux 基金会）并由社区治理，不再由 Google 管理。",
    en: "Dated: Google created Kubernetes, but since 2015 it has been donated to the CNCF (Linux Foundation) and is governed by the community, not managed by Google.",
  } satisfies ConditionalNote,
};

import type { ConditionalNote } from "../localize";

export interface ConceptKnowledge {
  id: string;
  aliases: string[];
  en: string;
  meanings: string[];
}

/** The "常见概念理解" line: term（gloss）. Meanings line up with the source's glosses by index. */
export const CONCEPTS: ConceptKnowledge[] = [
  { id: "container", aliases: ["容器", "container"], en: "a container", meanings: ["A software package"] },
  { id: "docker", aliases: ["docker"], en: "Docker", meanings: ["A container management platform"] },
  {
    id: "kubernetes",
    aliases: ["k8s", "kubernetes"],
    en: "Kubernetes (K8s)",
    meanings: ["Container cluster management", "A distributed container management platform"],
  },
];

export interface ListEntryKnowledge {
  id: string;
  keywords: string[];
  en: string;
}

export const ADVANTAGES: ListEntryKnowledge[] = [
  { id: "rapid-deployment", keywords: ["部署"], en: "Deploy applications quickly" },
  { id: "rapid-scaling", keywords: ["扩展"], en: "Scale applications quickly" },
  { id: "seamless-new-features", keywords: ["无缝", "新的应用功能"], en: "Roll out new application features seamlessly" },
  { id: "resource-efficiency", keywords: ["节省资源", "硬件资源"], en: "Save resources by making better use of the hardware" },
];

export const FEATURES: Array<ListEntryKnowledge & { points: string[] }> = [
  {
    id: "portable",
    keywords: ["移植", "portable"],
    en: "Portable",
    points: ["supports public cloud", "private cloud", "hybrid cloud", "multi-cloud"],
  },
  {
    id: "extensible",
    keywords: ["扩展", "extensible"],
    en: "Extensible",
    points: ["modular", "pluggable", "mountable", "composable"],
  },
  {
    id: "automated",
    keywords: ["自动", "automat"],
    en: "Automated",
    points: ["automatic deployment", "automatic restarts", "automatic replication", "automatic scaling"],
  },
];

export const HISTORY = {
  sentenceEn:
    "Google created Kubernetes in 2014; it is the open-source version of Borg, the technology behind Google's more than ten years of running containers at scale.",
  originEn: "Google created it, in 2014.",
  lineageEn: "Borg: it is the open-source version of Google's large-scale container management technology, built on more than ten years of experience.",
  note: {
    when: "管理",
    zh: "已过时：Kubernetes 由 Google 创建，但自 2015 年起已捐给 CNCF（Linux 基金会）并由社区治理，不再由 Google 管理。",
    en: "Dated: Google created Kubernetes, but since 2015 it has been donated to the CNCF (Linux Foundation) and is governed by the community, not managed by Google.",
  } satisfies ConditionalNote,
};

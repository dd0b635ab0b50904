import type { MetadataRoute } from "next";

/**
 * Served at /manifest.webmanifest. A manifest has one theme colour; the dark theme's comes from
 * the media-specific theme-color tags of the root layout's viewport.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "KubeCards",
    short_name: "KubeCards",
    description: "Kubernetes fundamentals, remembered. / 牢牢记住 Kubernetes 基础。",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#2857bd",
    icons: [
      { src: "/icon.svg", type: "image/svg+xml", sizes: "any" },
      { src: "/icon-192.png", type: "image/png", sizes: "192x192" },
      { src: "/icon-512.png", type: "image/png", sizes: "512x512" },
    ],
  };
}

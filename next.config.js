import { withSerwist } from "@serwist/turbopack";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./app/_i18n/request.ts",
  experimental: {
    // Messages are compiled at build time, so browsers get a small formatter instead of the
    // ICU parser (intl-messageformat, about 12 KB gzip on every page). Anything that imports a
    // messages file gets compiled messages: format them with next-intl, never by hand.
    messages: { path: "./app/_i18n/messages", format: "json", locales: ["en", "zh-CN"], precompile: true },
  },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The FSRS optimizer is a native addon (lib/ops/fsrs-optimize): loaded by Node, never bundled.
  serverExternalPackages: ["@open-spaced-repetition/binding"],
  // `npm test` typechecks the whole project (tests included) once; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    serverActions: { bodySizeLimit: "64kb" },
    // Next buffers a copy of each request body for proxy.ts, by default up to 10 MB: a body without
    // Content-Length (chunked) grew the server by 10 MB a request before the 64 KB action cap
    // (lib/security/action-body.ts ACTION_BODY_LIMIT) was checked. Stop copying at the cap.
    proxyClientMaxBodySize: "64kb",
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
        ],
      },
      {
        // The service worker is prerendered, which Next marks s-maxage=31536000: a CDN in front
        // would then keep serving the old worker and no update would reach installed apps.
        source: "/serwist/:path*",
        headers: [{ key: "Cache-Control", value: "no-cache" }],
      },
    ];
  },
};

// withSerwist keeps esbuild, which bundles the service worker at build time, out of the server bundle.
export default withNextIntl(withSerwist(nextConfig));

import type { TestProject } from "vitest/node";
import { chromiumAvailable } from "../helpers/browser";
import { ensureBuild } from "../helpers/server";

declare module "vitest" {
  export interface ProvidedContext {
    browserTests: boolean;
  }
}

/**
 * Builds once for every test that needs the production server. Without Chromium the browser
 * tests are skipped loudly (and fail the run under CI); server-only tests still run.
 */
export default function setup(project: TestProject) {
  ensureBuild();
  if (!chromiumAvailable()) {
    const line = "!!! browser tests skipped: install chromium (apt-get install -y chromium) !!!";
    if (process.env.CI === "true") throw new Error(`${line} — CI=true does not allow skipping them`);
    console.warn(`\n${"!".repeat(line.length)}\n${line}\n${"!".repeat(line.length)}\n`);
    project.provide("browserTests", false);
    return;
  }
  project.provide("browserTests", true);
}

// Renders app/icon.svg into the raster icons browsers and phones ask for, with the Chromium the
// browser tests use: app/favicon.ico (16/32/48, PNG-compressed entries), app/apple-icon.png
// (180, opaque: iOS fills transparency with black) and public/icon-192.png, public/icon-512.png
// for the web app manifest. Run after editing the SVG: node scripts/icons.mjs
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const root = path.resolve(import.meta.dirname, "..");
const svg = readFileSync(path.join(root, "app/icon.svg"), "utf8");
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});

async function render(size, background = "transparent") {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<html><body style="margin:0;background:${background}">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`);
  const png = await page.screenshot({ omitBackground: background === "transparent" });
  await page.close();
  return png;
}

/** An ICO file whose entries are PNG images (read by every current browser). */
function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at);
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.png)]);
}

const small = [];
for (const size of [16, 32, 48]) small.push({ size, png: await render(size) });
writeFileSync(path.join(root, "app/favicon.ico"), ico(small));
writeFileSync(path.join(root, "app/apple-icon.png"), await render(180, "#2857bd"));
for (const size of [192, 512]) writeFileSync(path.join(root, `public/icon-${size}.png`), await render(size));
await browser.close();

import { launchBrowser } from "./support/browser.ts";
const base = process.argv[2]!;
const paths = process.argv.slice(3);
const browser = await launchBrowser();
for (const width of [390, 1200]) {
  const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: width === 390 ? 1400 : 800 } });
  const page = await ctx.newPage();
  for (const p of paths) {
    await page.goto(base + p);
    const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const name = p.replace(/[^a-z0-9]+/gi, "_");
    await page.screenshot({ path: `/tmp/shots/${width}${name}.png`, fullPage: width === 1200 });
    console.log(width, p, "overflow", over);
  }
  await ctx.close();
}
await browser.close();

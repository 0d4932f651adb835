// Screenshots of lessons for a person to look at: node shoot.mjs OUTDIR lesson[:step] ...
import { startHarness } from './harness.mjs';
const [out, ...targets] = process.argv.slice(2);
const harness = await startHarness();
try {
  for (const target of targets) {
    const [file, step = '1'] = target.split(':');
    for (const lang of ['ko', 'en']) {
      for (const [w, h] of [[1440, 900], [375, 812]]) {
        const context = await harness.browser.newContext({ viewport: { width: w, height: h } });
        const page = await context.newPage();
        const errors = [];
        page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
        page.on('pageerror', (e) => errors.push(String(e)));
        await page.goto(`${harness.server.origin}/${file}.html?lang=${lang}&step=${step}`);
        await page.locator('#scene[data-registered]').waitFor({ timeout: 20000 }).catch(() => errors.push('no scene'));
        await page.waitForTimeout(800);
        const name = `${out}/${file}-${step}-${lang}-${w}.png`;
        await page.screenshot({ path: name, fullPage: false });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        console.log(name, 'overflow', overflow, errors.join(' | '));
        await context.close();
      }
    }
  }
} finally {
  await harness.close();
}

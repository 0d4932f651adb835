// Any host, any path: the release build served from a sub-path (/course/lstm/) by a plain static
// server that knows nothing of the site. Every page of dist/ opens there by its own URL (a deep
// link, no rewrite), its scene starts, a step forward works, and nothing it asks for is missing:
// the scripts, the modules, the lab (a plot), the sample models.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { DIST, openPage, startHarness } from './harness.mjs';

const PREFIX = '/course/lstm/';
const PAGES = readdirSync(DIST).filter((f) => f.endsWith('.html')).sort();

let harness;
before(async () => { harness = await startHarness(PREFIX); });
after(async () => { await harness?.close(); });

describe(`the site under ${PREFIX}`, () => {
  it('serves nothing at the root, so a page that reached for / would fail here', async () => {
    const response = await fetch(`${harness.server.origin}/index.html`);
    assert.equal(response.status, 404);
  });

  for (const file of PAGES) {
    it(`${file} opens by its own URL, starts its scene and steps`, async () => {
      const { page, context, problems } = await openPage(harness, `${PREFIX}${file}?lang=en`);
      const next = page.getByTestId('lesson-next');
      if (await next.count()) await next.click();
      // A lesson that shows a plot fetches the lab: let it arrive and draw.
      await page.waitForLoadState('networkidle');
      const plot = page.locator('figure.plot[aria-busy]');
      if (await plot.count()) await plot.first().and(page.locator('[aria-busy="false"]')).waitFor({ timeout: 30000 });
      assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [], failedResponses: [] });
      await context.close();
    });
  }

  it('the explorer opens a sample model from under the sub-path', async () => {
    const { page, context, problems } = await openPage(harness, `${PREFIX}explore.html?lang=en`);
    await page.waitForFunction(() => document.querySelector('[data-testid="save-snippet"] code')?.textContent);
    await page.getByTestId('sample-sine-gru-2layer').click();
    await page.getByTestId('opened-model').and(page.locator('[data-kind="gru"]')).waitFor();
    await page.getByTestId('lane-gru-l2').waitFor();
    assert.deepEqual(problems.failedResponses, []);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });

  it('asked for every file under the sub-path and found each', () => {
    const outside = harness.server.requests.filter((r) => !r.path.startsWith(PREFIX) && r.path !== '/index.html');
    assert.deepEqual(outside, []);
    assert.ok(harness.server.requests.some((r) => r.path.endsWith('.wasm')), 'the modules came from here');
    assert.ok(harness.server.requests.some((r) => r.path.endsWith('lstm-lab_bg.wasm')), 'and the lab');
  });
});

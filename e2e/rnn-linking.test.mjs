// The RNN lesson: pointing at a term of the open step's formula highlights the same values in
// the unrolled view, and the other way round.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, startHarness } from './harness.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness?.close(); });

describe('the RNN formula and the unrolled view', () => {
  it('link h_{t-1}, x_t and h_t both ways', async () => {
    const { page, context, problems } = await openPage(harness, '/rnn-cell.html?lang=en');
    await page.getByTestId('unrolled-col-3').click();
    const linked = (locator) => locator.evaluate((el) => el.classList.contains('linked'));
    const hSquares = (t) => page.getByTestId(`unrolled-col-${t}`).locator('g.term');
    await page.locator('.link-term[data-term="hprev"]').hover();
    assert.ok(await linked(hSquares(2)), 'h_2 in column 2 lights up for the open step 3');
    assert.ok(!(await linked(hSquares(3))));
    await page.locator('.link-term[data-term="h"]').hover();
    assert.ok(await linked(hSquares(3)));
    await page.locator('.link-term[data-term="x"]').hover();
    assert.ok(await linked(page.getByTestId('unrolled-col-3').locator('.x-pill')));
    // And from the drawing to the formula.
    await hSquares(2).locator('rect').first().hover();
    assert.ok(await linked(page.locator('.link-term[data-term="hprev"]')));
    await hSquares(3).locator('rect').first().hover();
    assert.ok(await linked(page.locator('.link-term[data-term="h"]')));
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });
});

// A page object for the live RNN scene: locators by test id and role, values read from the
// exact `data-value` each drawn number carries.
export class RnnScene {
  constructor(page) {
    this.page = page;
    this.root = page.getByTestId('scene-rnn');
    this.nextButton = page.getByTestId('step-next');
    this.lastButton = page.getByTestId('step-last');
  }

  column(t) {
    return this.page.getByTestId(`unrolled-col-${t}`);
  }

  async next() {
    await this.nextButton.click();
  }

  async currentStep() {
    return Number(await this.page.getByTestId('step-readout').getAttribute('data-step'));
  }

  async stepCount() {
    return this.page.locator('[data-testid^="unrolled-col-"]').count();
  }

  async vector(prefix) {
    return this.page.locator(`[data-testid^="${prefix}-"]`).evaluateAll((cells) => cells.map((c) => Number(c.dataset.value)));
  }

  async texts(prefix) {
    return this.page.locator(`[data-testid^="${prefix}-"]`).allTextContents();
  }

  async weights() {
    const hidden = (await this.vector('rnn-b')).length;
    const wh = [];
    for (let i = 0; i < hidden; i++) wh.push(await this.vector(`rnn-wh-${i}`));
    const wx = (await this.vector('rnn-wx')).slice(0, hidden);
    return { wh, wx, b: await this.vector('rnn-b') };
  }

  async stepValues() {
    const x = Number(await this.page.getByTestId('rnn-x').getAttribute('data-value'));
    return {
      x,
      hprev: await this.vector('rnn-hprev'),
      recurrent: await this.vector('rnn-recurrent'),
      input: await this.vector('rnn-input'),
      pre: await this.vector('rnn-pre'),
      h: await this.vector('rnn-h'),
      hText: await this.texts('rnn-h'),
    };
  }
}

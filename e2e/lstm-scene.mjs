// A page object for the LSTM cell scene: every drawn number carries its exact value.
export class LstmScene {
  constructor(page) {
    this.page = page;
    this.root = page.getByTestId('scene-lstm');
  }

  /** Values of the cells `${prefix}-0`, `${prefix}-1`, … (not longer ids that share the prefix). */
  async vector(prefix) {
    return this.page.locator(`[data-testid^="${prefix}-"]`).evaluateAll(
      (cells, prefix) => cells.filter((c) => /^\d+$/.test(c.dataset.testid.slice(prefix.length + 1))).map((c) => Number(c.dataset.value)),
      prefix,
    );
  }

  async matrixRow(prefix) {
    return this.page.locator(`[data-testid^="${prefix}-"]`).evaluateAll((cells) => cells.map((c) => Number(c.dataset.value)));
  }

  async step() {
    return Number(await this.page.getByTestId('step-readout').getAttribute('data-step'));
  }

  async weights() {
    const b = await this.matrixRow('lstm-b');
    const n4 = b.length;
    const w = [];
    const u = [];
    for (let r = 0; r < n4; r++) {
      w.push(await this.vector(`lstm-wih-${r}`));
      u.push(await this.vector(`lstm-whh-${r}`));
    }
    return { w, u, b, hidden: n4 / 4 };
  }

  async values() {
    const names = ['cprev', 'hprev', 'x', 'i', 'f', 'g', 'o', 'c', 'tanhc', 'h', 'ig'];
    const out = {};
    for (const n of names) out[n] = await this.vector(`lstm-${n}`);
    return out;
  }

  async clamp(gate, value) {
    await this.page.getByTestId(`clamp-${gate}`).check();
    await this.page.getByTestId(`clamp-${gate}-value`).fill(String(value));
  }
}

// Times the language lesson's training in headless Chromium, the way the scene runs it
// (src/ui/scenes/language.rs): the lab module's LanguageTraining advanced once per animation
// frame with a 12 ms budget, timed around each call. After every chunk the prompt is read
// (`top`, as the scene does every few frames) and its greedy continuation compared with the
// text's. Prints one JSON line per language and seed: training milliseconds and sequences until
// the continuation first starts " 주말" / " the weekend" and the whole next sentence, the last
// sequence count at which it did not, chunk costs, and what one reading and one colouring cost.
// Needs a release build in dist/ (or DIST): trunk build --release --public-url ./
import { startHarness } from './harness.mjs';

const SEEDS = Number(process.env.SEEDS ?? 3);
const HIDDEN = Number(process.env.HIDDEN ?? 32);
const harness = await startHarness();
try {
  // Any page of the site will do: only the lab module is used, loaded as the page loads it.
  const context = await harness.browser.newContext();
  const page = await context.newPage();
  await page.goto(harness.server.origin + '/');
  await page.evaluate(async () => {
    if (!self.lstmLab) {
      await new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = './lstm-lab.js';
        script.onload = resolve;
        script.onerror = reject;
        document.head.append(script);
      });
    }
    const lab = self.lstmLab();
    await lab({ module_or_path: './lstm-lab_bg.wasm' });
    self.benchLab = lab;
  });
  for (const korean of [true, false]) {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const result = await page.evaluate(async ({ korean, seed, hidden }) => {
        const [prompt, short, long] = korean
          ? ['금요일이 지나면', ' 주말', ' 주말. 주말이 지나면 월요일.']
          : ['after friday comes', ' the weekend', ' the weekend. after the weekend comes monday.'];
        const model = self.benchLab.language_start({ korean, hidden, seed });
        const frame = () => new Promise((r) => requestAnimationFrame(r));
        const chunks = [];
        const readMs = [];
        let trainMs = 0;
        const first = [null, null];
        const lastMiss = [0, 0];
        const wallStart = performance.now();
        let status = model.status();
        while (status.seen < status.budget) {
          await frame();
          const t0 = performance.now();
          status = model.advance(1000000, 12);
          const dt = performance.now() - t0;
          chunks.push(dt);
          trainMs += dt;
          const r0 = performance.now();
          const continuation = model.top(prompt, 3, [...long].length).continuation;
          readMs.push(performance.now() - r0);
          [short, long].forEach((want, k) => {
            if (continuation.startsWith(want)) {
              first[k] ??= { seen: status.seen, trainMs: Math.round(trainMs), wallMs: Math.round(performance.now() - wallStart) };
            } else {
              lastMiss[k] = status.seen;
            }
          });
        }
        const c0 = performance.now();
        const coloured = model.activations(korean ? '월요일 다음은 화요일. 화요일 다음은 수요일. 수요일 다음은 목요일. 목요일 다음은 금요일. 금요일이 지나면 주말. 주말이 지나면 월요일. ' : 'monday comes before tuesday. tuesday comes before wednesday. wednesday comes before thursday. thursday comes before friday. after friday comes the weekend. after the weekend comes monday. ', 0);
        const colourMs = performance.now() - c0;
        const sorted = [...chunks].sort((a, b) => a - b);
        const final = model.top(prompt, 3, [...long].length).continuation;
        model.free();
        return {
          korean, seed, hidden,
          short: first[0], shortLastMiss: lastMiss[0],
          long: first[1], longLastMiss: lastMiss[1],
          budget: status.budget, totalTrainMs: Math.round(trainMs), loss: status.loss,
          frames: chunks.length,
          chunkMs: { median: +sorted[sorted.length >> 1].toFixed(2), p99: +sorted[Math.floor(sorted.length * 0.99)].toFixed(2), max: +sorted[sorted.length - 1].toFixed(2) },
          readMsMax: +Math.max(...readMs).toFixed(2),
          colourMs: +colourMs.toFixed(2), colouredChars: coloured.split("<span").length - 1,
          final,
        };
      }, { korean, seed, hidden: HIDDEN });
      console.log(JSON.stringify(result));
    }
  }
  await context.close();
} finally {
  await harness.close();
}

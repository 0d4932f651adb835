// Times the adding-problem preset (T = 100, 1997 LSTM, Adam, batch 16) trained to the paper's
// criterion inside headless Chromium, seeds 1–5: the same runs as the "LSTM 1997, Adam" row of
// `repro`, whose wall time per seed is the native figure. Prints one JSON line per seed.
// Needs a build with the measurement exports: scripts/bench.sh makes one in target/bench-dist
// (trunk build --release --features bench-exports --dist target/bench-dist), passed as DIST.
import { startHarness, openPage } from './harness.mjs';

const harness = await startHarness();
try {
  const { page, context } = await openPage(harness, '/');
  await page.waitForFunction(() => window.wasmBindings?.train_adding_to_success);
  for (let seed = 1; seed <= Number(process.env.SEEDS ?? 5); seed++) {
    const result = await page.evaluate((seed) => {
      const start = performance.now();
      const sequences = window.wasmBindings.train_adding_to_success(seed);
      return { seed, sequences, seconds: (performance.now() - start) / 1000 };
    }, seed);
    console.log(JSON.stringify(result));
  }
  await context.close();
} finally {
  await harness.close();
}

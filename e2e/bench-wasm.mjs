// The WebAssembly side of scripts/bench.sh: loads the release build in headless Chromium and
// times the exported `bench_lstm_kernel` and `bench_lstm_reference` (the same work as
// benches/lstm_step.rs, in f32). Prints one JSON line per hidden size:
// {"hidden": H, "us_per_step": kernel median, "reference_us_per_step": reference median}.
// Needs a build with the measurement exports: scripts/bench.sh makes one in target/bench-dist
// (trunk build --release --features bench-exports --dist target/bench-dist), passed as DIST.
import { startHarness, openPage } from './harness.mjs';

const STEPS = 100;
const harness = await startHarness();
try {
  // A lesson page loads the Leptos page module, which carries the exports (the landing page has
  // its own module).
  const { page, context } = await openPage(harness, '/rnn-cell.html');
  await page.waitForFunction(() => window.wasmBindings?.bench_lstm_kernel);
  const measure = (name, hidden) => page.evaluate(({ name, hidden, steps }) => {
    const run = window.wasmBindings[name];
    run(hidden, steps, 5); // warm up
    const repeats = hidden >= 128 ? 10 : 100;
    const samples = [];
    const deadline = performance.now() + 3000;
    while (performance.now() < deadline || samples.length < 5) {
      const start = performance.now();
      run(hidden, steps, repeats);
      samples.push((performance.now() - start) / repeats);
    }
    samples.sort((a, b) => a - b);
    return (samples[samples.length >> 1] / steps) * 1000;
  }, { name, hidden, steps: STEPS });
  for (const hidden of [8, 32, 128]) {
    const usPerStep = await measure('bench_lstm_kernel', hidden);
    const referenceUsPerStep = await measure('bench_lstm_reference', hidden);
    console.log(JSON.stringify({ hidden, us_per_step: usPerStep, reference_us_per_step: referenceUsPerStep }));
  }
  await context.close();
} finally {
  await harness.close();
}

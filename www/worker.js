// The training loop, off the main thread. It owns one Lab (several losses
// trained side by side), runs it in chunks, and posts each chunk's metrics to
// the page. The page restarts the worker to recover from a panic or a lost
// device.
import init, { Lab, has_webgpu_backend } from "./pkg/gan_gradients.js";
import { chooseBackend } from "./backend.js";

// Aim for chunks of about this many milliseconds: long enough to amortise
// the metrics read-back, short enough for the chart to feel live.
const CHUNK_MS = 120;
const SNAPSHOT_MS = 400;
const SNAPSHOT_SAMPLES = 512;

let lab = null;
let playing = false;
let chunk = 4;
let lastSnapshot = 0;

async function start({ settings, requestedBackend }) {
  await init();
  let choice = await chooseBackend(requestedBackend, has_webgpu_backend());
  try {
    lab = await Lab.create(settings, choice.backend);
  } catch (error) {
    if (choice.backend !== "webgpu") throw error;
    choice = { backend: "cpu", adapter: choice.adapter,
      reason: "webgpuFailed", detail: String(error) };
    lab = await Lab.create(settings, "cpu");
  }
  postMessage({ type: "ready", ...choice, messages: lab.messages(),
    losses: lab.losses(), settings: lab.settings() });
  await snapshot();
}

async function snapshot() {
  const gridSize = lab.settings().target.kind === "ring" ? 28 : 200;
  const charts = await lab.snapshot(SNAPSHOT_SAMPLES, gridSize);
  lastSnapshot = performance.now();
  postMessage({ type: "snapshot", charts });
}

async function runChunk(steps) {
  const t0 = performance.now();
  lab.run(steps);
  const metrics = await lab.take_metrics();
  const ms = performance.now() - t0;
  postMessage({ type: "metrics", metrics, steps: lab.steps(),
    stepsPerSecond: (steps * 1000) / ms });
  return ms;
}

async function loop() {
  while (playing) {
    const ms = await runChunk(chunk);
    // Grow or shrink the chunk towards CHUNK_MS.
    const scale = Math.min(2, Math.max(0.5, CHUNK_MS / Math.max(ms, 1)));
    chunk = Math.max(1, Math.min(500, Math.round(chunk * scale)));
    if (performance.now() - lastSnapshot > SNAPSHOT_MS) await snapshot();
    // Yield so that pause and step messages are handled between chunks.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

// Section 10: milliseconds per training step for several batch sizes and
// widths, each timed after a warm-up, on the backend the page would use.
const MEASURE_BATCHES = [32, 64, 128, 256, 512, 1024];
const MEASURE_WIDTHS = [32, 64, 128];
const MEASURE_STEPS = 10;

async function measure({ requestedBackend }) {
  await init();
  const choice = await chooseBackend(requestedBackend, has_webgpu_backend());
  for (const width of MEASURE_WIDTHS) {
    for (const batch of MEASURE_BATCHES) {
      const timed = await Lab.create({ losses: ["non_saturating"],
        batch_size: batch, width, d_width: width }, choice.backend);
      timed.run(2);
      await timed.take_metrics();
      const t0 = performance.now();
      timed.run(MEASURE_STEPS);
      await timed.take_metrics();
      const ms = (performance.now() - t0) / MEASURE_STEPS;
      timed.free();
      postMessage({ type: "timing", width, batch, ms });
    }
  }
  postMessage({ type: "measured", backend: choice.backend,
    adapter: choice.adapter });
}

async function handle(message) {
  switch (message.type) {
    case "measure":
      await measure(message);
      break;
    case "start":
      await start(message);
      break;
    case "play":
      if (!playing) {
        playing = true;
        loop().catch(fail);
      }
      break;
    case "pause":
      playing = false;
      break;
    case "step":
      if (!playing) {
        await runChunk(message.steps || 1);
        await snapshot();
      }
      break;
  }
}

function fail(error) {
  playing = false;
  postMessage({ type: "error", message: String(error && error.message || error) });
}

self.onmessage = (event) => handle(event.data).catch(fail);

// The training loop, off the main thread. It owns one Lab (several losses
// trained side by side), runs it in chunks, and posts each chunk's metrics to
// the page. The page restarts the worker to recover from a panic or a lost
// device.
import { chooseBackend } from "./backend.js";

// The page is built twice (scripts/build.sh): a small module with burn's CPU
// backend, which every page loads first, and one that adds burn's wgpu
// backend, loaded only by a worker that trains on WebGPU.
const MODULES = {
  cpu: "./pkg/gan_gradients.js",
  webgpu: "./pkg-webgpu/gan_gradients.js",
};

async function loadModule(backend) {
  const wasm = await import(MODULES[backend]);
  const exports = await wasm.default();
  // The module's linear memory, for whoever inspects the worker (the
  // benchmark, bench/run.mjs, reads its size as training goes on).
  self.wasmMemory = exports.memory;
  return wasm;
}

// A lab on the chosen backend; if WebGPU cannot start (its module does not
// load, or burn cannot open the device), the same lab on the CPU and why.
async function createLab(settings, choice) {
  try {
    const wasm = await loadModule(choice.backend);
    return { lab: await wasm.Lab.create(settings, choice.backend), choice };
  } catch (error) {
    if (choice.backend !== "webgpu") throw error;
    const wasm = await loadModule("cpu");
    return {
      lab: await wasm.Lab.create(settings, "cpu"),
      choice: { backend: "cpu", adapter: choice.adapter,
        reason: "webgpuFailed", detail: String(error) },
    };
  }
}

// Aim for chunks of about this many milliseconds: long enough to amortise
// the metrics read-back, short enough for the chart to feel live.
const CHUNK_MS = 120;
const SNAPSHOT_MS = 400;
const SNAPSHOT_SAMPLES = 512;

let lab = null;
let playing = false;
let chunk = 4;
let lastSnapshot = 0;
let gpuDevice = null;
// Settles once the device is lost and the page has been told.
let deviceLost = null;

// Keep a handle on the WebGPU device that burn creates, to tell the page when
// it is lost (a driver reset, a GPU process crash, a test destroying it): the
// page then restarts this lab on the CPU rather than wait on a dead device.
if (self.GPUAdapter) {
  const requestDevice = GPUAdapter.prototype.requestDevice;
  GPUAdapter.prototype.requestDevice = async function (...args) {
    const device = await requestDevice.apply(this, args);
    gpuDevice = device;
    deviceLost = device.lost.then((info) => {
      playing = false;
      postMessage({ type: "device-lost",
        message: info.message || info.reason || "unknown reason" });
    });
    return device;
  };
}

// measured: what probe() found, when the page chose the backend from it.
async function start({ settings, requestedBackend, reason, measured }) {
  const created = await createLab(settings,
    await chooseBackend(requestedBackend));
  lab = created.lab;
  // The page may say why it asked for this backend (it measured both, or
  // WebGPU failed before); a failure here has its own reason.
  const choice = reason && created.choice.reason !== "webgpuFailed"
    ? { ...created.choice, reason } : created.choice;
  postMessage({ type: "ready", ...choice, measured, problems: lab.problems(),
    losses: lab.losses(), settings: lab.settings() });
  await snapshot();
}

// Steps per second of one backend on these settings: one step to warm up
// (module, shaders, buffers), then chunks that double until PROBE_MS have
// gone by. Posts { type: "probe", backend, stepsPerSecond }.
const PROBE_MS = 300;

async function probeBackend(settings, backend) {
  const created = await createLab(settings, { backend });
  if (created.choice.backend !== backend) {
    created.lab.free();
    throw new Error(created.choice.detail);
  }
  const timed = created.lab;
  timed.run(1);
  await timed.take_metrics();
  let steps = 0;
  let chunk = 1;
  const t0 = performance.now();
  while (performance.now() - t0 < PROBE_MS) {
    timed.run(chunk);
    await timed.take_metrics();
    steps += chunk;
    chunk *= 2;
  }
  const stepsPerSecond = (steps * 1000) / (performance.now() - t0);
  timed.free();
  postMessage({ type: "probe", backend, stepsPerSecond });
}

// Both backends timed on the lab's own settings, CPU first; the page waits
// a bounded time for WebGPU (lab.js), since a software adapter may take
// many seconds over its first step.
async function probe({ settings }) {
  const choice = await chooseBackend("");
  postMessage({ type: "probe-start", ...choice });
  if (!choice.adapter) return;
  await probeBackend(settings, "cpu");
  await probeBackend(settings, "webgpu");
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
  const choice = await chooseBackend(requestedBackend);
  let backend = choice.backend;
  for (const width of MEASURE_WIDTHS) {
    for (const batch of MEASURE_BATCHES) {
      const created = await createLab({ losses: ["non_saturating"],
        batch_size: batch, width, d_width: width }, { ...choice, backend });
      const timed = created.lab;
      backend = created.choice.backend;
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
  postMessage({ type: "measured", backend, adapter: choice.adapter });
}

async function handle(message) {
  switch (message.type) {
    case "measure":
      await measure(message);
      break;
    case "start":
      await start(message);
      break;
    case "probe":
      await probe(message);
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
    case "halt":
      // A loss whose metrics stopped being finite: stop stepping it.
      lab?.halt(message.index);
      break;
    case "lose-device":
      gpuDevice?.destroy();
      break;
    case "step":
      if (!playing) {
        await runChunk(message.steps || 1);
        await snapshot();
      }
      break;
  }
}

// How long an error waits for the device's `lost` promise: a read-back
// pending on a lost device fails a moment before the loss is reported, and
// the reader should hear of the cause, not of the failed read.
const LOSS_GRACE_MS = 500;

async function fail(error) {
  playing = false;
  if (deviceLost) {
    const lost = await Promise.race([deviceLost.then(() => true),
      new Promise((resolve) => setTimeout(resolve, LOSS_GRACE_MS, false))]);
    if (lost) return;
  }
  postMessage({ type: "error",
    message: String(error && error.message || error) });
}

self.onmessage = (event) => handle(event.data).catch(fail);

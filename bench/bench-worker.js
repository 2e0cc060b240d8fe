// One benchmark case, in a module worker as the project trains: loads one
// implementation (TF.js on one backend, or a build of the project's own
// module), then either times it or trains it and inspects the samples.
import { counts, installCounters, resetCounts } from "./gpu-counters.js";
import { createGan, RING } from "./tfjs-gan.js";

// Before TF.js or burn loads (both are imported dynamically, below).
installCounters();

const TFJS = "/bench/node_modules/@tensorflow/";
// The UMD bundles: imported as modules they still attach to globalThis.tf,
// the backends to the core that loaded before them.
const TFJS_CORE = "tfjs/dist/tf.es2017.min.js"; // with the cpu and webgl
const TFJS_BACKENDS = {
  wasm: "tfjs-backend-wasm/dist/tf-backend-wasm.es2017.min.js",
  webgpu: "tfjs-backend-webgpu/dist/tf-backend-webgpu.es2017.min.js",
};

// The settings of the project's reference run, as its page sends them.
const burnSettings = (batch) => ({ losses: ["non_saturating"],
  target: "ring", batch_size: batch, width: 64, d_width: 64, depth: 2,
  seed: 1 });

// A trainer: { parameters, details, step(n) → n metrics rows, sample(n) }.
// A row is [‖∇θ loss_g‖₂, mean σ(h_fake), loss_g, loss_d].

async function tfjsTrainer({ backend, batch }) {
  await import(TFJS + TFJS_CORE);
  if (TFJS_BACKENDS[backend]) await import(TFJS + TFJS_BACKENDS[backend]);
  const tf = globalThis.tf;
  if (backend === "wasm") {
    // SIMD but no threads: without cross-origin isolation there is no
    // SharedArrayBuffer, and the project's page has none either.
    tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);
    tf.wasm.setWasmPaths(TFJS + "tfjs-backend-wasm/dist/");
  }
  // setBackend resolves false, rather than throwing, when a backend fails.
  if (!(await tf.setBackend(backend))) {
    throw new Error(`TF.js could not start its ${backend} backend`);
  }
  const gan = createGan(tf, { batchSize: batch, seed: 1 });
  return {
    parameters: gan.parameters,
    details: { backend: tf.getBackend(), version: tf.version.tfjs,
      simd: backend === "wasm" ? await tf.env().getAsync(
        "WASM_HAS_SIMD_SUPPORT") : undefined },
    step: (n) => gan.step(n),
    sample: (n) => gan.sample(n),
    // Tensors alive: the same before and after a chunk when nothing leaks.
    tensors: () => tf.memory().numTensors,
  };
}

async function burnTrainer({ module, backend, batch }) {
  const burn = await import(module);
  await burn.default();
  const lab = await burn.Lab.create(burnSettings(batch), backend);
  // A setting out of bounds would silently be replaced by its default.
  const problems = lab.problems();
  if (problems.length > 0) {
    throw new Error(`burn replaced settings: ${JSON.stringify(problems)}`);
  }
  const settings = lab.settings();
  return {
    parameters: { generator: settings.generator_parameters,
      discriminator: settings.discriminator_parameters },
    details: { backend: lab.backend() },
    async step(n) {
      lab.run(n);
      const [rows] = await lab.take_metrics();
      return rows.map((r) => [r.grad_norm, r.d_fake, r.loss_g, r.loss_d]);
    },
    async sample(n) {
      // The smallest grid: only the samples are wanted.
      const [chart] = await lab.snapshot(n, 2);
      return chart.samples;
    },
  };
}

const now = () => performance.now();

// Steps per second after a warm-up, in chunks of steps read back at once.
async function throughput(trainer, plan) {
  // The first step compiles kernels and allocates buffers: timed apart.
  let start = now();
  await trainer.step(1);
  const firstStepMs = now() - start;

  // Warm-up. Chunks grow 1, 2, 4… steps until one is plan.chunk steps long
  // or takes plan.chunkMs; that length (whose read-back compiles on first
  // use) then goes on until warmupSteps steps or warmupMs have passed.
  let chunk = 1;
  let warmupSteps = 1;
  start = now();
  for (;;) {
    const chunkStart = now();
    await trainer.step(chunk);
    warmupSteps += chunk;
    if (chunk < plan.chunk && now() - chunkStart < plan.chunkMs) {
      chunk = Math.min(plan.chunk, 2 * chunk);
    } else if (warmupSteps >= plan.warmupSteps ||
        now() - start >= plan.warmupMs) {
      break;
    }
  }

  // Timed: whole chunks, so GPU calls per step include 1/chunk of the
  // chunk's read-back.
  const tensorsBefore = trainer.tensors?.();
  resetCounts();
  let steps = 0;
  let ms = 0;
  let last;
  start = now();
  while ((steps < plan.minSteps || ms < plan.minMs) && ms < plan.capMs) {
    last = (await trainer.step(chunk)).at(-1);
    steps += chunk;
    ms = now() - start;
  }
  return {
    stepsPerSecond: (1000 * steps) / ms,
    steps, seconds: ms / 1000, chunk, warmupSteps, firstStepMs,
    cappedByTime: steps < plan.minSteps || ms < plan.minMs,
    dispatchesPerStep: counts.dispatches / steps,
    submitsPerStep: counts.submits / steps,
    drawsPerStep: counts.draws / steps,
    tensorsBefore, tensorsAfter: trainer.tensors?.(),
    last, finite: last.every(Number.isFinite),
  };
}

// Where samples of the generator lie relative to the ring: their mean
// distance from the origin (2 when on the ring), the share within 4σ of a
// mode, and the modes that drew at least a quarter of their fair share.
function ringSummary(points) {
  const n = points.length / 2;
  const share = new Array(RING.modes).fill(0);
  let radius = 0;
  let near = 0;
  for (let i = 0; i < n; i++) {
    const [x, y] = [points[2 * i], points[2 * i + 1]];
    radius += Math.hypot(x, y);
    const angle = Math.atan2(y, x);
    const mode = (Math.round(angle / (2 * Math.PI) * RING.modes) +
      RING.modes) % RING.modes;
    const centre = 2 * Math.PI * mode / RING.modes;
    share[mode] += 1 / n;
    if (Math.hypot(x - RING.radius * Math.cos(centre),
      y - RING.radius * Math.sin(centre)) < 4 * RING.std) near += 1;
  }
  return { samples: n, meanRadius: radius / n, nearMode: near / n,
    modesReached: share.filter((s) => s >= 1 / (4 * RING.modes)).length,
    shareByMode: share };
}

// Trains for `steps` steps, or as many as fit in maxMs on a slow backend,
// and reports how training went.
async function sanity(trainer, { steps, maxMs, samples }) {
  const rows = [];
  const start = now();
  while (rows.length < steps && now() - start < maxMs) {
    rows.push(...await trainer.step(Math.min(20, steps - rows.length)));
  }
  return {
    steps: rows.length, first: rows[0], last: rows.at(-1),
    finite: rows.every((row) => row.every(Number.isFinite)),
    minGradNorm: Math.min(...rows.map(([gradNorm]) => gradNorm)),
    ring: ringSummary(await trainer.sample(samples)),
  };
}

self.onmessage = async ({ data: job }) => {
  try {
    const trainer = job.impl === "burn" ? await burnTrainer(job)
      : await tfjsTrainer(job);
    const measured = job.kind === "sanity" ? await sanity(trainer, job)
      : await throughput(trainer, job.plan);
    postMessage({ ok: true, result: { parameters: trainer.parameters,
      details: trainer.details, ...measured } });
  } catch (error) {
    postMessage({ ok: false, error: String(error?.stack ?? error) });
  }
};

// Measures how fast the project's reference GAN trains in headless Chromium:
// TF.js on each of its backends, and the project's own burn module, each in
// a module worker; and the article itself: its size, its first chart, its
// main thread and its memory while a lab trains. Writes results.json and
// results.md to bench/output/.
//
//   npm ci --prefix bench               (once: TF.js)
//   scripts/build.sh                    (the page's two modules)
//   node bench/run.mjs [--quick] [--only sizes,first-chart,throughput,sanity,long-run]
//
// Every case gets a fresh browser context (page, worker, GPU device), so no
// backend's state carries into the next. The results are one object of
// sections, each made by one function below: add a section by writing its
// function, calling it in main() and rendering it in markdown().
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "../tests/browser.mjs";
import { firstChart, longRun, sizes } from "./page.mjs";
import { startServer } from "./serve.mjs";

// Builds of the project's module to measure, by URL from the repository
// root (a wasm-bindgen --target web module); missing ones are skipped.
const BURN_VARIANTS = [
  { name: "burn cpu (wasm)", module: "/www/pkg/gan_gradients.js",
    backend: "cpu" },
  { name: "burn webgpu", module: "/www/pkg-webgpu/gan_gradients.js",
    backend: "webgpu" },
  // burn's other CPU backend, for comparison; built only by hand (README).
  { name: "burn ndarray (wasm)", module: "/www/pkg-ndarray/gan_gradients.js",
    backend: "ndarray" },
];
const TFJS_BACKENDS = ["cpu", "webgl", "wasm", "webgpu"];

// The reference model's sizes, counted by hand: G 4·64+64 + 64·64+64 +
// 64·2+2, D 2·64+64 + 64·64+64 + 64+1. Both implementations must agree.
const EXPECTED_PARAMETERS = { generator: 4610, discriminator: 4417 };

// How long to measure. A case warms up for warmupSteps steps or warmupMs,
// then is timed for at least minMs and minSteps, but never past capMs; a
// chunk (steps read back at once) is `chunk` steps or about chunkMs. The
// sanity check trains for sanitySteps steps, or as many as fit in sanityMs.
const PLANS = {
  full: { batches: [64, 256, 1024, 4096], warmupSteps: 20, warmupMs: 3000,
    minMs: 8000, minSteps: 3, capMs: 30_000, chunk: 20, chunkMs: 500,
    sanitySteps: 500, sanityMs: 60_000, sanityBatch: 256,
    loads: 5, longRun: { early: 1000, late: 20_000, timeoutMs: 900_000 } },
  quick: { batches: [256], warmupSteps: 10, warmupMs: 1000,
    minMs: 500, minSteps: 3, capMs: 5000, chunk: 20, chunkMs: 250,
    sanitySteps: 500, sanityMs: 20_000, sanityBatch: 256,
    loads: 3, longRun: { early: 1000, late: 3000, timeoutMs: 300_000 } },
};

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");

const variants = () => [
  ...TFJS_BACKENDS.map((backend) =>
    ({ name: `TF.js ${backend}`, impl: "tfjs", backend })),
  ...BURN_VARIANTS.map((variant) => ({ impl: "burn", ...variant })),
];

// Why a variant cannot run here, or null.
function skipReason(variant) {
  if (variant.impl !== "burn") return null;
  const file = path.join(ROOT, variant.module);
  return fs.existsSync(file) ? null : `${variant.module} is not built`;
}

// Runs one job in bench.html's worker, in a context of its own.
async function runInPage(browser, base, job, timeoutMs) {
  const context = await browser.newContext();
  let timer;
  try {
    const page = await context.newPage();
    await page.goto(new URL("bench/bench.html", base).href);
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(
        `no answer within ${timeoutMs / 1000} s`)), timeoutMs);
    });
    return await Promise.race([
      page.evaluate((job) => window.runCase(job), job), timeout]);
  } finally {
    clearTimeout(timer);
    await context.close();
  }
}

// The case's result, or { error } with the first line of what went wrong
// (the whole message stays in the JSON).
async function attempt(browser, base, job, timeoutMs) {
  try {
    const result = await runInPage(browser, base, job, timeoutMs);
    const { generator, discriminator } = result.parameters;
    if (generator !== EXPECTED_PARAMETERS.generator ||
        discriminator !== EXPECTED_PARAMETERS.discriminator) {
      throw new Error(`parameters G ${generator}, D ${discriminator}`);
    }
    return result;
  } catch (error) {
    const message = String(error.message ?? error)
      .replace(/^page\.evaluate: (Error: )?/, "");
    return { error: message.split("\n")[0], errorDetail: message };
  }
}

// Section: the browser, the adapter, the machine and the plan.
async function meta(browser, base, plan) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL("bench/bench.html", base).href);
  const userAgent = await page.evaluate(() => navigator.userAgent);
  const gpus = await page.evaluate(() => window.gpuInfo());
  await context.close();
  const tfjs = JSON.parse(fs.readFileSync(path.join(ROOT,
    "bench/node_modules/@tensorflow/tfjs/package.json"))).version;
  return {
    date: new Date().toISOString(), plan,
    chromium: browser.version(), userAgent, webgpuAdapter: gpus.webgpu,
    webglRenderer: gpus.webgl, tfjs,
    node: process.version, cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model, loadAverage: os.loadavg(),
  };
}

// Section: steps per second of every variant at every batch size.
async function throughput(browser, base, plan) {
  const timeoutMs = plan.warmupMs + plan.capMs + 120_000;
  const rows = [];
  for (const variant of variants()) {
    const skipped = skipReason(variant);
    for (const batch of plan.batches) {
      const entry = { ...variant, batch };
      if (skipped) {
        rows.push({ ...entry, skipped });
        continue;
      }
      const job = { ...entry, kind: "throughput", plan };
      const result = await attempt(browser, base, job, timeoutMs);
      rows.push({ ...entry, ...result });
      console.log(`${variant.name} × ${batch}: ` + (result.error ??
        `${formatRate(result.stepsPerSecond)} steps/s`));
    }
    if (skipped) console.log(`${variant.name}: skipped, ${skipped}`);
  }
  return rows;
}

// Section: does each implementation train? TF.js on wasm and every burn
// variant: finite metrics, a non-zero gradient, and where the generator's
// samples lie on the ring.
async function sanity(browser, base, plan) {
  const chosen = variants().filter((variant) =>
    (variant.impl === "burn" || variant.backend === "wasm") &&
    !skipReason(variant));
  const rows = [];
  for (const variant of chosen) {
    const job = { ...variant, kind: "sanity", batch: plan.sanityBatch,
      steps: plan.sanitySteps, maxMs: plan.sanityMs, samples: 2048 };
    const result = await attempt(browser, base, job, plan.sanityMs + 120_000);
    const ok = !result.error && result.finite && result.minGradNorm > 0;
    rows.push({ ...variant, batch: plan.sanityBatch, ok, ...result });
    console.log(`sanity, ${variant.name}: ` + (result.error ??
      `mean radius ${result.ring.meanRadius.toFixed(3)}, ` +
      `${result.ring.modesReached} modes reached`));
  }
  return rows;
}

const formatRate = (rate) => rate >= 100 ? rate.toFixed(0)
  : rate >= 10 ? rate.toFixed(1) : rate.toFixed(2);

// "394" when every batch size gave the same count, "394–398" otherwise.
function countRange(rows, key) {
  const values = rows.filter((row) => row[key] > 0)
    .map((row) => Math.round(row[key] * 10) / 10);
  if (values.length === 0) return "–";
  const [low, high] = [Math.min(...values), Math.max(...values)];
  return low === high ? String(low) : `${low}–${high}`;
}

function describeAdapter(adapter) {
  if (!adapter) return "none";
  const { vendor, architecture, device, description } = adapter;
  return [vendor, architecture, device, description].filter(Boolean)
    .join(" / ") + `, fallback adapter: ${adapter.isFallbackAdapter}`;
}

const MB = (bytes) => (bytes / 1e6).toFixed(2);
const rateAt = (rows, name, batch) =>
  rows?.find((row) => row.name === name && row.batch === batch)?.stepsPerSecond;

// The issue's targets, each with what was measured and whether it holds;
// a target whose measurement is missing is left out.
function targets({ sizes, firstChart, throughput, longRun }) {
  const list = [];
  const add = (target, measured, holds) => list.push({ target, measured, holds });
  const ratio = (ours, theirs, factor, label) => {
    const a = rateAt(throughput, ours, 256);
    const b = rateAt(throughput, theirs, 256);
    if (a && b) {
      add(`${label} at batch 256: ≥ ${factor}× ${theirs}`,
        `${formatRate(a)} vs ${formatRate(b)} steps/s: ${(a / b).toFixed(2)}×`, a / b >= factor);
    }
  };
  ratio("burn cpu (wasm)", "TF.js wasm", 4, "CPU steps/s");
  ratio("burn webgpu", "TF.js webgpu", 2, "WebGPU steps/s");
  const webgpu = sizes?.find((row) => row.name.startsWith("WebGPU module .wasm"));
  if (webgpu) {
    add("WebGPU module ≤ 3 MB gzip", `${MB(webgpu.gzip)} MB`, webgpu.gzip <= 3e6);
  }
  for (const row of firstChart ?? []) {
    if (row.error) continue;
    add(`${row.name}: ≤ 1 MB gzip before the first chart`,
      `${MB(row.bytesBefore.gzip)} MB`, row.bytesBefore.gzip <= 1e6);
    add(`${row.name}: first chart ≤ 1 s after navigation`,
      `${row.firstChartMs.toFixed(0)} ms`, row.firstChartMs <= 1000);
  }
  if (longRun && !longRun.error) {
    add("no main-thread task over 50 ms while training",
      `${longRun.late.longTasks} over 50 ms, longest ${longRun.late.longestTaskMs.toFixed(0)} ms`,
      longRun.late.longTasks === 0);
    for (const [key, label] of [["wasmMemory", "wasm memory"],
      ["workerHeap", "worker JS heap"], ["mainHeap", "page JS heap"]]) {
      const growth = longRun.growth[key];
      if (growth === null) continue;
      add(`${label} grows < 5 % from step ${longRun.early.step} to ${longRun.late.step}`,
        `${(100 * growth).toFixed(1)} %`, growth < 0.05);
    }
  }
  return list;
}

function markdown(results) {
  const { meta } = results;
  const lines = [
    "# gan-gradients benchmark", "",
    `${meta.date}, Chromium ${meta.chromium}, TF.js ${meta.tfjs}, ` +
      `${meta.cpus} × ${meta.cpuModel}, load average ` +
      `${meta.loadAverage.map((x) => x.toFixed(1)).join(" ")}.`,
    `WebGPU adapter: ${describeAdapter(meta.webgpuAdapter)}.`,
    `WebGL renderer: ${meta.webglRenderer ?? "none"}.`,
  ];
  if (results.targets.length > 0) {
    lines.push("", "## Targets", "", "| target | measured | met |", "|---|---|---|",
      ...results.targets.map(({ target, measured, holds }) =>
        `| ${target} | ${measured} | ${holds ? "yes" : "**no**"} |`));
  }
  if (results.sizes) lines.push(...sizesMarkdown(results.sizes));
  if (results.firstChart) lines.push(...firstChartMarkdown(results.firstChart));
  if (results.throughput) lines.push(...throughputMarkdown(meta, results.throughput));
  if (results.sanity) lines.push(...sanityMarkdown(results.sanity));
  if (results.longRun) lines.push(...longRunMarkdown(results.longRun));
  return lines.join("\n") + "\n";
}

function sizesMarkdown(rows) {
  return ["", "## Sizes", "", "| file | raw (MB) | gzip -9 (MB) |", "|---|---:|---:|",
    ...rows.map((row) => `| ${row.name}${row.files > 1 ? ` (${row.files} files)` : ""} | ` +
      `${MB(row.raw)} | ${MB(row.gzip)} |`)];
}

function firstChartMarkdown(rows) {
  const lines = ["", "## First chart", "",
    "From navigation to the first chart drawn (median of cold loads, each in a fresh " +
      "context; all loads in brackets), and the files requested before it.", "",
    "| page | first chart (ms) | files | raw (MB) | gzip (MB) |", "|---|---:|---:|---:|---:|"];
  for (const row of rows) {
    if (row.error) {
      lines.push(`| ${row.name} | error: ${row.error} | | | |`);
      continue;
    }
    lines.push(`| ${row.name} | ${row.firstChartMs.toFixed(0)} ` +
      `(${row.allMs.map((ms) => ms.toFixed(0)).join(", ")}) | ${row.filesBefore.length} | ` +
      `${MB(row.bytesBefore.raw)} | ${MB(row.bytesBefore.gzip)} |`);
  }
  return lines;
}

function throughputMarkdown(meta, throughput) {
  const lines = ["", "## Steps per second", "",
    "Reference GAN: G 4→64→64→2 and D 2→64→64→1 (leaky ReLU), the 2-D ring, " +
      "non-saturating loss, Adam. One step: one D update and one G update (with G's " +
      "gradient norm); metrics read back once per chunk of up to " +
      `${meta.plan.chunk} steps, whose read-back the GPU calls per step ` +
      "include. * : stopped by the time cap.", "",
    `| implementation | ${meta.plan.batches.map((b) => `batch ${b}`)
      .join(" | ")} | dispatches/step | submits/step | draws/step |`,
    `|---|${meta.plan.batches.map(() => "---:").join("|")}|---:|---:|---:|`,
  ];
  const notes = [];
  for (const variant of variants()) {
    const rows = throughput.filter((row) => row.name === variant.name);
    const cells = rows.map((row) => {
      if (row.skipped) return "skipped";
      if (row.error) {
        notes.push(`${row.name} × ${row.batch}: ${row.error}`);
        return "error";
      }
      return formatRate(row.stepsPerSecond) + (row.cappedByTime ? "*" : "");
    });
    const measured = rows.filter((row) => row.stepsPerSecond);
    lines.push(`| ${variant.name} | ${cells.join(" | ")} | ` +
      ["dispatchesPerStep", "submitsPerStep", "drawsPerStep"]
        .map((key) => countRange(measured, key)).join(" | ") + " |");
    const skipped = rows.find((row) => row.skipped)?.skipped;
    if (skipped) notes.push(`${variant.name}: skipped, ${skipped}`);
  }
  if (notes.length > 0) lines.push("", ...notes.map((note) => `- ${note}`));
  return lines;
}

function sanityMarkdown(sanity) {
  const lines = ["", "## Does it train?", "",
    "After the steps shown; samples: 2048 from the generator (the ring has " +
      "radius 2 and 8 modes; near: within 4σ of a mode).", "",
    "| implementation | batch | steps | loss_d | loss_g | mean σ(h_fake) " +
      "| ‖∇G‖ | mean radius | near a mode | modes reached | ok |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"];
  for (const row of sanity) {
    if (row.error) {
      lines.push(`| ${row.name} | ${row.batch} | error: ${row.error} |`);
      continue;
    }
    const [gradNorm, dFake, lossG, lossD] = row.last.map((x) => x.toFixed(3));
    lines.push(`| ${row.name} | ${row.batch} | ${row.steps} | ${lossD} | ` +
      `${lossG} | ${dFake} | ${gradNorm} | ` +
      `${row.ring.meanRadius.toFixed(3)} | ` +
      `${(100 * row.ring.nearMode).toFixed(0)} % | ` +
      `${row.ring.modesReached} / 8 | ${row.ok ? "yes" : "NO"} |`);
  }
  return lines;
}

function longRunMarkdown(run) {
  if (run.error) return ["", "## A lab left training", "", `error: ${run.error}`];
  const row = (m) => `| ${m.step} | ${m.stepsPerSecond ?? "–"} | ${MB(m.wasmMemory)} | ` +
    `${MB(m.mainHeap)} | ${MB(m.workerHeap)} | ${m.longTasks} | ${m.longestTaskMs.toFixed(0)} |`;
  return ["", "## A lab left training", "",
    `\`${run.url}\` (CPU, batch 256, one loss). Heaps after a forced garbage collection; ` +
      "long tasks: main-thread tasks over 50 ms since training began. Longest task " +
      `while the page loaded: ${run.longestLoadTaskMs.toFixed(0)} ms.`, "",
    "| step | steps/s (page) | wasm memory (MB) | page JS heap (MB) | worker JS heap (MB) " +
      "| long tasks | longest (ms) |", "|---:|---:|---:|---:|---:|---:|---:|",
    row(run.early), row(run.late)];
}

const SECTIONS = ["sizes", "first-chart", "throughput", "sanity", "long-run"];

async function main() {
  const { values } = parseArgs({ options: {
    quick: { type: "boolean", default: false },
    only: { type: "string", default: SECTIONS.join(",") },
    out: { type: "string", default: path.join(ROOT, "bench", "output") },
  } });
  const plan = PLANS[values.quick ? "quick" : "full"];
  const only = new Set(values.only.split(","));
  const unknown = [...only].filter((name) => !SECTIONS.includes(name));
  if (unknown.length > 0) {
    throw new Error(`unknown section ${unknown.join(", ")}; known: ${SECTIONS.join(", ")}`);
  }
  const server = await startServer(0);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const args = [...CHROMIUM_ARGS];
  if (process.getuid?.() === 0) args.push("--no-sandbox");
  const browser = await chromium.launch({ headless: true, args,
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium" });
  try {
    const results = { meta: await meta(browser, base, plan) };
    if (only.has("sizes")) results.sizes = sizes();
    if (only.has("first-chart")) {
      results.firstChart = await firstChart(browser, base, plan.loads);
    }
    if (only.has("throughput")) {
      results.throughput = await throughput(browser, base, plan);
    }
    if (only.has("sanity")) results.sanity = await sanity(browser, base, plan);
    if (only.has("long-run")) {
      try {
        results.longRun = await longRun(browser, base, plan.longRun);
      } catch (error) {
        results.longRun = { error: String(error.message).split("\n")[0] };
      }
    }
    results.targets = targets(results);

    fs.mkdirSync(values.out, { recursive: true });
    fs.writeFileSync(path.join(values.out, "results.json"),
      JSON.stringify(results, null, 2) + "\n");
    const report = markdown(results);
    fs.writeFileSync(path.join(values.out, "results.md"), report);
    console.log("\n" + report);
    if (results.sanity?.some((row) => !row.ok)) process.exitCode = 1;
  } finally {
    await browser.close();
    server.close();
  }
}

await main();

// The benchmark's measurements of the article itself, as a reader gets it:
// how much it downloads and how long it takes to draw its first chart, and
// how the main thread and memory fare while a lab trains for a long time.
// run.mjs calls these; each takes a browser and the base URL of a server of
// the repository root.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
// Set by www/plotters-css.js when the page's first chart has been drawn.
const FIRST_CHART = "gan-gradients:first-chart";

// Raw and gzip -9 bytes of a file of the repository.
export function fileSizes(relative) {
  const bytes = fs.readFileSync(path.join(ROOT, relative));
  return { raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
}

// Raw and gzip bytes of several files together.
const totalSizes = (parts) => parts.reduce((sum, s) =>
  ({ raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip }), { raw: 0, gzip: 0 });

// Section: what the page is made of. The two modules (wasm-bindgen's glue
// and the .wasm), and the page's own scripts, stylesheet and HTML.
export function sizes() {
  const rows = [];
  const add = (name, files) => {
    const existing = files.filter((file) => fs.existsSync(path.join(ROOT, file)));
    if (existing.length === 0) return;
    const total = totalSizes(existing.map(fileSizes));
    rows.push({ name, files: existing.length, ...total });
  };
  add("CPU module .wasm (www/pkg)", ["www/pkg/gan_gradients_bg.wasm"]);
  add("CPU module JS glue", ["www/pkg/gan_gradients.js"]);
  add("WebGPU module .wasm (www/pkg-webgpu)",
    ["www/pkg-webgpu/gan_gradients_bg.wasm"]);
  add("WebGPU module JS glue", ["www/pkg-webgpu/gan_gradients.js"]);
  const www = fs.readdirSync(path.join(ROOT, "www"));
  add("page scripts (www/*.js)", www.filter((f) => f.endsWith(".js"))
    .map((f) => `www/${f}`));
  add("stylesheet", ["www/style.css"]);
  add("article HTML (index.html)", ["www/index.html"]);
  return rows;
}

// Opens `url` in a fresh context (an empty cache) and waits for the first
// chart. Returns the time from navigation to that chart and every file
// requested before it, by the page or its workers, with their sizes.
async function loadOnce(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const requests = [];
    page.on("request", (request) => requests.push({ url: request.url(), at: Date.now() }));
    await page.goto(url);
    await page.waitForFunction((name) =>
      performance.getEntriesByName(name).length > 0, FIRST_CHART, { timeout: 30_000 });
    const { origin, firstChart } = await page.evaluate((name) => ({
      origin: performance.timeOrigin,
      firstChart: performance.getEntriesByName(name)[0].startTime,
    }), FIRST_CHART);
    const before = requests.filter((r) => r.at <= origin + firstChart)
      .map((r) => new URL(r.url).pathname)
      .filter((p) => fs.existsSync(path.join(ROOT, p)) && !p.endsWith("/"));
    const files = [...new Set(before)].map((p) => ({ path: p, ...fileSizes(p) }));
    return { firstChartMs: firstChart, files };
  } finally {
    await context.close();
  }
}

// Section: time from navigation to the first chart, and the bytes fetched
// before it (gzip, as a server that compresses would send them), for the
// article and for an embedded lab; the median of `repeats` cold loads.
export async function firstChart(browser, base, repeats) {
  const pages = [
    // The article opens on text; its first figure is below the fold, so the
    // reader's first chart is the one a link to it opens.
    { name: "article at its first figure", url: "www/index.html#fig-sigmoid" },
    { name: "embedded lab (CPU)", url: "www/embed.html?figure=vanishing&backend=cpu" },
  ];
  const rows = [];
  for (const { name, url } of pages) {
    const loads = [];
    try {
      for (let i = 0; i < repeats; i++) {
        loads.push(await loadOnce(browser, new URL(url, base).href));
      }
    } catch (error) {
      rows.push({ name, url, error: String(error.message).split("\n")[0] });
      continue;
    }
    loads.sort((a, b) => a.firstChartMs - b.firstChartMs);
    const median = loads[Math.floor(loads.length / 2)];
    const total = totalSizes(median.files);
    rows.push({ name, url, firstChartMs: median.firstChartMs,
      allMs: loads.map((l) => l.firstChartMs), bytesBefore: total,
      filesBefore: median.files });
    console.log(`first chart, ${name}: ${median.firstChartMs.toFixed(0)} ms, ` +
      `${(total.gzip / 1e6).toFixed(2)} MB gzip before it`);
  }
  return rows;
}

// Heap use of the page's main thread and of its (first) worker, after a
// garbage collection, through the DevTools protocol. Workers are reached
// through the browser's target list (Playwright gives no CDP session for
// them); the old non-flat attach lets one session talk to another target.
async function heapUse(browser, page) {
  const pageSession = await page.context().newCDPSession(page);
  await pageSession.send("HeapProfiler.collectGarbage");
  const main = (await pageSession.send("Runtime.getHeapUsage")).usedSize;
  await pageSession.detach();

  const session = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await session.send("Target.getTargets");
    const target = targetInfos.find((t) => t.type === "worker");
    if (!target) return { main, worker: null };
    const { sessionId } = await session.send("Target.attachToTarget",
      { targetId: target.targetId, flatten: false });
    let id = 0;
    const call = (method) => new Promise((resolve) => {
      const mine = ++id;
      const listener = (event) => {
        if (event.sessionId !== sessionId) return;
        const message = JSON.parse(event.message);
        if (message.id !== mine) return;
        session.off("Target.receivedMessageFromTarget", listener);
        resolve(message.result);
      };
      session.on("Target.receivedMessageFromTarget", listener);
      session.send("Target.sendMessageToTarget",
        { sessionId, message: JSON.stringify({ id: mine, method }) });
    });
    await call("HeapProfiler.collectGarbage");
    const worker = (await call("Runtime.getHeapUsage")).usedSize;
    await session.send("Target.detachFromTarget", { sessionId });
    return { main, worker };
  } finally {
    await session.detach();
  }
}

// The step a lab's summary line reports, and its steps per second.
const labProgress = (page) => page.evaluate(() => {
  const summary = document.querySelector('[data-readout="summary"]')?.textContent ?? "";
  const status = document.querySelector('[data-readout="lab-status"]')?.textContent ?? "";
  const step = /(?:Step|Passo) (\d+)/.exec(summary);
  const rate = /([\d.]+) steps\/s/.exec(status);
  return { step: step ? Number(step[1]) : 0, stepsPerSecond: rate ? Number(rate[1]) : null };
});

async function waitForStep(page, step, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const progress = await labProgress(page);
    if (progress.step >= step) return progress;
    if (Date.now() > deadline) {
      throw new Error(`the lab reached step ${progress.step}, not ${step}, ` +
        `within ${timeoutMs / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

// Section: an embedded lab training the reference GAN on the CPU at batch
// 256, as a reader would leave it running. The longest main-thread task
// while it trains (PerformanceObserver "longtask" reports tasks over 50 ms),
// and JS heap and wasm memory after `early` and after `late` steps.
export async function longRun(browser, base, { early, late, timeoutMs }) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          window.longTasks.push([entry.startTime, entry.duration]);
        }
      }).observe({ type: "longtask", buffered: true });
    });
    const url = new URL("www/embed.html?figure=vanishing&backend=cpu&losses=non_saturating" +
      "&target=ring&batch_size=256&width=64&d_width=64&depth=2&head_start=0&seed=1", base);
    await page.goto(url.href);
    await waitForStep(page, 1, 60_000);
    const trainingFrom = await page.evaluate(() => performance.now());

    const measure = async (step) => {
      const progress = await waitForStep(page, step, timeoutMs);
      const worker = page.workers()[0];
      const wasm = worker ? await worker.evaluate(() =>
        self.wasmMemory?.buffer.byteLength ?? null) : null;
      const heap = await heapUse(browser, page);
      const tasks = await page.evaluate((from) => window.longTasks
        .filter(([start]) => start >= from), trainingFrom);
      return { step: progress.step, stepsPerSecond: progress.stepsPerSecond,
        wasmMemory: wasm, mainHeap: heap.main, workerHeap: heap.worker,
        longTasks: tasks.length,
        longestTaskMs: tasks.reduce((max, [, d]) => Math.max(max, d), 0) };
    };
    const first = await measure(early);
    console.log(`long run, step ${first.step}: ${JSON.stringify(first)}`);
    const second = await measure(late);
    console.log(`long run, step ${second.step}: ${JSON.stringify(second)}`);
    const loadTasks = await page.evaluate((until) => window.longTasks
      .filter(([start]) => start < until).map(([, d]) => d), trainingFrom);
    const growth = (key) => first[key] && second[key] !== null
      ? (second[key] - first[key]) / first[key] : null;
    return { url: url.pathname + url.search, early: first, late: second,
      longestLoadTaskMs: Math.max(0, ...loadTasks),
      growth: { wasmMemory: growth("wasmMemory"), mainHeap: growth("mainHeap"),
        workerHeap: growth("workerHeap") } };
  } finally {
    await context.close();
  }
}

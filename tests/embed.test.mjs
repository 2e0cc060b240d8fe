// Embedding, links and failures end to end: the course page and the README's
// snippet in plain pages, an embed that resizes with its iframe, the URL that
// follows the reader, the data and picture downloads, a run that diverges, a
// WebGPU device that is lost, a module that cannot load, and the page's
// accessibility (labels, keyboard, reduced motion, dark mode, 360 px).
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { countColouredPixels, countDrawnPixels, openPage, OUTPUT,
  useServerAndBrowser, waitForLabSteps } from "./browser.mjs";
import { CSP } from "./serve.mjs";

const env = useServerAndBrowser();
const ROOT = path.join(path.dirname(new URL(import.meta.url).pathname), "..");

// Every request a page (its frames and workers included) makes, by URL.
function recordRequests(page) {
  const urls = [];
  page.context().on("request", (request) => urls.push(request.url()));
  return urls;
}

function offOrigin(urls) {
  const origin = new URL(env.base).origin;
  return urls.filter((url) => !url.startsWith(`${origin}/`) &&
    !url.startsWith("blob:") && !url.startsWith("data:"));
}

async function frameSteps(frame) {
  const text = await frame.textContent('[data-readout="summary"]');
  return Number(/(?:Step|Passo) (\d+)/.exec(text ?? "")?.[1] ?? 0);
}

async function waitFrameDrawn(frame, selector, minimum = 1000) {
  await frame.waitForFunction(({ selector, minimum }) => {
    const canvas = document.querySelector(selector);
    if (!canvas) return false;
    const data = canvas.getContext("2d")
      .getImageData(0, 0, canvas.width, canvas.height).data;
    let drawn = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - data[0]) + Math.abs(data[i + 1] - data[1]) > 30) {
        drawn += 1;
      }
    }
    return drawn > minimum;
  }, { selector, minimum }, { timeout: 90_000 });
}

test("the course page's three iframes load, work, stay on the origin, " +
  "with no console error", { timeout: 300_000 }, async () => {
  const { page, errors } = await openPage(env.browser);
  const requests = recordRequests(page);
  await page.setViewportSize({ width: 1000, height: 2600 });
  const response = await page.goto(`${env.base}examples/course.html`);
  assert.equal(response.headers()["content-security-policy"], CSP);
  await page.waitForFunction(() => document.querySelectorAll("iframe").length === 3);
  const frames = await Promise.all((await page.$$("iframe")).map(
    (iframe) => iframe.contentFrame()));
  const [sigmoid, lab, optimal] = frames;
  await waitFrameDrawn(sigmoid, "figure canvas");
  assert.equal(await sigmoid.inputValue('[data-input="h"]'), "-8");
  await lab.waitForFunction(() => Number(/Step (\d+)/.exec(
    document.querySelector('[data-readout="summary"]')?.textContent)?.[1]) >= 1,
  null, { timeout: 90_000 });
  assert.equal(await lab.inputValue('[name="seed"]'), "3");
  assert.ok(!(await lab.isVisible("details.settings")), "settings are hidden");
  await waitFrameDrawn(optimal, "figure canvas");
  assert.equal(await optimal.getAttribute("html", "lang"), "pt-BR");
  assert.match(await optimal.textContent("figure"), /Abrir no artigo completo/);
  await page.screenshot({ path: path.join(OUTPUT, "course.png") });
  assert.deepEqual(offOrigin(requests), []);
  console.log(`course page: ${requests.length} requests, all same-origin`);
  assert.deepEqual(errors, []);
});

test("the README's iframe snippet works in a plain page, and the embed " +
  "resizes with its iframe", { timeout: 180_000 }, async () => {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const snippet = /<!-- embed-snippet -->\s*```html\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(snippet?.includes("<iframe"), "the README has an iframe snippet");
  const { page, errors } = await openPage(env.browser);
  const requests = recordRequests(page);
  // A teacher's page beside the article: nothing but the snippet.
  await page.route("**/teacher.html", (route) => route.fulfill({
    contentType: "text/html", headers: { "Content-Security-Policy": CSP },
    body: `<!doctype html><title>A course</title><h1>Week 6</h1>\n${snippet}`,
  }));
  await page.goto(`${env.base}teacher.html`);
  const frame = await (await page.$("iframe")).contentFrame();
  await frame.waitForSelector("#fig-vanishing .gradient-chart");
  await frame.waitForFunction(() => /Step (\d+)/.test(
    document.querySelector('[data-readout="summary"]')?.textContent ?? ""),
  null, { timeout: 90_000 });
  await waitFrameDrawn(frame, ".gradient-chart");

  // Narrow the iframe: the chart is redrawn for the new width.
  const before = await frame.$eval(".gradient-chart", (c) => c.width);
  await page.$eval("iframe", (iframe) => { iframe.width = "520"; });
  await frame.waitForFunction((w) =>
    document.querySelector(".gradient-chart").width < w, before);
  const after = await frame.$eval(".gradient-chart", (c) => c.width);
  await waitFrameDrawn(frame, ".gradient-chart");
  console.log(`embed chart buffer: ${before} px wide, ${after} px after ` +
    "the iframe narrowed");
  assert.ok(after < before && after >= 480);
  const link = await frame.getAttribute(".article-link", "href");
  assert.equal(link, "index.html?figure=vanishing&hide=settings&seed=3" +
    "#fig-vanishing");
  assert.deepEqual(offOrigin(requests), []);
  assert.deepEqual(errors, []);
});

test("the address follows the reader, Copy link gives it, and it restores " +
  "the figure", { timeout: 180_000 }, async () => {
  const { page, errors } = await openPage(env.browser);
  await page.goto(`${env.base}?backend=cpu&figure=remedies&preset=dropout`);
  const lab = "#fig-remedies";
  await waitForLabSteps(page, lab, 3, 90_000);
  assert.equal(await page.getAttribute(`${lab} button[data-preset="dropout"]`,
    "aria-pressed"), "true");
  await page.click(`${lab} details.settings summary`);
  await page.fill(`${lab} [name="seed"]`, "42");
  await page.press(`${lab} [name="seed"]`, "Tab");
  await page.waitForFunction(() => location.search.includes("seed=42"));
  const url = new URL(page.url());
  assert.equal(url.searchParams.get("figure"), "remedies");
  assert.equal(url.searchParams.get("preset"), "dropout");
  assert.equal(url.searchParams.get("backend"), "cpu");
  assert.equal(url.hash, "#fig-remedies");

  await page.click(`${lab} [data-action="copy-link"]`);
  const copied = await page.inputValue(`${lab} [data-readout="link"]`);
  assert.equal(copied, page.url());

  // A new load of the copied link (not a jump to its fragment on this page).
  await page.goto("about:blank");
  await page.goto(copied);
  await waitForLabSteps(page, lab, 1, 90_000);
  assert.equal(await page.inputValue(`${lab} [name="seed"]`), "42");
  assert.equal(await page.inputValue(`${lab} [name="dropout"]`), "0.5");

  // A slider figure writes its value too.
  await page.goto(`${env.base}embed.html?figure=sigmoid&lang=pt`);
  await page.waitForSelector('[data-input="h"]');
  await page.$eval('[data-input="h"]', (input) => {
    input.value = "2.5";
    input.dispatchEvent(new Event("input"));
    input.dispatchEvent(new Event("change"));
  });
  await page.waitForFunction(() => location.search.includes("h=2.5"));
  assert.match(page.url(), /embed\.html\?figure=sigmoid&lang=pt&h=2\.5$/);
  assert.deepEqual(errors, []);
});

test("each chart downloads its data as CSV and its picture as PNG",
  { timeout: 120_000 }, async () => {
    const { page, errors } = await openPage(env.browser);
    await page.goto(`${env.base}embed.html?figure=sigmoid`);
    await page.waitForSelector('[data-export="csv"]');
    const [csv] = await Promise.all([page.waitForEvent("download"),
      page.click('[data-export="csv"]')]);
    const text = fs.readFileSync(await csv.path(), "utf8");
    const lines = text.trim().split("\r\n");
    assert.equal(lines[0], "h,sigma,sigma_prime");
    assert.equal(lines.length, 242);
    assert.deepEqual(lines[121].split(",").map(Number), [0, 0.5, 0.25]);
    const [png] = await Promise.all([page.waitForEvent("download"),
      page.click('[data-export="png"]')]);
    const bytes = fs.readFileSync(await png.path());
    assert.equal(bytes.subarray(1, 4).toString(), "PNG");
    const width = bytes.readUInt32BE(16);
    assert.equal(width, await page.$eval("canvas", (c) => c.width));
    const summary = await page.textContent(".summary");
    assert.match(summary, /σ′\(h\) peaks at 0\.25/);
    assert.equal(await page.getAttribute("canvas", "aria-describedby"),
      await page.$eval(".summary", (p) => p.id));

    // The lab's history: one row per loss and step.
    await page.goto(`${env.base}embed.html?figure=vanishing&backend=cpu&head_start=0`);
    await waitForLabSteps(page, "#fig-vanishing", 20, 90_000);
    await page.click('[data-action="pause"]');
    const [history] = await Promise.all([page.waitForEvent("download"),
      page.click('.lab-body > .chart-tools [data-export="csv"]')]);
    const rows = fs.readFileSync(await history.path(), "utf8").trim()
      .split("\r\n");
    assert.equal(rows[0], "loss,step,grad_norm,loss_g,loss_d,d_fake");
    const losses = new Set(rows.slice(1).map((row) => row.split(",")[0]));
    assert.deepEqual([...losses].sort(), ["minimax", "non_saturating"]);
    assert.ok(rows.length > 40, `${rows.length} rows`);
    assert.deepEqual(errors, []);
  });

test("a diverging loss stops with a mark and a sentence; the other goes on",
  { timeout: 180_000 }, async () => {
    const { page, errors } = await openPage(env.browser);
    await page.goto(`${env.base}embed.html?figure=vanishing&backend=cpu` +
      "&losses=least_squares,non_saturating&optimizer=sgd&lr_g=0.5&lr_d=0.5" +
      "&head_start=0");
    const lab = "#fig-vanishing";
    await page.waitForFunction(() => /least squares run diverged at step \d+/
      .test(document.querySelector('[data-readout="messages"]')?.textContent ?? ""),
    null, { timeout: 90_000 });
    const message = await page.textContent(`${lab} [data-readout="messages"]`);
    const divergedAt = Number(/diverged at step (\d+)/.exec(message)[1]);
    await waitForLabSteps(page, lab, divergedAt + 100, 90_000);
    const summary = await page.textContent(`${lab} [data-readout="summary"]`);
    assert.match(summary, /least squares diverged at step \d+/);
    assert.match(summary, /non-saturating \d\.\d\de[-+]\d+/);
    assert.doesNotMatch(message, /non-saturating run diverged/);
    // The chart marks it: the least-squares colour (palette.rs), a cross near
    // the top of the plot area.
    const [mark] = await countColouredPixels(page, `${lab} .gradient-chart`,
      [[0, 158, 115]], { left: 80, right: 20, top: 10, bottom: 250 });
    assert.ok(mark > 10, `the divergence mark has ${mark} pixels`);
    console.log(`forced divergence: least squares at step ${divergedAt}; ` +
      `summary: ${summary}`);
    await page.screenshot({ path: path.join(OUTPUT, "divergence.png") });
    assert.deepEqual(errors, []);
  });

test("a lost WebGPU device brings a message and a restart on the CPU",
  { timeout: 300_000 }, async () => {
    const { page, errors } = await openPage(env.browser);
    await page.goto(`${env.base}embed.html?figure=vanishing&backend=webgpu` +
      "&batch_size=16&head_start=0&width=16&d_width=16");
    const lab = "#fig-vanishing";
    await page.waitForFunction(() => /WebGPU/.test(
      document.querySelector('[data-readout="backend"]')?.textContent ?? ""),
    null, { timeout: 120_000 });
    await waitForLabSteps(page, lab, 2, 180_000);
    await page.$eval(lab, (figure) => figure.dispatchEvent(
      new CustomEvent("gan-gradients:lose-device")));
    await page.waitForFunction(() => /CPU/.test(
      document.querySelector('[data-readout="backend"]')?.textContent ?? ""),
    null, { timeout: 60_000 });
    const messages = await page.textContent(`${lab} [data-readout="messages"]`);
    assert.match(messages, /WebGPU device was lost/);
    assert.match(messages, /Restarted on the CPU backend/);
    await waitForLabSteps(page, lab, 50, 90_000);
    console.log(`device loss: ${messages}`);
    // wgpu reports the lost device on the console; nothing else may.
    assert.deepEqual(errors.filter((e) => !/lost|destroyed|Device/i.test(e)), []);
  });

test("a module that cannot load says so, with what to do", async () => {
  const { page } = await openPage(env.browser);
  await page.route("**/*.wasm", (route) => route.fulfill({ status: 404,
    body: "not found" }));
  for (const [url, pattern] of [["", /failed to load\. Reload the page/],
    ["embed.html?figure=sigmoid", /could not load its module.*Reload/]]) {
    await page.goto(`${env.base}${url}`);
    await page.waitForSelector("#status.error");
    const text = await page.textContent("#status");
    assert.match(text, pattern);
    assert.ok(await page.isVisible("#status"));
  }
});

test("accessible: labelled controls, keyboard play, reduced motion, dark " +
  "mode, 360 px", { timeout: 180_000 }, async () => {
  const { page, errors } = await openPage(env.browser);
  await page.emulateMedia({ reducedMotion: "reduce", colorScheme: "dark" });
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(`${env.base}embed.html?figure=vanishing&backend=cpu`);
  const lab = "#fig-vanishing";
  await page.waitForFunction(() => /reduced motion/.test(
    document.querySelector('[data-readout="lab-status"]')?.textContent ?? ""),
  null, { timeout: 90_000 });
  await new Promise((resolve) => setTimeout(resolve, 1500));
  assert.equal(await frameSteps(page), 0, "no autoplay under reduced motion");
  const unlabelled = await page.$$eval("figure input, figure select, " +
    "figure button", (controls) => controls.filter((c) => !c.hidden &&
    !(c.labels?.length || c.getAttribute("aria-label") ||
      c.textContent.trim())).map((c) => c.outerHTML));
  assert.deepEqual(unlabelled, []);
  // Play by keyboard alone.
  await page.focus(`${lab} [data-action="play"]`);
  await page.keyboard.press("Enter");
  await waitForLabSteps(page, lab, 5, 90_000);
  // Dark mode: the chart's background is dark.
  const corner = await page.$eval(`${lab} .gradient-chart`, (canvas) =>
    [...canvas.getContext("2d").getImageData(2, 2, 1, 1).data]);
  assert.ok(corner[0] + corner[1] + corner[2] < 150, `background ${corner}`);
  assert.ok(await countDrawnPixels(page, `${lab} .gradient-chart`) > 1000);
  const overflow = await page.evaluate(() =>
    document.scrollingElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${overflow} px of horizontal scroll at 360 px`);
  await page.screenshot({ path: path.join(OUTPUT, "embed-360-dark.png"),
    fullPage: true });

  // The article at 360 px: no horizontal scroll either.
  await page.goto(`${env.base}?backend=cpu`);
  await page.waitForSelector("#status[hidden]", { state: "attached" });
  const articleOverflow = await page.evaluate(() =>
    document.scrollingElement.scrollWidth - window.innerWidth);
  assert.ok(articleOverflow <= 0, `article: ${articleOverflow} px`);
  assert.deepEqual(errors, []);
});

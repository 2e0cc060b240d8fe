// The lab end to end: the article's central figure trains on the CPU backend
// and on WebGPU, draws the gradient chart, and logs no console error.
import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { countColouredPixels, openPage, OUTPUT, useServerAndBrowser,
  waitForLabSteps } from "./browser.mjs";

// Colours of the minimax and non-saturating lines (figures/palette.rs).
const MINIMAX = [213, 94, 0];
const NON_SATURATING = [0, 114, 178];
// The chart's margins and axis areas, left out of the pixel count.
const PLOT_AREA = { left: 90, right: 20, top: 20, bottom: 60 };
const LAB = "#fig-vanishing";
const CHART = `${LAB} .gradient-chart`;

const env = useServerAndBrowser();

test("trains 200+ steps on the CPU backend and draws both curves", async () => {
  const { page, errors } = await openPage(env.browser);
  await page.goto(`${env.base}?backend=cpu#vanishing`);
  await page.locator(LAB).scrollIntoViewIfNeeded();
  // The lab starts, and plays, when it scrolls into view.
  await waitForLabSteps(page, LAB, 400, 120_000);
  const status = await page.textContent(`${LAB} [data-readout="lab-status"]`);
  await page.click(`${LAB} [data-action="pause"]`);
  console.log(`CPU backend: ${status}`);
  assert.match(await page.textContent(`${LAB} [data-readout="backend"]`),
    /CPU/);

  const [minimax, nonSaturating] = await countColouredPixels(page, CHART,
    [MINIMAX, NON_SATURATING], PLOT_AREA);
  console.log(`gradient chart pixels: minimax ${minimax}, ` +
    `non-saturating ${nonSaturating}`);
  assert.ok(minimax > 200, `minimax line has ${minimax} pixels`);
  assert.ok(nonSaturating > 200, `non-saturating line: ${nonSaturating}`);

  // The head-start experiment, as the page reports it.
  const summary = await page.textContent(`${LAB} [data-readout="summary"]`);
  const ratio = Number(/is ([\d.e+]+)× the minimax/.exec(summary)?.[1]);
  console.log(`page: non-saturating / minimax at the end of the head ` +
    `start = ${ratio}`);
  assert.ok(ratio >= 100, summary);

  await page.locator(LAB).screenshot({ path: path.join(OUTPUT, "lab-cpu.png") });
  assert.deepEqual(errors, []);
  await page.close();
});

test("trains a few steps on WebGPU (software adapter here)", async () => {
  const { page, errors } = await openPage(env.browser);
  await page.goto(`${env.base}?backend=webgpu#vanishing`);
  await page.locator(LAB).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${LAB} [data-action="pause"]:not([disabled])`,
    { timeout: 120_000 });
  const line = await page.textContent(`${LAB} [data-readout="backend"]`);
  console.log(line);
  assert.match(line, /WebGPU/, "the lab should say it trains on WebGPU");

  // Without a head start, so that a few steps span the chart's x axis.
  await page.click(`${LAB} details summary`);
  await page.fill(`${LAB} input[name="head_start"]`, "0");
  await page.press(`${LAB} input[name="head_start"]`, "Tab");
  await page.waitForSelector(`${LAB} [data-action="step"]:not([disabled])`,
    { timeout: 120_000 });
  for (let i = 1; i <= 3; i += 1) {
    await page.click(`${LAB} [data-action="step"]`);
    await waitForLabSteps(page, LAB, i, 120_000);
  }
  const [minimax, nonSaturating] = await countColouredPixels(page, CHART,
    [MINIMAX, NON_SATURATING], PLOT_AREA);
  assert.ok(minimax > 20 && nonSaturating > 20,
    `WebGPU chart pixels: ${minimax}, ${nonSaturating}`);
  await page.locator(LAB).screenshot({
    path: path.join(OUTPUT, "lab-webgpu.png") });
  assert.deepEqual(errors, []);
  await page.close();
});

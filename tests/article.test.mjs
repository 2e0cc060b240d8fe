// The article end to end: every derivation step by keyboard, every figure
// drawn, the numbers the figures show, both languages, a screenshot of each
// section (tests/output/sections/), and no console error.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { countDrawnPixels, openPage, OUTPUT, useServerAndBrowser,
  waitForDrawn, waitForLabSteps } from "./browser.mjs";

const env = useServerAndBrowser();

function readoutValue(text) {
  return Number(text.trim().replace("−", "-"));
}

async function tableValues(page, selector) {
  return page.$$eval(`${selector} tr`, (rows) => Object.fromEntries(
    rows.map((row) => [row.querySelector("th").textContent,
      row.querySelector("td").textContent])));
}

test("walks the derivation by keyboard, autodiff agreeing at each step",
  async () => {
    const { page, errors } = await openPage(env.browser);
    await page.goto(`${env.base}?backend=cpu#derivation`);
    const figure = "#fig-derivation";
    await page.locator(figure).scrollIntoViewIfNeeded();
    await page.waitForSelector(`${figure} tbody tr`);
    await page.focus(figure);
    const visibleSteps = () => page.$$eval(`${figure} [data-step]`,
      (steps) => steps.filter((s) => !s.hidden).length);
    assert.equal(await visibleSteps(), 1);
    for (let step = 2; step <= 5; step += 1) {
      await page.keyboard.press("ArrowRight");
      assert.equal(await visibleSteps(), step);
      const current = await page.$eval(`${figure} li.current`,
        (li) => li.dataset.step);
      assert.equal(current, String(step), "the new step is highlighted");
      const values = await tableValues(page, figure);
      const autodiff = readoutValue(values["burn autodiff dL/dh (f32)"]);
      const sigma = readoutValue(values["σ(h) = D(G(z))"]);
      assert.ok(Math.abs(autodiff + sigma) <= 1e-5 * Math.abs(sigma),
        `step ${step}: autodiff ${autodiff}, −σ(h) ${-sigma}`);
    }
    assert.match(await page.textContent(`${figure} [data-readout="step"]`),
      /5 of 5/);
    await page.keyboard.press("ArrowLeft");
    assert.equal(await visibleSteps(), 4);
    assert.deepEqual(errors, []);
    await page.close();
  });

test("every figure draws, with the numbers of the closed forms", async () => {
  const { page, errors } = await openPage(env.browser);
  await page.goto(`${env.base}?backend=cpu`);
  await page.waitForSelector("#status[hidden]", { state: "attached" });
  const sectionsDir = path.join(OUTPUT, "sections");
  fs.mkdirSync(sectionsDir, { recursive: true });

  // σ′(−10) quoted in the prose.
  const quoted = await page.textContent(
    '.computed[data-compute="sigmoid_prime"]');
  assert.equal(quoted, "4.5396e-5");

  const sections = await page.$$eval("article > section", (s) =>
    s.map((section) => section.id));
  for (const id of sections) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    const canvases = await page.$$(`#${id} figure.live canvas`);
    if (id === "vanishing" || id === "implications" || id === "remedies") {
      await waitForLabSteps(page, `#${id} figure.lab`, 30, 120_000);
    }
    if (id === "cost") {
      await page.waitForFunction(() => /Measured/.test(document
        .querySelector('[data-readout="cost-status"]')?.textContent ?? ""), null,
      { timeout: 120_000 });
    }
    for (let i = 0; i < canvases.length; i += 1) {
      await waitForDrawn(page, `#${id} figure.live canvas`, i);
      const drawn = await countDrawnPixels(page,
        `#${id} figure.live canvas`, i);
      assert.ok(drawn > 500, `section ${id}, canvas ${i}: ${drawn} pixels`);
    }
    await page.locator(`#${id}`).screenshot({
      path: path.join(sectionsDir, `${id}.png`) });
  }

  // V(G, D*) by quadrature equals −log 4 + 2·JS, as printed.
  const optimal = await tableValues(page, "#fig-optimal");
  const v = readoutValue(optimal["V(G, D*) by quadrature"]);
  const identity = readoutValue(optimal["−log 4 + 2·JS"]);
  assert.ok(Math.abs(v - identity) < 1e-6, `${v} vs ${identity}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test("both languages load, and ?lang= switches and is remembered",
  async () => {
    const { page, errors } = await openPage(env.browser);
    await page.goto(`${env.base}pt.html?backend=cpu`);
    assert.equal(await page.getAttribute("html", "lang"), "pt-BR");
    await page.waitForSelector("#status[hidden]", { state: "attached" });
    await page.locator("#sigmoid").scrollIntoViewIfNeeded();
    await waitForDrawn(page, "#fig-sigmoid canvas");

    await page.goto(`${env.base}index.html?lang=en`);
    await page.waitForURL(/index\.html/);
    assert.equal(await page.getAttribute("html", "lang"), "en");
    await page.goto(`${env.base}index.html?lang=pt`);
    await page.waitForURL(/pt\.html/);
    assert.equal(await page.getAttribute("html", "lang"), "pt-BR");
    // Remembered: the English page now sends the reader to Portuguese.
    await page.goto(`${env.base}index.html`);
    await page.waitForURL(/pt\.html/);
    await page.waitForSelector("#status[hidden]", { state: "attached" });
    assert.deepEqual(errors, []);
    await page.close();
  });

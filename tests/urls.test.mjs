// Untrusted input end to end: malformed URLs, each of which must give a
// visible message naming the parameter (and the value used instead) and a
// figure that still works; and the controls' bounds, which must be the
// parser's.
import assert from "node:assert/strict";
import { test } from "node:test";
import { countDrawnPixels, openPage, useServerAndBrowser, waitForLabSteps }
  from "./browser.mjs";

const env = useServerAndBrowser();

const LONG = "9".repeat(300);

// [query, the parameter the message must name, the value used instead (or
// null where the parameter is ignored)]. Defaults: the vanishing preset's
// settings, each slider's starting value.
export const MALFORMED = [
  ["figure=nope", "figure", "vanishing"],
  ["figure=", "figure", "vanishing"],
  ["figure=%3Cscript%3Ealert(1)%3C/script%3E", "figure", "vanishing"],
  ["figure=vanishing&losses=bogus", "losses", "minimax, non_saturating"],
  ["figure=vanishing&losses=", "losses", "minimax, non_saturating"],
  ["figure=vanishing&losses=,,,", "losses", "minimax, non_saturating"],
  ["figure=vanishing&losses=minimax,%3Cimg%20src=x%20onerror=alert(1)%3E",
    "losses", null],
  ["figure=vanishing&lr_g=abc", "lr_g", "0.001"],
  ["figure=vanishing&lr_g=", "lr_g", "0.001"],
  ["figure=vanishing&lr_g=NaN", "lr_g", "0.001"],
  ["figure=vanishing&lr_g=Infinity", "lr_g", "0.001"],
  ["figure=vanishing&lr_g=-1", "lr_g", "0.001"],
  ["figure=vanishing&lr_g=1e9", "lr_g", "0.001"],
  ["figure=vanishing&lr_d=0", "lr_d", "0.001"],
  ["figure=vanishing&lr_g=%00", "lr_g", "0.001"],
  ["figure=vanishing&seed=-1", "seed", "1"],
  ["figure=vanishing&seed=1.5", "seed", "1"],
  ["figure=vanishing&seed=99999999999", "seed", "1"],
  ["figure=vanishing&seed=0x10", "seed", "1"],
  [`figure=vanishing&seed=${LONG}`, "seed", "1"],
  ["figure=vanishing&head_start=1e12", "head_start", "300"],
  ["figure=vanishing&head_start=-5", "head_start", "300"],
  ["figure=vanishing&d_steps=0", "d_steps", "1"],
  ["figure=vanishing&d_steps=2.5", "d_steps", "1"],
  ["figure=vanishing&d_steps=100", "d_steps", "1"],
  ["figure=vanishing&target=moon", "target", "mixture"],
  ["figure=vanishing&optimizer=lbfgs", "optimizer", "adam"],
  ["figure=vanishing&batch_size=0", "batch_size", "256"],
  ["figure=vanishing&batch_size=1e6", "batch_size", "256"],
  ["figure=vanishing&width=3", "width", "64"],
  ["figure=vanishing&depth=9", "depth", "2"],
  ["figure=vanishing&modes=0", "modes", "2"],
  ["figure=vanishing&activation=gelu", "activation", "leaky_relu"],
  ["figure=vanishing&input_noise=-0.1", "input_noise", "0"],
  ["figure=vanishing&dropout=1", "dropout", "0"],
  ["figure=vanishing&batch_norm=maybe", "batch_norm", "off"],
  ["figure=vanishing&play=sometimes", "play", "1"],
  ["figure=vanishing&preset=turbo", "preset", "vanishing"],
  ["figure=vanishing&backend=cuda", "backend", "auto"],
  ["figure=vanishing&lang=fr", "lang", "en"],
  ["figure=vanishing&hide=everything", "hide", null],
  ["figure=vanishing&seed=2&seed=abc", "seed", null],
  ["figure=vanishing&h=3", "h", null],
  ["figure=vanishing&colour=red", "colour", null],
  ["figure=vanishing&%FF%FE=%FF", "\uFFFD", null],
  ["=&&&=x", "", null],
  ["figure=VANISHING&seed=abc", "seed", "1"],
  ["figure=remedies&preset=nonsense", "preset", "non_saturating"],
  ["figure=implications&lr_d=2", "lr_d", "0.05"],
  ["figure=sigmoid&h=abc", "h", "-4"],
  ["figure=sigmoid&h=100", "h", "-4"],
  ["figure=sigmoid&h=-1e308", "h", "-4"],
  ["figure=sigmoid&lr_g=0.1", "lr_g", null],
  ["figure=costs&h=", "h", "-5"],
  ["figure=costs&mean=2", "mean", null],
  ["figure=derivation&step=0", "step", "1"],
  ["figure=derivation&step=2.5", "step", "1"],
  ["figure=derivation&h=31", "h", "-6"],
  ["figure=optimal&mean=-1", "mean", "1.5"],
  ["figure=optimal&mean=1e400", "mean", "1.5"],
  ["figure=divergences&mean=eleven", "mean", "2"],
  ["figure=cost&seed=5", "seed", null],
];

// Evidence that the figure shown works: a lab trains and draws, a chart is
// drawn, a table of numbers is filled.
async function assertWorks(page, query) {
  const figure = await page.$eval("figure.live", (f) => ({
    id: f.id, lab: f.classList.contains("lab"), kind: f.dataset.figure }));
  if (figure.lab) {
    await waitForLabSteps(page, `#${figure.id}`, 3, 60_000);
    const drawn = await countDrawnPixels(page, `#${figure.id} .gradient-chart`);
    assert.ok(drawn > 1000, `${query}: the gradient chart has ${drawn} pixels`);
  } else if (figure.kind === "divergences" || figure.kind === "derivation") {
    await page.waitForSelector("figure.live tbody tr");
    const cells = await page.$$eval("figure.live tbody td",
      (tds) => tds.map((td) => td.textContent));
    assert.ok(cells.length >= 4 && cells.every((c) => /\d/.test(c)),
      `${query}: ${cells}`);
  } else {
    await page.waitForFunction(() => {
      const canvas = document.querySelector("figure.live canvas");
      const data = canvas?.getContext("2d")
        .getImageData(0, 0, canvas.width, canvas.height).data;
      let drawn = 0;
      for (let i = 0; data && i < data.length; i += 4) {
        if (Math.abs(data[i] - data[0]) > 30) drawn += 1;
      }
      return drawn > 1000;
    }, null, { timeout: 60_000 });
  }
  return figure;
}

test(`${MALFORMED.length} malformed URLs each give a message and a working ` +
  "figure", { timeout: 900_000 }, async () => {
  assert.ok(MALFORMED.length >= 50);
  const { page, errors } = await openPage(env.browser);
  let labs = 0;
  for (const [query, parameter, used] of MALFORMED) {
    await page.goto(`${env.base}embed.html?${query}`);
    const box = page.locator('[data-readout="url-problems"]');
    await box.waitFor({ timeout: 30_000 });
    const message = await box.textContent();
    assert.ok(await box.isVisible(), `${query}: the message is not visible`);
    assert.ok(message.includes(`${parameter}`),
      `${query}: the message does not name ${parameter}: ${message}`);
    if (used !== null) {
      assert.ok(message.includes(`default, ${used}.`),
        `${query}: the message does not give the default ${used}: ${message}`);
    }
    // The bad text is shown as text, never run as markup.
    assert.equal(await page.$$eval("img, script:not([src])",
      (nodes) => nodes.length), 0, `${query}: markup from the URL`);
    const figure = await assertWorks(page, query);
    if (figure.lab) labs += 1;
  }
  console.log(`${MALFORMED.length} malformed URLs (${labs} on labs): each ` +
    "gave a message and a working figure");
  assert.deepEqual(errors, []);
});

test("every slider and lab control carries the parser's bounds", async () => {
  const { page } = await openPage(env.browser);
  await page.goto(`${env.base}?backend=cpu`);
  await page.waitForSelector("#status[hidden]", { state: "attached" });
  const mismatches = await page.evaluate(async () => {
    const wasm = await import("./pkg/gan_gradients.js");
    const table = wasm.parameter_table();
    const bounds = (key, figure) => {
      const rows = table.filter((p) => p.key === key);
      return rows.find((p) => p.figures.includes(figure)) ??
        rows.find((p) => p.figures.includes("labs"));
    };
    const out = [];
    let checked = 0;
    for (const input of document.querySelectorAll("[data-input]")) {
      const figure = input.closest("figure").dataset.figure;
      const p = bounds(input.dataset.input, figure);
      checked += 1;
      if (!p || Number(input.min) !== p.min || Number(input.max) !== p.max) {
        out.push(`${figure} ${input.dataset.input}: ${input.min}..${input.max}`);
      }
    }
    const form = document.getElementById("lab-template").content;
    for (const input of form.querySelectorAll("input[type=number]")) {
      const p = bounds(input.name, "vanishing");
      checked += 1;
      if (!p || Number(input.min) !== p.min || Number(input.max) !== p.max) {
        out.push(`lab ${input.name}: ${input.min}..${input.max}`);
      }
    }
    for (const select of form.querySelectorAll("select")) {
      const p = bounds(select.name, "vanishing");
      const options = [...select.options].map((o) => o.value);
      checked += 1;
      if (!p || JSON.stringify(options) !== JSON.stringify(p.choices)) {
        out.push(`lab ${select.name}: ${options}`);
      }
    }
    return { out, checked };
  });
  console.log(`${mismatches.checked} controls checked against the parser`);
  assert.ok(mismatches.checked >= 20);
  assert.deepEqual(mismatches.out, []);
});

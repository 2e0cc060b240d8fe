// Shared set-up of the end-to-end tests: Debian's Chromium driven by
// playwright-core (never a downloaded browser), a fresh profile, the flags
// that keep it off the network, and a record of console errors.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before } from "node:test";
import { chromium } from "playwright-core";
import { startServer } from "./serve.mjs";

export const OUTPUT = path.join(path.dirname(fileURLToPath(import.meta.url)),
  "output");

export const CHROMIUM_ARGS = [
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  // A WebGPU adapter in headless Chromium: SwiftShader, correct but slow.
  "--enable-unsafe-webgpu",
];

export async function launch(extraArgs = []) {
  fs.mkdirSync(OUTPUT, { recursive: true });
  const args = [...CHROMIUM_ARGS, ...extraArgs];
  if (process.getuid && process.getuid() === 0) args.push("--no-sandbox");
  // launch() gives every run a new, empty profile directory.
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args,
  });
}

// A page that records console errors and uncaught exceptions, the worker's
// included.
export async function openPage(browser) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  const errors = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("worker", (worker) => {
    worker.on("console", (message) => {
      if (message.type() === "error") errors.push(`worker: ${message.text()}`);
    });
  });
  return { page, errors };
}

// Pixels of a canvas's plot area in one of the given colours (within a
// tolerance): evidence that a series was really drawn, not just the axes.
export async function countColouredPixels(page, selector, colours, inset) {
  return page.$eval(selector, (canvas, { colours, inset }) => {
    const ctx = canvas.getContext("2d");
    const { width, height } = canvas;
    const data = ctx.getImageData(inset.left, inset.top,
      width - inset.left - inset.right, height - inset.top - inset.bottom).data;
    const counts = colours.map(() => 0);
    for (let i = 0; i < data.length; i += 4) {
      colours.forEach(([r, g, b], k) => {
        if (Math.abs(data[i] - r) < 40 && Math.abs(data[i + 1] - g) < 40 &&
            Math.abs(data[i + 2] - b) < 40) counts[k] += 1;
      });
    }
    return counts;
  }, { colours, inset });
}

// Pixels of the index-th canvas matching a CSS selector that differ from its
// top-left corner (the background): evidence that something was drawn on it.
export async function countDrawnPixels(page, selector, index = 0) {
  return page.$$eval(selector, (canvases, index) => {
    const canvas = canvases[index];
    if (!canvas) return 0;
    const { width, height } = canvas;
    const data = canvas.getContext("2d").getImageData(0, 0, width, height).data;
    const [r, g, b] = data;
    let drawn = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) +
          Math.abs(data[i + 2] - b) > 30) drawn += 1;
    }
    return drawn;
  }, index);
}

// Waits until that canvas has more than `minimum` drawn pixels (figures draw
// a moment after they scroll into view).
export async function waitForDrawn(page, selector, index = 0, minimum = 500) {
  const deadline = Date.now() + 60_000;
  while (await countDrawnPixels(page, selector, index) <= minimum) {
    if (Date.now() > deadline) {
      throw new Error(`${selector} #${index} was not drawn within 60 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// Waits until a lab's summary line reports at least `steps` steps.
export async function waitForLabSteps(page, figure, steps, timeout) {
  await page.waitForFunction(({ figure, steps }) => {
    const el = document.querySelector(`${figure} [data-readout="summary"]`);
    const match = /(?:Step|Passo) (\d+)/.exec(el?.textContent ?? "");
    return match && Number(match[1]) >= steps;
  }, { figure, steps }, { timeout });
}

// The server and the browser a test file shares: started before its first
// test, closed after its last. Read `env.base` and `env.browser` inside tests.
export function useServerAndBrowser() {
  const env = {};
  before(async () => {
    env.server = await startServer(0);
    env.base = `http://127.0.0.1:${env.server.address().port}/`;
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}

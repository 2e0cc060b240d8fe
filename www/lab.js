// One live lab: a figure with its own training worker, controls, gradient
// chart and samples charts. The worker trains; this side keeps the history
// and asks the Rust module to draw it.
import { draw_gradient_chart, draw_samples_chart, preset_settings,
  table_csv } from "./pkg/gan_gradients.js";
import { drawWithCssomStyles } from "./plotters-css.js";
import { addChartTools, fitCanvas } from "./chart-tools.js";
import { describeProblem } from "./url-state.js";
import { probeBackends } from "./backend-probe.js";
import { BoundedSeries } from "./series.js";
import { t } from "./i18n.js";

const dark = window.matchMedia("(prefers-color-scheme: dark)");

// With no metrics for this long, a WebGPU run counts as stalled (a lost
// device can leave a read-back pending for ever). The software adapter takes
// about a second per step of the reference GAN, well inside it.
const STALL_SECONDS = 30;

// A loss's name as the reader sees it.
function lossName(loss) {
  return t().losses?.[loss] ?? loss;
}

function paragraph(text) {
  const p = document.createElement("p");
  p.textContent = text;
  return p;
}

function sameValue(a, b) {
  if (Array.isArray(a) || Array.isArray(b)) {
    const x = [...(a ?? [])].sort();
    const y = [...(b ?? [])].sort();
    return x.length === y.length && x.every((v, i) => v === y[i]);
  }
  return a === b;
}

export class LabFigure {
  // options: values (a Map of URL values, already bounded), backend ("" to
  // choose, "cpu", "webgpu"), autoplay, onChange (called after the reader
  // changes anything), template (the lab's markup).
  constructor(figure, options = {}) {
    this.figure = figure;
    this.options = options;
    this.worker = null;
    this.run = null;
    this.playing = false;
    this.dirty = false;
    this.started = false;
    this.pausedByScroll = false;
    this.lastCharts = [];
    const template = options.template ?? document.getElementById("lab-template");
    figure.append(template.content.cloneNode(true));
    this.form = figure.querySelector("form");
    this.canvas = figure.querySelector(".gradient-chart");
    this.defaultPreset = figure.dataset.preset || "vanishing";
    this.labelControls();
    this.buildPresets();
    const values = options.values ?? new Map();
    this.applyPreset(values.get("preset") ?? this.defaultPreset);
    this.setSettings(Object.fromEntries(values));
    this.addTools();
    this.wire();
  }

  el(name) {
    return this.figure.querySelector(`[data-readout="${name}"]`);
  }

  button(action) {
    return this.figure.querySelector(`[data-action="${action}"]`);
  }

  // Unique ids, so that several labs on one page keep their labels apart.
  labelControls() {
    const prefix = this.figure.id || "lab";
    this.form.querySelectorAll("input, select").forEach((input, i) => {
      input.id = `${prefix}-${input.name}-${i}`;
    });
  }

  buildPresets() {
    const names = (this.figure.dataset.presets || "").split(/\s+/)
      .filter((name) => preset_settings(name));
    const slot = this.figure.querySelector('[data-slot="presets"]');
    if (names.length < 2) {
      slot.remove();
      return;
    }
    for (const name of names) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = t().presets?.[name] ?? name;
      button.dataset.preset = name;
      button.addEventListener("click", () => {
        this.applyPreset(name);
        this.changed();
        this.restart(true);
      });
      slot.append(button);
    }
  }

  // The presets live in the Rust module (presets.rs): complete settings.
  presetSettings(name) {
    return preset_settings(name) ?? preset_settings("vanishing");
  }

  applyPreset(name) {
    this.preset = preset_settings(name) ? name : "vanishing";
    this.setSettings(this.presetSettings(this.preset));
    this.figure.querySelectorAll("button[data-preset]").forEach((b) => {
      b.setAttribute("aria-pressed", String(b.dataset.preset === this.preset));
    });
  }

  setSettings(settings) {
    for (const element of this.form.elements) {
      if (!element.name || !(element.name in settings)) continue;
      const value = settings[element.name];
      if (value === null || value === undefined) continue;
      if (element.name === "losses") {
        element.checked = value.includes(element.value);
      } else if (element.type === "checkbox") {
        element.checked = Boolean(value);
      } else {
        element.value = String(value);
      }
    }
  }

  // The controls' values, as the Rust module's RawSettings reads them.
  settings() {
    const settings = { losses: [] };
    for (const element of this.form.elements) {
      if (!element.name) continue;
      if (element.name === "losses") {
        if (element.checked) settings.losses.push(element.value);
      } else if (element.type === "checkbox") {
        settings[element.name] = element.checked;
      } else if (element.type === "number") {
        settings[element.name] = element.value === "" ? null
          : Number(element.value);
      } else {
        settings[element.name] = element.value;
      }
    }
    return settings;
  }

  // What a URL needs to bring this lab back: its preset, and each control
  // that differs from the preset.
  state() {
    const pairs = [];
    if (this.preset !== this.defaultPreset) pairs.push(["preset", this.preset]);
    const base = this.presetSettings(this.preset);
    for (const [key, value] of Object.entries(this.settings())) {
      if (value !== null && !sameValue(value, base[key])) {
        pairs.push([key, value]);
      }
    }
    if (this.options.playParam !== undefined) {
      pairs.push(["play", this.options.playParam]);
    }
    return pairs;
  }

  // The value now in use for a URL parameter, for "using the default, …".
  valueOf(key) {
    if (key === "preset") return this.preset;
    const value = this.settings()[key];
    if (Array.isArray(value)) return value.join(", ");
    if (typeof value === "boolean") return value ? "on" : "off";
    return value === undefined ? undefined : String(value);
  }

  changed() {
    this.options.onChange?.();
  }

  addTools() {
    addChartTools(this.canvas, {
      name: `${this.figure.id || "lab"}-gradient`,
      summary: this.el("summary"),
      csv: () => this.historyCsv(),
    });
    fitCanvas(this.canvas, () => {
      this.dirty = true;
      this.draw();
    });
  }

  historyCsv() {
    const rows = [];
    for (const loss of this.run?.losses ?? []) {
      for (const m of this.run.history[loss].all()) rows.push([loss, ...m]);
    }
    return table_csv({ columns: ["loss", "step", "grad_norm", "loss_g",
      "loss_d", "d_fake"], rows });
  }

  wire() {
    this.button("play").addEventListener("click", () => this.play());
    this.button("pause").addEventListener("click", () => this.pause());
    this.button("step").addEventListener("click", () => {
      this.worker?.postMessage({ type: "step", steps: 1 });
    });
    this.button("reset").addEventListener("click", () => this.restart(false));
    // Enter in a field must not submit the form (a reload with every field
    // in the query); a change is applied as it happens.
    this.form.addEventListener("submit", (event) => event.preventDefault());
    this.form.addEventListener("change", () => {
      this.changed();
      this.restart(false);
    });
    dark.addEventListener("change", () => {
      this.dirty = true;
      this.scheduleDraw();
      this.drawSamples(this.lastCharts, true);
    });
    // A test (or a curious reader in the console) can make the worker
    // destroy its WebGPU device, to see the recovery below happen.
    this.figure.addEventListener("gan-gradients:lose-device", () => {
      this.worker?.postMessage({ type: "lose-device" });
    });
    this.setButtons(false);
  }

  setButtons(ready) {
    this.button("play").disabled = !ready || this.playing;
    this.button("pause").disabled = !ready || !this.playing;
    this.button("step").disabled = !ready || this.playing;
    this.button("reset").disabled = !ready;
  }

  // First scrolled into view (or shown in an embed): start, and play unless
  // the reader asked for reduced motion or the URL said play=0.
  start() {
    if (this.started) return;
    this.started = true;
    this.restart(this.options.autoplay ?? true);
  }

  // Scrolled out of view: pause, and remember to resume.
  hidden() {
    if (this.playing) {
      this.pause();
      this.pausedByScroll = true;
    }
  }

  shown() {
    if (!this.started) this.start();
    else if (this.pausedByScroll) this.play();
    this.pausedByScroll = false;
  }

  restart(autoplay, backendOverride) {
    this.worker?.terminate();
    this.worker = null;
    clearInterval(this.watchdog);
    this.playing = false;
    this.run = null;
    this.autoplay = autoplay;
    this.setButtons(false);
    const settings = this.settings();
    const requested = backendOverride ?? this.options.backend ?? "";
    if (requested) {
      this.spawn(settings, { requestedBackend: requested,
        reason: this.fallbackReason });
      return;
    }
    // No backend asked for: time both on these settings, train on the
    // faster (backend-probe.js). A later restart makes this one moot.
    const generation = (this.generation ?? 0) + 1;
    this.generation = generation;
    this.el("lab-status").textContent = t().measuringBackends;
    probeBackends(settings).then((probe) => {
      if (this.generation !== generation || this.worker) return;
      this.spawn(settings, { requestedBackend: probe.backend,
        reason: probe.reason, measured: probe.measured });
    });
  }

  // A training worker for these settings; `start` says on which backend.
  spawn(settings, start) {
    this.generation = (this.generation ?? 0) + 1;
    this.el("lab-status").textContent = t().starting;
    this.worker = new Worker(new URL("./worker.js", import.meta.url),
      { type: "module" });
    this.worker.onmessage = (event) => this.onMessage(event.data);
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.recover(event.message || "unknown error");
    };
    this.worker.postMessage({ type: "start", settings, ...start });
  }

  play() {
    if (!this.run) return;
    this.playing = true;
    this.lastHeard = performance.now();
    this.worker.postMessage({ type: "play" });
    this.setButtons(true);
  }

  pause() {
    this.playing = false;
    this.worker?.postMessage({ type: "pause" });
    this.setButtons(Boolean(this.run));
    if (this.run) this.el("lab-status").textContent = t().paused(this.run.steps);
  }

  // A panic, a lost device or a stalled GPU: say so, and start again on the
  // CPU (or, if the CPU itself failed, wait for Reset).
  recover(why, lead) {
    const wasWebgpu = this.run?.backend === "webgpu" ||
      (!this.run && this.options.backend === "webgpu");
    this.el("messages").replaceChildren(
      paragraph(lead ?? t().workerFailed(why)),
      paragraph(wasWebgpu ? t().restartedCpu : t().pressReset));
    if (wasWebgpu) {
      this.options.backend = "cpu";
      this.fallbackReason = "recovered";
      this.restart(true, "cpu");
      this.keepMessages = true;
    } else {
      this.worker?.terminate();
      clearInterval(this.watchdog);
      this.worker = null;
      this.run = null;
      this.playing = false;
      this.setButtons(false);
      this.button("reset").disabled = false;
    }
  }

  onMessage(message) {
    switch (message.type) {
      case "ready":
        this.ready(message);
        break;
      case "metrics":
        this.addMetrics(message);
        break;
      case "snapshot":
        this.lastCharts = message.charts;
        this.drawSamples(message.charts);
        break;
      case "device-lost":
        this.recover(message.message, t().deviceLost(message.message));
        break;
      case "error":
        this.recover(message.message);
        break;
    }
  }

  ready(message) {
    this.run = { backend: message.backend, losses: message.losses,
      headStart: message.settings.head_start, batch: message.settings.batch_size,
      history: {}, diverged: {}, steps: 0, speed: 0, atHeadStart: {} };
    message.losses.forEach((loss) => { this.run.history[loss] = new BoundedSeries(); });
    const reason = (t().reasons[message.reason] ?? (() => message.reason))(
      message.adapter, message.detail, message.measured);
    this.el("backend").textContent = message.backend === "webgpu"
      ? t().onWebgpu(message.adapter, reason)
      : t().onCpu(reason);
    console.info(`gan-gradients: ${this.figure.id} on ${message.backend}` +
      (message.adapter ? ` (${message.adapter})` : "") + `: ${message.reason}`);
    // Values the Rust module replaced: say so, and show the value it used.
    const notes = message.problems.map((problem) => {
      this.showDefault(problem);
      return paragraph(describeProblem(problem, this.figure.dataset.figure));
    });
    if (this.keepMessages) this.el("messages").append(...notes);
    else this.el("messages").replaceChildren(...notes);
    this.keepMessages = false;
    this.buildSampleCanvases(message.losses);
    this.el("lab-status").textContent = this.autoplay ? t().readyLab
      : (this.options.reducedMotion ? t().reducedMotion : t().readyLab);
    this.setButtons(true);
    this.dirty = true;
    if (this.autoplay) this.play();
    this.scheduleDraw();
    if (message.backend === "webgpu") this.watchStalls();
  }

  // Puts the value the module used back into its control.
  showDefault(problem) {
    if (problem.default === null || problem.default === undefined) return;
    const value = problem.parameter === "losses"
      ? problem.default.split(/,\s*/) : problem.default;
    this.setSettings({ [problem.parameter]: value });
  }

  watchStalls() {
    this.lastHeard = performance.now();
    this.watchdog = setInterval(() => {
      if (!this.playing) return;
      const seconds = (performance.now() - this.lastHeard) / 1000;
      if (seconds > STALL_SECONDS) {
        clearInterval(this.watchdog);
        this.recover("", t().stalled(Math.round(seconds)));
      }
    }, 1000);
  }

  addMetrics({ metrics, steps, stepsPerSecond }) {
    const run = this.run;
    if (!run) return;
    this.lastHeard = performance.now();
    const notes = [];
    run.losses.forEach((loss, i) => {
      if (run.diverged[loss] !== undefined) return;
      for (const m of metrics[i]) {
        const values = [m.grad_norm, m.loss_g, m.loss_d, m.d_fake];
        run.history[loss].push([m.step, m.grad_norm, m.loss_g, m.loss_d,
          m.d_fake]);
        if (!values.every(Number.isFinite)) {
          // This loss stops here; the others go on.
          run.diverged[loss] = m.step;
          this.worker?.postMessage({ type: "halt", index: i });
          notes.push(t().diverged(lossName(loss), m.step));
          break;
        }
        if (m.step === run.headStart) run.atHeadStart[loss] = m.grad_norm;
      }
    });
    if (notes.length) {
      this.el("messages").append(...notes.map(paragraph));
    }
    run.steps = steps;
    run.speed = stepsPerSecond;
    if (!this.playing) {
      this.el("lab-status").textContent = t().paused(steps);
    }
    if (Object.keys(run.diverged).length === run.losses.length) this.pause();
    this.dirty = true;
    this.scheduleDraw();
  }

  scheduleDraw() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      this.draw();
    });
  }

  draw() {
    const run = this.run;
    if (!this.dirty || !run) return;
    this.dirty = false;
    const chart = {
      head_start: run.headStart,
      series: run.losses.map((loss) => ({ loss,
        points: run.history[loss].all().map((m) => [m[0], m[1]]),
        diverged_at: run.diverged[loss] ?? null })),
    };
    try {
      drawWithCssomStyles(() => draw_gradient_chart(this.canvas, chart,
        dark.matches, document.documentElement.lang));
    } catch (error) {
      this.el("messages").append(paragraph(t().chartFailed(error)));
    }
    this.el("summary").textContent = this.summary();
    if (this.playing) {
      this.el("lab-status").textContent = t().training(run.steps,
        Math.round(run.speed), run.losses.length, run.batch);
    }
  }

  // The chart in words, for readers who cannot see it.
  summary() {
    const run = this.run;
    const parts = run.losses.map((loss) => {
      if (run.diverged[loss] !== undefined) {
        return `${lossName(loss)} ${t().divergedShort(run.diverged[loss])}`;
      }
      const last = run.history[loss].last;
      return `${lossName(loss)} ${last ? last[1].toExponential(2) : "–"}`;
    }).join(", ");
    let summary = t().summary(run.steps, parts);
    const ended = Object.entries(run.atHeadStart);
    if (ended.length) {
      summary += " " + t().atHeadStart(run.headStart, ended.map(([loss, v]) =>
        `${lossName(loss)} ${v.toExponential(2)}`).join(", "));
    }
    const mm = run.atHeadStart.minimax;
    const ns = run.atHeadStart.non_saturating;
    if (mm > 0 && ns > 0) {
      summary += " " + t().ratio(run.headStart, (ns / mm).toPrecision(3));
    }
    if (Object.keys(run.diverged).length) summary += " " + t().divergedMark;
    return summary;
  }

  buildSampleCanvases(losses) {
    const slot = this.figure.querySelector('[data-slot="samples"]');
    slot.replaceChildren(...losses.map((loss) => {
      const box = document.createElement("div");
      const title = document.createElement("h3");
      title.textContent = lossName(loss);
      const canvas = document.createElement("canvas");
      canvas.width = 380;
      canvas.height = 290;
      canvas.dataset.loss = loss;
      canvas.setAttribute("aria-label", t().samplesOf(lossName(loss)));
      const summary = document.createElement("p");
      summary.className = "chart-summary";
      box.append(title, canvas, summary);
      addChartTools(canvas, {
        name: `${this.figure.id || "lab"}-samples-${loss}`,
        summary,
        csv: () => this.samplesCsv(loss),
      });
      return box;
    }));
  }

  samplesCsv(loss) {
    const chart = this.lastCharts.find((c) => c.loss === loss);
    const dim = chart?.target.kind === "ring" ? 2 : 1;
    const rows = [];
    const samples = chart?.samples ?? [];
    for (let i = 0; i + dim <= samples.length; i += dim) {
      rows.push(samples.slice(i, i + dim));
    }
    return table_csv({ columns: dim === 2 ? ["x", "y"] : ["x"], rows });
  }

  // Samples charts are the heaviest drawings (the 2-D one shades a grid of
  // cells): skip a snapshot when drawing would take more than a fifth of the
  // main thread, and draw one chart per task, so that no task of the main
  // thread grows with the number of losses.
  drawSamples(charts, force = false) {
    const now = performance.now();
    if (!force &&
        now - (this.lastSamples ?? -Infinity) < 5 * (this.samplesMs ?? 0)) {
      return;
    }
    this.lastSamples = now;
    this.samplesMs = 0;
    const queue = [...charts];
    const next = () => {
      const chart = queue.shift();
      if (!chart) return;
      this.drawSampleChart(chart);
      if (queue.length) setTimeout(next, 0);
    };
    next();
  }

  drawSampleChart(chart) {
    const start = performance.now();
    const canvas = this.figure.querySelector(
      `canvas[data-loss="${chart.loss}"]`);
    if (!canvas) return;
    try {
      drawWithCssomStyles(() => draw_samples_chart(canvas, chart,
        dark.matches, document.documentElement.lang));
    } catch (error) {
      this.el("messages").append(paragraph(t().chartFailed(error)));
    }
    const summary = canvas.parentElement.querySelector(".chart-summary");
    if (summary) summary.textContent = samplesSummary(chart);
    this.samplesMs += performance.now() - start;
  }
}

// A samples chart in words: where the generator's samples lie.
function samplesSummary(chart) {
  const dim = chart.target.kind === "ring" ? 2 : 1;
  const xs = chart.samples.filter((_, i) => i % dim === 0);
  if (!xs.length) return "";
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
  return t().samplesSummary(xs.length, mean.toFixed(2), sd.toFixed(2));
}

// One live lab: a figure with its own training worker, controls, gradient
// chart and samples charts. The worker trains; this side keeps the history
// and asks the Rust module to draw it.
import { draw_gradient_chart, draw_samples_chart } from "./pkg/gan_gradients.js";
import { drawWithCssomStyles } from "./plotters-css.js";
import { PRESETS } from "./presets.js";
import { t } from "./i18n.js";

const dark = window.matchMedia("(prefers-color-scheme: dark)");

function requestedBackend() {
  const value = new URLSearchParams(location.search).get("backend");
  return value === "webgpu" || value === "cpu" ? value : "";
}

// A loss's name as the reader sees it.
function lossName(loss) {
  return t().losses?.[loss] ?? loss;
}

function paragraph(text) {
  const p = document.createElement("p");
  p.textContent = text;
  return p;
}

export class LabFigure {
  constructor(figure) {
    this.figure = figure;
    this.worker = null;
    this.run = null;
    this.playing = false;
    this.dirty = false;
    this.started = false;
    this.pausedByScroll = false;
    const template = document.getElementById("lab-template");
    figure.append(template.content.cloneNode(true));
    this.form = figure.querySelector("form");
    this.canvas = figure.querySelector(".gradient-chart");
    this.labelControls();
    this.buildPresets();
    this.applyPreset(figure.dataset.preset || "vanishing");
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
      .filter((name) => PRESETS[name]);
    const slot = this.figure.querySelector('[data-slot="presets"]');
    if (names.length < 2) {
      slot.remove();
      return;
    }
    for (const name of names) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = PRESETS[name].label;
      button.dataset.preset = name;
      button.addEventListener("click", () => {
        this.applyPreset(name);
        this.restart(true);
      });
      slot.append(button);
    }
  }

  applyPreset(name) {
    const preset = PRESETS[name] ?? PRESETS.vanishing;
    this.preset = name;
    this.setSettings(preset.settings);
    this.figure.querySelectorAll("[data-preset]").forEach((b) => {
      if (b !== this.figure) {
        b.setAttribute("aria-pressed", String(b.dataset.preset === name));
      }
    });
  }

  setSettings(settings) {
    for (const element of this.form.elements) {
      if (!element.name || !(element.name in settings)) continue;
      const value = settings[element.name];
      if (element.name === "losses") {
        element.checked = value.includes(element.value);
      } else if (element.type === "checkbox") {
        element.checked = Boolean(value);
      } else {
        element.value = String(value);
      }
    }
  }

  settings() {
    const data = new FormData(this.form);
    const number = (name) => Number(data.get(name));
    return {
      losses: data.getAll("losses"),
      head_start: number("head_start"),
      d_steps: number("d_steps"),
      lr_g: number("lr_g"),
      lr_d: number("lr_d"),
      seed: number("seed"),
      batch_size: number("batch_size"),
      width: number("width"),
      d_width: number("d_width"),
      input_noise: number("input_noise"),
      dropout: number("dropout"),
      target: data.get("target"),
      optimizer: data.get("optimizer"),
      activation: data.get("activation"),
      batch_norm: data.get("batch_norm") === "on",
      spectral_norm: data.get("spectral_norm") === "on",
      label_smoothing: data.get("label_smoothing") === "on",
    };
  }

  wire() {
    this.button("play").addEventListener("click", () => this.play());
    this.button("pause").addEventListener("click", () => this.pause());
    this.button("step").addEventListener("click", () => {
      this.worker?.postMessage({ type: "step", steps: 1 });
    });
    this.button("reset").addEventListener("click", () => this.restart(false));
    this.form.addEventListener("change", () => this.restart(false));
    dark.addEventListener("change", () => { this.dirty = true; });
    this.setButtons(false);
  }

  setButtons(ready) {
    this.button("play").disabled = !ready || this.playing;
    this.button("pause").disabled = !ready || !this.playing;
    this.button("step").disabled = !ready || this.playing;
    this.button("reset").disabled = !ready;
  }

  // First scrolled into view: start, and play.
  start() {
    if (this.started) return;
    this.started = true;
    this.restart(true);
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
    this.playing = false;
    this.run = null;
    this.autoplay = autoplay;
    this.setButtons(false);
    this.el("lab-status").textContent = t().starting;
    this.worker = new Worker(new URL("./worker.js", import.meta.url),
      { type: "module" });
    this.worker.onmessage = (event) => this.onMessage(event.data);
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.recover(event.message || "unknown error");
    };
    this.worker.postMessage({ type: "start", settings: this.settings(),
      requestedBackend: backendOverride ?? requestedBackend() });
  }

  play() {
    if (!this.run) return;
    this.playing = true;
    this.worker.postMessage({ type: "play" });
    this.setButtons(true);
  }

  pause() {
    this.playing = false;
    this.worker?.postMessage({ type: "pause" });
    this.setButtons(Boolean(this.run));
    if (this.run) this.el("lab-status").textContent = t().paused(this.run.steps);
  }

  // A panic or a lost device: say so, and start again on the CPU.
  recover(why) {
    const wasWebgpu = this.run?.backend === "webgpu";
    this.el("messages").replaceChildren(paragraph(t().workerFailed(why)),
      paragraph(wasWebgpu ? t().restartedCpu : t().pressReset));
    if (wasWebgpu) {
      this.restart(true, "cpu");
    } else {
      this.worker?.terminate();
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
        this.drawSamples(message.charts);
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
    message.losses.forEach((loss) => { this.run.history[loss] = []; });
    const reason = (t().reasons[message.reason] ?? (() => message.reason))(
      message.adapter, message.detail);
    this.el("backend").textContent = message.backend === "webgpu"
      ? t().onWebgpu(message.adapter, reason)
      : t().onCpu(reason);
    console.info(`gan-gradients: ${this.figure.id} on ${message.backend}` +
      (message.adapter ? ` (${message.adapter})` : "") + `: ${message.reason}`);
    this.el("messages").replaceChildren(...message.messages.map(paragraph));
    this.buildSampleCanvases(message.losses);
    this.el("lab-status").textContent = t().readyLab;
    this.setButtons(true);
    this.dirty = true;
    if (this.autoplay) this.play();
    this.scheduleDraw();
  }

  addMetrics({ metrics, steps, stepsPerSecond }) {
    const run = this.run;
    if (!run) return;
    const notes = [];
    run.losses.forEach((loss, i) => {
      if (run.diverged[loss] !== undefined) return;
      for (const m of metrics[i]) {
        const values = [m.grad_norm, m.loss_g, m.loss_d, m.d_fake];
        if (!values.every(Number.isFinite)) {
          run.diverged[loss] = m.step;
          notes.push(t().diverged(lossName(loss), m.step));
          break;
        }
        run.history[loss].push([m.step, m.grad_norm]);
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
      series: run.losses.map((loss) => ({ loss, points: run.history[loss],
        diverged_at: run.diverged[loss] ?? null })),
    };
    try {
      drawWithCssomStyles(() => draw_gradient_chart(this.canvas, chart,
        dark.matches, document.documentElement.lang));
    } catch (error) {
      this.el("messages").append(paragraph(t().chartFailed(error)));
    }
    const parts = run.losses.map((loss) => {
      const h = run.history[loss];
      const last = h[h.length - 1];
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
    this.el("summary").textContent = summary;
    if (this.playing) {
      this.el("lab-status").textContent = t().training(run.steps,
        Math.round(run.speed), run.losses.length, run.batch);
    }
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
      box.append(title, canvas);
      return box;
    }));
  }

  // Samples charts are the heaviest drawings (the 2-D one fills a grid of
  // cells): skip a snapshot when drawing would take more than a fifth of the
  // main thread.
  drawSamples(charts) {
    const now = performance.now();
    if (now - (this.lastSamples ?? -Infinity) < 5 * (this.samplesMs ?? 0)) {
      return;
    }
    this.lastSamples = now;
    for (const chart of charts) {
      const canvas = this.figure.querySelector(
        `canvas[data-loss="${chart.loss}"]`);
      if (!canvas) continue;
      try {
        drawWithCssomStyles(() => draw_samples_chart(canvas, chart,
          dark.matches, document.documentElement.lang));
      } catch (error) {
        this.el("messages").append(paragraph(t().chartFailed(error)));
      }
    }
    this.samplesMs = performance.now() - now;
  }
}

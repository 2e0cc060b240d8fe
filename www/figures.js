// The closed-form figures: each redraws from a slider, with numbers computed
// by the Rust module in f64 next to it.
import * as wasm from "./pkg/gan_gradients.js";
import { drawWithCssomStyles } from "./plotters-css.js";
import { addChartTools, fitCanvas } from "./chart-tools.js";
import { t } from "./i18n.js";

const dark = window.matchMedia("(prefers-color-scheme: dark)");

export function format(value, digits = 4) {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  return magnitude >= 1e-3 && magnitude < 1e4
    ? Number(value.toPrecision(digits)).toString()
    : value.toExponential(digits - 1);
}

function fillTable(table, rows) {
  table.tBodies[0].replaceChildren(...rows.map(([label, value]) => {
    const tr = document.createElement("tr");
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = label;
    const td = document.createElement("td");
    td.textContent = typeof value === "number" ? format(value, 7) : value;
    tr.append(th, td);
    return tr;
  }));
}

// A slider whose value a URL may set (already bounded by the parser), and
// whose changes are reported so that the URL follows.
function slider(figure, name, onInput, options) {
  const input = figure.querySelector(`[data-input="${name}"]`);
  if (options.values?.has(name)) input.value = String(options.values.get(name));
  // The value beside the slider, and for screen readers.
  const shown = document.createElement("output");
  shown.className = "slider-value";
  input.after(shown);
  const update = () => {
    const value = Number(input.value);
    shown.textContent = format(value, 3);
    input.setAttribute("aria-valuetext", shown.textContent);
    onInput(value);
  };
  input.addEventListener("input", update);
  input.addEventListener("change", () => options.onChange?.());
  dark.addEventListener("change", update);
  update();
  return input;
}

function draw(figure, fn, ...args) {
  const canvas = figure.querySelector("canvas");
  drawWithCssomStyles(() => fn(canvas, ...args, dark.matches,
    document.documentElement.lang));
}

// Charts of two panels side by side are drawn at least this wide (and scaled
// down to fit): narrower, their tick labels ran into each other at 360 px.
const TWO_PANELS = 720;

// A figure's chart gets a summary paragraph, CSV and PNG buttons, and a
// buffer that follows its width, down to minWidth. Returns the summary element.
function equipChart(figure, csv, redraw, minWidth) {
  const canvas = figure.querySelector("canvas");
  const summary = document.createElement("p");
  summary.className = "summary";
  const tools = addChartTools(canvas, { name: figure.id || "figure", summary,
    csv });
  tools.after(summary);
  fitCanvas(canvas, redraw, minWidth);
  return summary;
}

// The URL state of a figure made of sliders: each slider away from its
// default value.
function sliderState(figure) {
  return [...figure.querySelectorAll("[data-input]")]
    .filter((input) => input.value !== input.defaultValue)
    .map((input) => [input.dataset.input, input.value]);
}

function sliderValue(figure, key) {
  return figure.querySelector(`[data-input="${key}"]`)?.value;
}

const FIGURES = {
  sigmoid(figure, options) {
    let redraw = () => {};
    const summary = equipChart(figure, () => wasm.chart_csv("sigmoid", 0),
      () => redraw());
    summary.textContent = t().chartSummary.sigmoid(
      format(wasm.article_number("flat_beyond", 0), 3));
    slider(figure, "h", (h) => {
      redraw = () => draw(figure, wasm.draw_sigmoid_chart, h);
      redraw();
      const r = wasm.sigmoid_readout(h);
      figure.querySelector('[data-readout="sigmoid"]').textContent =
        `h = ${format(h, 3)}: σ(h) = ${format(r.sigma)}, ` +
        `σ′(h) = ${format(r.sigma_prime)}`;
    }, options);
  },

  costs(figure, options) {
    let redraw = () => {};
    const summary = equipChart(figure, () => wasm.chart_csv("costs", 0),
      () => redraw(), TWO_PANELS);
    slider(figure, "h", (h) => {
      redraw = () => draw(figure, wasm.draw_costs_chart, h);
      redraw();
      const r = wasm.costs_readout(h);
      figure.querySelector('[data-readout="costs"]').textContent =
        t().costsReadout(format(h, 3), format(r.d), format(r.minimax_slope),
          format(r.non_saturating_slope), format(r.maximum_likelihood_slope));
      summary.textContent = t().chartSummary.costs(format(h, 3),
        format(r.minimax_slope), format(r.non_saturating_slope));
    }, options);
  },

  derivation(figure, options) {
    const steps = [...figure.querySelectorAll("[data-step]")];
    const label = figure.querySelector('[data-readout="step"]');
    const table = figure.querySelector('[data-readout="derivation"]');
    let shown = Number(options.values?.get("step") ?? 1);
    let h = -6;
    const s = t().derivation;
    const rowsFor = (r) => [
      [s.sigma, r.sigma],
      [s.oneMinus, r.one_minus_sigma],
      [s.sigmaPrime, r.sigma_prime],
      [s.loss, r.loss],
      ...(shown >= 3 ? [[s.chain, r.chain_rule]] : []),
      ...(shown >= 5 ? [[s.simplified, r.simplified]] : []),
      [s.autodiff, r.autodiff],
      ...(shown >= 5 ? [[s.nonSat, r.non_saturating],
        [s.nonSatAutodiff, r.non_saturating_autodiff]] : []),
    ];
    const render = () => {
      steps.forEach((step, i) => {
        step.hidden = i >= shown;
        step.classList.toggle("current", i === shown - 1);
      });
      label.textContent = t().step(shown, steps.length);
      figure.querySelector('[data-action="previous"]').disabled = shown <= 1;
      figure.querySelector('[data-action="next"]').disabled =
        shown >= steps.length;
      fillTable(table, rowsFor(wasm.derivation_readout(h)));
    };
    const move = (delta) => {
      shown = Math.min(steps.length, Math.max(1, shown + delta));
      render();
      options.onChange?.();
    };
    figure.querySelector('[data-action="previous"]')
      .addEventListener("click", () => move(-1));
    figure.querySelector('[data-action="next"]')
      .addEventListener("click", () => move(1));
    figure.addEventListener("keydown", (event) => {
      if (event.target.matches("input")) return;
      if (event.key === "ArrowRight") { move(1); event.preventDefault(); }
      if (event.key === "ArrowLeft") { move(-1); event.preventDefault(); }
    });
    slider(figure, "h", (value) => { h = value; render(); }, options);
    return {
      state: () => [...sliderState(figure),
        ...(shown !== 1 ? [["step", shown]] : [])],
      valueOf: (key) => (key === "step" ? String(shown)
        : sliderValue(figure, key)),
    };
  },

  divergences(figure, options) {
    const table = figure.querySelector('[data-readout="divergences"]');
    const s = t().divergences;
    slider(figure, "mean", (mean) => {
      const r = wasm.optimal_readout(mean);
      fillTable(table, [[s.kl, r.kl_data_g], [s.klReverse, r.kl_g_data],
        [s.js, r.js], [s.cross, r.cross_entropy], [s.entropy, r.entropy_data],
        [s.w1, r.w1]]);
    }, options);
  },

  optimal(figure, options) {
    const table = figure.querySelector('[data-readout="optimal"]');
    const s = t().optimal;
    let mean = 0;
    const redraw = () => draw(figure, wasm.draw_optimal_chart, mean);
    const summary = equipChart(figure, () => wasm.chart_csv("optimal", mean),
      redraw, TWO_PANELS);
    slider(figure, "mean", (value) => {
      mean = value;
      redraw();
      const r = wasm.optimal_readout(mean);
      fillTable(table, [[s.value, r.value], [s.identity, r.identity],
        [s.js, r.js], [s.ln2, Math.LN2], [s.w1, r.w1]]);
      summary.textContent = t().chartSummary.optimal(format(mean, 3),
        format(r.js), format(r.value));
    }, options);
  },
};

// Starts a closed-form figure. options: values (a Map from the URL, already
// bounded), onChange. Returns what the page needs to keep the URL: state()
// as [key, value] pairs, and valueOf(key), the value in use.
export function startFigure(figure, options = {}) {
  const start = FIGURES[figure.dataset.figure];
  const controller = start?.(figure, options);
  return controller ?? {
    state: () => sliderState(figure),
    valueOf: (key) => sliderValue(figure, key),
  };
}

// Numbers quoted in the prose, computed by the module.
export function fillComputedNumbers() {
  for (const span of document.querySelectorAll(".computed")) {
    const value = wasm.article_number(span.dataset.compute,
      Number(span.dataset.arg ?? 0));
    span.textContent = format(value, Number(span.dataset.digits ?? 4));
  }
}

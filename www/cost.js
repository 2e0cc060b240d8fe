// Section 10's figure: one training step timed on the page's backend for
// several batch sizes and widths (in a worker, so the page stays smooth), and
// the memory the parameters, Adam's state and the activations take.
import { draw_step_time_chart, memory_estimate, table_csv }
  from "./pkg/gan_gradients.js";
import { drawWithCssomStyles } from "./plotters-css.js";
import { addChartTools, fitCanvas } from "./chart-tools.js";
import { format } from "./figures.js";
import { t } from "./i18n.js";

const dark = window.matchMedia("(prefers-color-scheme: dark)");

function kib(bytes) {
  return `${format(bytes / 1024, 4)} KiB`;
}

// options: backend ("" to choose, "cpu" or "webgpu").
export function startCostFigure(figure, options = {}) {
  const status = figure.querySelector('[data-readout="cost-status"]');
  const canvas = figure.querySelector("canvas");
  const table = figure.querySelector('[data-readout="memory"]');
  let series = [];

  const m = memory_estimate(256, 64);
  const s = t().memory;
  table.tBodies[0].replaceChildren(...[
    [s.params, `${m.parameters} ${t().floats} = ${kib(m.parameters * 4)}`],
    [s.adam, `${m.optimizer_state} ${t().floats} = ` +
      kib(m.optimizer_state * 4)],
    [s.activations, `${m.activations} ${t().floats} = ` +
      kib(m.activations * 4)],
    [s.total, kib((m.parameters + m.optimizer_state + m.activations) * 4)],
  ].map(([label, value]) => {
    const tr = document.createElement("tr");
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = label;
    const td = document.createElement("td");
    td.textContent = value;
    tr.append(th, td);
    return tr;
  }));

  const summary = document.createElement("p");
  summary.className = "summary";
  const tools = addChartTools(canvas, { name: figure.id || "cost", summary,
    csv: () => table_csv({ columns: ["width", "batch", "ms_per_step"],
      rows: series.flatMap((line) => line.points.map(([batch, ms]) =>
        [line.width, batch, ms])) }) });
  tools.after(summary);

  const redraw = () => {
    drawWithCssomStyles(() => draw_step_time_chart(canvas, { series },
      dark.matches, document.documentElement.lang));
    const n = series.reduce((count, line) => count + line.points.length, 0);
    summary.textContent = t().chartSummary.cost(n) + " " +
      series.map((line) => t().costLine(line.width, line.points.map(
        ([batch, ms]) => `${batch}: ${format(ms, 3)}`).join(", "))).join(" ");
  };
  dark.addEventListener("change", redraw);
  fitCanvas(canvas, redraw);

  const button = figure.querySelector('[data-action="measure"]');
  const measure = () => {
    // One measurement at a time: two would share the CPU and the chart.
    button.disabled = true;
    status.textContent = t().measuring;
    series = [];
    redraw();
    const worker = new Worker(new URL("./worker.js", import.meta.url),
      { type: "module" });
    worker.onmessage = ({ data }) => {
      if (data.type === "timing") {
        let line = series.find((entry) => entry.width === data.width);
        if (!line) {
          line = { width: data.width, points: [] };
          series.push(line);
        }
        line.points.push([data.batch, data.ms]);
        redraw();
      } else if (data.type === "measured") {
        status.textContent = t().measured(data.backend, data.adapter);
        worker.terminate();
        button.disabled = false;
      } else if (data.type === "error") {
        status.textContent = data.message;
        worker.terminate();
        button.disabled = false;
      }
    };
    worker.postMessage({ type: "measure",
      requestedBackend: options.backend ?? "" });
  };
  button.addEventListener("click", measure);
  measure();
  return { state: () => [], valueOf: () => undefined };
}

// What every chart carries besides its picture: a text summary for readers
// who cannot see it, its data as CSV, the picture as PNG, and a drawing
// buffer that follows the width of its box (an embed's iframe, a phone).
import { t } from "./i18n.js";

let counter = 0;

// Saves `blob` as `filename` through a temporary link: nothing leaves the
// page (a blob: URL is local), so the content security policy allows it.
export function download(filename, blob) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

function toolButton(label, onClick) {
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = label;
  button.addEventListener("click", onClick);
  return button;
}

// Adds the CSV and PNG buttons after `canvas`, and ties the canvas to its
// summary (`summary`, an element the caller fills) for assistive technology.
// csv: a function returning the chart's data as CSV text.
export function addChartTools(canvas, { name, summary, csv }) {
  const tools = document.createElement("div");
  tools.className = "chart-tools";
  tools.dataset.hide = "export";
  tools.append(
    toolButton(t().downloadCsv, () => download(`${name}.csv`,
      new Blob([csv()], { type: "text/csv" }))),
    toolButton(t().exportPng, () => canvas.toBlob((blob) => {
      if (blob) download(`${name}.png`, blob);
    }, "image/png")),
  );
  tools.querySelectorAll("button").forEach((button) => {
    button.dataset.export = button === tools.firstChild ? "csv" : "png";
  });
  if (summary) {
    counter += 1;
    summary.id ||= `chart-summary-${counter}`;
    summary.classList.add("chart-summary");
    canvas.setAttribute("aria-describedby", summary.id);
    canvas.setAttribute("role", "img");
  }
  canvas.after(tools);
  return tools;
}

// Charts narrower than this are drawn at this width and scaled down: below
// it, plotters' labels would crowd the axes.
const MIN_BUFFER_WIDTH = 480;

// Keeps the canvas's drawing buffer as wide as its box (the aspect ratio of
// its width and height attributes kept), and redraws when that changes:
// embeds resize with their iframe, and a phone gets a chart drawn for it
// rather than a scaled-down picture.
export function fitCanvas(canvas, redraw, minWidth = MIN_BUFFER_WIDTH) {
  const aspect = canvas.height / canvas.width;
  let drawnAt = canvas.width;
  const fit = (cssWidth) => {
    const width = Math.max(minWidth, Math.round(cssWidth));
    if (!cssWidth || width === drawnAt) return;
    drawnAt = width;
    canvas.width = width;
    canvas.height = Math.round(width * aspect);
    redraw();
  };
  new ResizeObserver((entries) => {
    for (const entry of entries) fit(entry.contentRect.width);
  }).observe(canvas);
}

// plotters, compiled to wasm, measures each label by appending a <span> whose
// font it sets with setAttribute("style", ...). The page's content security
// policy (style-src 'self') blocks style attributes, which leaves the labels
// mismeasured and floods the console with violations. Style set through the
// CSSOM is allowed, so while a chart draws, a "style" attribute is applied as
// style.cssText instead.
const setAttribute = Element.prototype.setAttribute;

function setAttributeViaCssom(name, value) {
  if (name === "style") {
    this.style.cssText = value;
    return;
  }
  setAttribute.call(this, name, value);
}

// Every chart is drawn through here, so this is also where the page marks
// its first chart for performance tools (and bench/run.mjs, which times
// navigation to first chart): performance.getEntriesByName(FIRST_CHART).
export const FIRST_CHART = "gan-gradients:first-chart";
let firstChartDrawn = false;

export function drawWithCssomStyles(draw) {
  Element.prototype.setAttribute = setAttributeViaCssom;
  try {
    return draw();
  } finally {
    Element.prototype.setAttribute = setAttribute;
    if (!firstChartDrawn) {
      firstChartDrawn = true;
      performance.mark(FIRST_CHART);
    }
  }
}

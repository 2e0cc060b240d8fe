// The article: fills the numbers quoted in the prose, reads the URL (which
// may name a figure and its settings), and starts each live figure when it
// first scrolls into view (labs also pause when they leave it). A change to a
// figure is written back to the address bar, so that the address is a link
// to what the reader sees.
import init from "./pkg/gan_gradients.js";
import { fillComputedNumbers } from "./figures.js";
import { createLiveFigure } from "./live.js";
import { absoluteUrl, pagePairs, readQuery, replaceUrl } from "./url-state.js";
import { chooseLanguage } from "./language.js";
import { t } from "./i18n.js";

// The URL's state of one figure: which figure, page-wide settings, then the
// figure's own.
function pairsFor(figure, query, controller) {
  return [["figure", figure.dataset.figure], ...pagePairs(query.values),
    ...controller.state()];
}

function watch(figures, query) {
  const controllers = new Map();
  const start = (figure) => {
    const named = figure.dataset.figure === query.figure;
    const controller = createLiveFigure(figure, {
      values: named ? query.values : pagePairsOnly(query.values),
      problems: named ? query.problems : [],
      onChange: (c) => replaceUrl(pairsFor(figure, query, c), `#${figure.id}`),
      linkFor: (c) => absoluteUrl(pairsFor(figure, query, c), `#${figure.id}`),
    });
    controllers.set(figure, controller);
    return controller;
  };
  const observer = new IntersectionObserver((entries) => {
    for (const { target, isIntersecting } of entries) {
      if (!controllers.has(target)) {
        if (!isIntersecting) continue;
        start(target);
      }
      const controller = controllers.get(target);
      if (!target.classList.contains("lab")) continue;
      if (isIntersecting) controller.shown();
      else controller.hidden();
    }
  }, { threshold: 0.15 });
  figures.forEach((figure) => observer.observe(figure));
}

// Every figure follows the page-wide backend; only the named one takes the
// rest of the URL.
function pagePairsOnly(values) {
  return new Map([...values].filter(([key]) => key === "backend"));
}

export async function main() {
  if (chooseLanguage()) return;
  const status = document.getElementById("status");
  await init();
  fillComputedNumbers();
  status.textContent = t().ready;
  status.hidden = true;
  const query = readQuery();
  const figures = [...document.querySelectorAll("figure.live")];
  const named = figures.find((f) => f.dataset.figure === query.figure);
  if ((query.figureGiven || query.problems.length) && !location.hash && named) {
    named.scrollIntoView();
  }
  watch(figures, query);
}

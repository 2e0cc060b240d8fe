// Wires the article to the Rust module: fills the numbers quoted in the
// prose, and starts each live figure when it first scrolls into view (labs
// also pause when they leave it).
import init from "./pkg/gan_gradients.js";
import { LabFigure } from "./lab.js";
import { fillComputedNumbers, startFigure } from "./figures.js";
import { startCostFigure } from "./cost.js";
import { chooseLanguage } from "./language.js";
import { t } from "./i18n.js";
import "./i18n-pt.js";

const status = document.getElementById("status");

function watch(figures) {
  const labs = new Map();
  const started = new Set();
  const observer = new IntersectionObserver((entries) => {
    for (const { target, isIntersecting } of entries) {
      if (target.classList.contains("lab")) {
        if (!labs.has(target)) {
          if (!isIntersecting) continue;
          labs.set(target, new LabFigure(target));
        }
        const lab = labs.get(target);
        if (isIntersecting) lab.shown();
        else lab.hidden();
      } else if (isIntersecting && !started.has(target)) {
        started.add(target);
        if (target.dataset.figure === "cost") startCostFigure(target);
        else startFigure(target);
      }
    }
  }, { threshold: 0.15 });
  figures.forEach((figure) => observer.observe(figure));
}

async function main() {
  if (chooseLanguage()) return;
  try {
    await init();
  } catch (error) {
    status.textContent = t().moduleFailed;
    status.classList.add("error");
    throw error;
  }
  fillComputedNumbers();
  status.textContent = t().ready;
  status.hidden = true;
  watch([...document.querySelectorAll("figure.live")]);
}

main();

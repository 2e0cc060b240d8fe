// Starts one live figure in the state a URL asked for, in the article or in
// an embed: the figure's own code draws it; this file applies the URL's
// values, says in the figure what was wrong with the URL, hides what the URL
// hides, and gives the figure its "copy link" control.
import { LabFigure } from "./lab.js";
import { startFigure } from "./figures.js";
import { startCostFigure } from "./cost.js";
import { describeProblem } from "./url-state.js";
import { t } from "./i18n.js";

const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");

// Groups of parts a URL can hide (hide=controls,caption); a lab control is
// hidden by its name (hide=seed). Hidden by CSS (style.css), so that parts
// built later (a lab's sample charts) are hidden too.
function applyHide(figure, hide) {
  figure.dataset.hidden = hide.join(" ");
  for (const name of hide) {
    // `name` comes from the parser's list of hideable parts, never raw.
    const control = figure.querySelector(`form [name="${name}"]`);
    const box = control?.closest(name === "losses" ? "fieldset" : "label");
    if (box) box.hidden = true;
  }
}

function paragraph(text) {
  const p = document.createElement("p");
  p.textContent = text;
  return p;
}

// The value that stands in for a page-wide parameter the URL got wrong.
function pageDefault(key, shownFigure, autoplay) {
  switch (key) {
    case "figure": return shownFigure;
    case "lang": return document.documentElement.lang;
    case "backend": return "auto";
    case "play": return autoplay ? "1" : "0";
    default: return undefined;
  }
}

function showProblems(figure, problems, controller, autoplay) {
  if (!problems.length) return;
  const box = document.createElement("div");
  box.className = "messages url-problems";
  box.dataset.readout = "url-problems";
  box.setAttribute("role", "alert");
  const kind = figure.dataset.figure;
  box.append(...problems.map((problem) => paragraph(describeProblem(problem,
    kind, pageDefault(problem.parameter, kind, autoplay) ??
      controller.valueOf?.(problem.parameter)))));
  figure.prepend(box);
}

// "Copy link": the clipboard where the browser allows it, and in any case the
// link itself in a read-only field, selected, so that it can be copied by
// hand (an iframe from another site may not write to the clipboard).
function addLinkTools(figure, linkFor, articleLink) {
  const bar = document.createElement("div");
  bar.className = "figure-links";
  const button = document.createElement("button");
  button.type = "button";
  button.dataset.action = "copy-link";
  button.textContent = t().copyLink;
  const field = document.createElement("input");
  field.type = "text";
  field.readOnly = true;
  field.hidden = true;
  field.setAttribute("aria-label", t().copyThis);
  field.dataset.readout = "link";
  const note = document.createElement("span");
  note.setAttribute("aria-live", "polite");
  button.addEventListener("click", async () => {
    const url = linkFor();
    field.value = url;
    field.hidden = false;
    field.select();
    try {
      await navigator.clipboard.writeText(url);
      note.textContent = t().copied;
    } catch {
      note.textContent = t().copyThis;
    }
  });
  bar.append(button);
  if (articleLink) {
    const link = document.createElement("a");
    link.className = "article-link";
    link.target = "_blank";
    link.rel = "noopener";
    link.textContent = t().fullArticle;
    link.href = articleLink();
    link.addEventListener("focus", () => { link.href = articleLink(); });
    link.addEventListener("pointerenter", () => { link.href = articleLink(); });
    bar.append(link);
  }
  bar.append(note, field);
  figure.append(bar);
}

// Starts `figure`. options: values and problems (from readQuery, for this
// figure; empty otherwise), template (a lab's markup, where the page has
// several languages), onChange(controller) after the reader changes it,
// linkFor(controller) and articleLink(controller) for the link controls.
// Returns the figure's controller; a lab is built but not started.
export function createLiveFigure(figure, options) {
  const values = options.values ?? new Map();
  const requested = values.get("backend");
  const backend = requested === "cpu" || requested === "webgpu"
    ? requested : "";
  const play = values.get("play");
  const autoplay = play ?? !reducedMotion.matches;
  let controller;
  const onChange = () => options.onChange?.(controller);
  if (figure.classList.contains("lab")) {
    controller = new LabFigure(figure, { values, backend, autoplay,
      reducedMotion: reducedMotion.matches, template: options.template,
      playParam: play === undefined ? undefined : (play ? "1" : "0"),
      onChange });
  } else if (figure.dataset.figure === "cost") {
    controller = startCostFigure(figure, { backend });
  } else {
    controller = startFigure(figure, { values, onChange });
  }
  applyHide(figure, values.get("hide") ?? []);
  showProblems(figure, options.problems ?? [], controller, autoplay);
  addLinkTools(figure, () => options.linkFor(controller),
    options.articleLink && (() => options.articleLink(controller)));
  return controller;
}

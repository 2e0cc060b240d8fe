// One live figure alone, for an iframe in someone else's page:
//   embed.html?figure=<id>&lang=pt&seed=3&hide=settings …
// The figure and the lab's markup come from templates that the build copies
// out of the article (scripts/render-article.mjs), in both languages.
import init from "./pkg/gan_gradients.js";
import { createLiveFigure } from "./live.js";
import { absoluteUrl, pagePairs, queryString, readQuery, replaceUrl }
  from "./url-state.js";
import { t } from "./i18n.js";

const ARTICLE = { en: "index.html", pt: "pt.html" };

export async function main() {
  await init();
  const query = readQuery();
  const lang = query.values.get("lang") === "pt" ? "pt" : "en";
  document.documentElement.lang = lang === "pt" ? "pt-BR" : "en";
  const template = document.getElementById(`figure-${lang}-${query.figure}`);
  const figure = template.content.firstElementChild.cloneNode(true);
  const status = document.getElementById("status");
  status.hidden = true;
  document.getElementById("embed").append(figure);
  const caption = figure.querySelector("figcaption")?.textContent.trim();
  if (caption) document.title = t().embedTitle(caption.split(/(?<=\.)\s/)[0]);

  const pairsFor = (controller) => [["figure", query.figure],
    ...pagePairs(query.values), ...controller.state()];
  const controller = createLiveFigure(figure, {
    values: query.values,
    problems: query.problems,
    template: document.getElementById(`lab-template-${lang}`),
    onChange: (c) => replaceUrl(pairsFor(c)),
    linkFor: (c) => absoluteUrl(pairsFor(c)),
    articleLink: (c) => ARTICLE[lang] + queryString(pairsFor(c)
      .filter(([key]) => key !== "lang")) + `#${figure.id}`,
  });
  if (figure.classList.contains("lab")) {
    // Train while the iframe is on screen in the embedding page.
    new IntersectionObserver(([entry]) => {
      if (entry.isIntersecting) controller.shown();
      else controller.hidden();
    }, { threshold: 0.15 }).observe(figure);
  }
}

// Loads the page's code (the article, or one embedded figure) and, if the
// module cannot load (a missing or blocked .wasm file, no WebAssembly), says
// so in the page with what the reader can do, instead of leaving it blank.
import { t } from "./i18n.js";
import "./i18n-pt.js";

const embed = document.body.dataset.page === "embed";

function showFailure(error) {
  if (embed && new URLSearchParams(location.search).get("lang") === "pt") {
    document.documentElement.lang = "pt-BR";
  }
  const status = document.getElementById("status");
  status.textContent = embed ? t().moduleFailedEmbed : t().moduleFailed;
  status.hidden = false;
  status.classList.add("error");
  console.warn("gan-gradients: the module failed to load:", error);
}

try {
  const page = await import(embed ? "./embed.js" : "./article.js");
  await page.main();
} catch (error) {
  showFailure(error);
}

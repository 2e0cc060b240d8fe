// The language switch. ?lang=pt or ?lang=en in the URL wins, and is
// remembered (in localStorage), as is a click on the switch. index.html is the
// default entry: without ?lang it follows the remembered choice, then the
// browser's language. pt.html, a page asked for by name, stays Portuguese
// unless the URL says ?lang=en.
const PAGES = { en: "index.html", pt: "pt.html" };
const KEY = "gan-gradients-lang";

function current() {
  return document.documentElement.lang.startsWith("pt") ? "pt" : "en";
}

function remember(lang) {
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // Storage may be disabled (private mode, sandboxed iframe): not fatal.
  }
}

function stored() {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

// Returns true when the page is about to be replaced by the other language.
export function chooseLanguage() {
  const params = new URLSearchParams(location.search);
  const asked = params.get("lang");
  let wanted = null;
  if (asked === "pt" || asked === "pt-BR") wanted = "pt";
  else if (asked === "en") wanted = "en";
  if (wanted) remember(wanted);
  else if (current() === "pt") wanted = "pt";
  else wanted = stored();
  if (!wanted) {
    wanted = (navigator.language || "").toLowerCase().startsWith("pt")
      ? "pt" : "en";
  }
  for (const link of document.querySelectorAll("[data-lang-switch]")) {
    link.addEventListener("click", () => remember(link.dataset.langSwitch));
    link.href = PAGES[link.dataset.langSwitch] + location.search
      .replace(/([?&])lang=[^&]*&?/, "$1").replace(/[?&]$/, "") + location.hash;
  }
  if (wanted !== current()) {
    params.delete("lang");
    const query = params.toString();
    location.replace(PAGES[wanted] + (query ? `?${query}` : "") +
      location.hash);
    return true;
  }
  return false;
}

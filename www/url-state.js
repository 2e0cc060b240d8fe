// What a URL asks of a figure, and the URL written back as the reader changes
// it. Parsing and bounds live in the Rust module (parameters.rs), one table
// for the URL, the embed and the controls; this file only carries the result
// to the page. Nothing read from a URL is ever written as HTML: values reach
// the page through form values and textContent.
import { parse_query } from "./pkg/gan_gradients.js";
import { t } from "./i18n.js";

// Parameters that belong to the page rather than to one figure's state, kept
// in the URL as they came.
const PAGE_KEYS = ["lang", "backend", "hide"];

export function readQuery(search = location.search) {
  const query = parse_query(search);
  return {
    figure: query.figure,
    figureGiven: query.figure_given,
    values: new Map(query.values),
    problems: query.problems,
  };
}

// A value as a URL writes it: lists with commas, switches as 1 or 0.
export function encodeValue(value) {
  if (Array.isArray(value)) return value.join(",");
  if (typeof value === "boolean") return value ? "1" : "0";
  return String(value);
}

// A query string from [key, value] pairs, readable (commas left as they are).
export function queryString(pairs) {
  const text = pairs.map(([key, value]) => `${encodeURIComponent(key)}=` +
    encodeURIComponent(encodeValue(value)).replace(/%2C/g, ","))
    .join("&");
  return text ? `?${text}` : "";
}

// The page-wide values of a query, as pairs to carry into a new URL.
export function pagePairs(values) {
  return PAGE_KEYS.filter((key) => values.has(key))
    .map((key) => [key, values.get(key)]);
}

// Replaces the address bar's URL without a reload or a history entry.
export function replaceUrl(pairs, hash = "") {
  const url = (queryString(pairs) || location.pathname) + hash;
  try {
    history.replaceState(history.state, "", url);
  } catch {
    // A sandboxed frame may refuse; the link button still shows the state.
  }
}

// An absolute URL of this page with the given query, for copying.
export function absoluteUrl(pairs, hash = "") {
  return new URL(location.pathname + queryString(pairs) + hash,
    location.href).href;
}

// The values a parameter takes, for a message about a bad one: every one of
// them (figures, presets, losses: at most 18 today), cut only past 20.
function shortList(ids) {
  return ids.length <= 20 ? ids.join(", ") : `${ids.slice(0, 20).join(", ")}, …`;
}

// One problem as a sentence in the page's language. `fallback` supplies the
// value used instead where the parser could not know it (a lab's default
// depends on its preset).
export function describeProblem(problem, figure, fallback) {
  const sentences = t().problems;
  const filled = { ...problem,
    default: problem.default ?? fallback ?? t().nothing };
  const sentence = sentences[problem.reason];
  if (!sentence) return `${problem.parameter}: ${problem.reason}`;
  return sentence(filled, figure, shortList(problem.choices ?? []));
}

// Typesets the article's maths at build time: every \( … \) and \[ … \] in
// www/src/*.html becomes KaTeX's MathML output (never its HTML output, whose
// inline styles the page's content security policy forbids), written to
// www/index.html (English) and www/pt.html (Portuguese). A formula KaTeX
// cannot parse fails the build instead of reaching the reader as raw LaTeX.
//
// It then writes www/embed.html, the page that shows one figure alone in an
// iframe: every live figure of both articles, and the lab's markup, copied
// into templates, so that an embed and the article can never drift apart.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import katex from "katex";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..",
  "www");
const PAGES = { "en.html": "index.html", "pt.html": "pt.html" };
const MATH = /\\\[([\s\S]+?)\\\]|\\\(([\s\S]+?)\\\)/g;

function typeset(html, file) {
  let count = 0;
  const out = html.replace(MATH, (match, display, inline) => {
    count += 1;
    const tex = (display ?? inline).trim();
    try {
      return katex.renderToString(tex, {
        output: "mathml",
        displayMode: display !== undefined,
        throwOnError: true,
        strict: "error",
      });
    } catch (error) {
      throw new Error(`${file}: cannot typeset ${match}: ${error.message}`);
    }
  });
  if (/\sstyle="/.test(out)) {
    throw new Error(`${file}: the output has a style attribute, which the ` +
      "content security policy would block");
  }
  return { out, count };
}

const LIVE_FIGURE = /<figure class="live[\s"][\s\S]*?<\/figure>/g;
const LAB_TEMPLATE = /<template id="lab-template">([\s\S]*?)<\/template>/;

// The article's live figures as templates named figure-<lang>-<id>, and its
// lab markup as lab-template-<lang>.
function embedTemplates(html, lang, file) {
  const templates = [];
  for (const figure of html.match(LIVE_FIGURE) ?? []) {
    const id = /data-figure="([a-z_]+)"/.exec(figure)?.[1];
    if (!id) throw new Error(`${file}: a live figure without data-figure`);
    templates.push(`<template id="figure-${lang}-${id}">${figure}</template>`);
  }
  const lab = LAB_TEMPLATE.exec(html);
  if (!lab) throw new Error(`${file}: no lab template`);
  templates.push(`<template id="lab-template-${lang}">${lab[1]}</template>`);
  return templates;
}

const templates = [];
for (const [source, target] of Object.entries(PAGES)) {
  const file = path.join(root, "src", source);
  if (!fs.existsSync(file)) {
    throw new Error(`missing ${file}`);
  }
  const { out, count } = typeset(fs.readFileSync(file, "utf8"), source);
  fs.writeFileSync(path.join(root, target), out);
  console.log(`${source} → www/${target}: ${count} formulas as MathML`);
  templates.push(...embedTemplates(out, source.slice(0, 2), source));
}

const shell = fs.readFileSync(path.join(root, "src", "embed.html"), "utf8");
const marker = /<!-- figures:[\s\S]*?-->/;
if (!marker.test(shell)) throw new Error("embed.html: no figures marker");
fs.writeFileSync(path.join(root, "embed.html"),
  shell.replace(marker, templates.join("\n")));
console.log(`src/embed.html → www/embed.html: ${templates.length} templates`);

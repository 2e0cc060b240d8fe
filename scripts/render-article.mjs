// Typesets the article's maths at build time: every \( … \) and \[ … \] in
// www/src/*.html becomes KaTeX's MathML output (never its HTML output, whose
// inline styles the page's content security policy forbids), written to
// www/index.html (English) and www/pt.html (Portuguese). A formula KaTeX
// cannot parse fails the build instead of reaching the reader as raw LaTeX.
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

for (const [source, target] of Object.entries(PAGES)) {
  const file = path.join(root, "src", source);
  if (!fs.existsSync(file)) {
    throw new Error(`missing ${file}`);
  }
  const { out, count } = typeset(fs.readFileSync(file, "utf8"), source);
  fs.writeFileSync(path.join(root, target), out);
  console.log(`${source} → www/${target}: ${count} formulas as MathML`);
}

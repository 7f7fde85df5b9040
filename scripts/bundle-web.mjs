#!/usr/bin/env node
// bundle-web.mjs — a deliberately small ES-module bundler for dkimcheck's own
// code, plus the assembly of the two self-contained outputs:
//
//   node scripts/bundle-web.mjs DIST
//     DIST/dkimcheck.html   the whole page in one file (script, wasm, worker, styles)
//     DIST/dkim-check.js    the <dkim-check> widget in one classic script
//
// It expects DIST to hold the assembled served build (index.html, css/, js/,
// pkg/ with dkimcheck.js and dkimcheck_bg.wasm). The bundler understands the
// import/export forms used in www/js and in wasm-bindgen's output:
//   import X from, import * as X from, import {a, b as c} from, import X, {…} from,
//   import X from './file.css' (becomes a string),
//   export function|async function|class|const|let NAME, export default NAME|function NAME,
//   export { a, b as c }, export { a, b } from './file.js' (as @fluent/bundle's ESM has), export {}.
// Each module is wrapped in a function scope; its exports are returned as an object.

import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, resolve, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { realpathSync } from 'node:fs';

const IMPORT_RE = /^import\s+([\s\S]*?)\s+from\s+['"]([^'"]+)['"];?[ \t]*$/gm;
const REEXPORT_RE = /^export\s+\{([^}]*)\}\s+from\s+['"]([^'"]+)['"];?[ \t]*$/gm;

/** `export { a, b as c } from './x.js'` → an import of a and b, and `export { a, b as c }`. */
function splitReexports(src) {
  return src.replace(REEXPORT_RE, (_, list, spec) => {
    const names = list.split(',').map((s) => s.trim()).filter(Boolean);
    const locals = names.map((n) => n.split(/\s+as\s+/)[0]);
    return `import { ${locals.join(', ')} } from '${spec}';\nexport { ${names.join(', ')} };`;
  }).replace(/^export\s+\{\s*\};?[ \t]*$/gm, '');
}

/** Bundle `entry` (an ES module path) into a classic-script string. */
export function bundle(entry) {
  const order = [];
  const ids = new Map();
  const parsed = new Map();

  function visit(file) {
    if (ids.has(file)) return ids.get(file);
    ids.set(file, null); // cycle guard
    const src = splitReexports(readFileSync(file, 'utf8'));
    if (file.endsWith('.css')) {
      parsed.set(file, { css: src });
    } else {
      const imports = [];
      const body = src.replace(IMPORT_RE, (_, clause, spec) => {
        const dep = resolve(dirname(file), spec);
        imports.push({ clause: clause.trim(), dep });
        return '';
      });
      for (const imp of imports) visit(imp.dep);
      parsed.set(file, { body, imports });
    }
    const id = `__m${order.length}`;
    ids.set(file, id);
    order.push(file);
    return id;
  }
  visit(resolve(entry));

  let out = '';
  for (const file of order) {
    const id = ids.get(file);
    const p = parsed.get(file);
    const label = relative(process.cwd(), file);
    if (p.css !== undefined) {
      out += `// ${label}\nconst ${id} = { default: ${JSON.stringify(p.css)} };\n`;
      continue;
    }
    let code = '';
    for (const { clause, dep } of p.imports) {
      const depId = ids.get(dep);
      // Split "X, {a, b}" / "X, * as ns" into default and the rest.
      let rest = clause;
      const m = clause.match(/^([A-Za-z_$][\w$]*)\s*(?:,\s*([\s\S]*))?$/);
      if (m) {
        code += `const ${m[1]} = ${depId}.default;\n`;
        rest = m[2] || '';
      }
      rest = rest.trim();
      if (rest.startsWith('* as ')) code += `const ${rest.slice(5).trim()} = ${depId};\n`;
      else if (rest.startsWith('{')) {
        const names = rest.slice(1, rest.lastIndexOf('}')).split(',').map((s) => s.trim()).filter(Boolean)
          .map((s) => s.replace(/^([\w$]+)\s+as\s+([\w$]+)$/, '$1: $2'));
        code += `const { ${names.join(', ')} } = ${depId};\n`;
      }
    }
    const exports = [];
    let body = p.body;
    body = body.replace(/^export\s+\{([^}]*)\};?/gm, (_, list) => {
      for (const part of list.split(',').map((s) => s.trim()).filter(Boolean)) {
        const am = part.match(/^([\w$]+)\s+as\s+([\w$]+)$/);
        exports.push(am ? `${am[2]}: ${am[1]}` : part);
      }
      return '';
    });
    body = body.replace(/^export\s+default\s+((?:async\s+)?function\*?\s+([\w$]+)|class\s+([\w$]+))/gm, (_, decl, fn, cls) => {
      exports.push(`default: ${fn || cls}`);
      return decl;
    });
    body = body.replace(/^export\s+default\s+([\w$]+);?/gm, (_, name) => { exports.push(`default: ${name}`); return ''; });
    body = body.replace(/^export\s+((?:async\s+)?function\*?|class|const|let|var)\s+([\w$]+)/gm, (_, kw, name) => {
      exports.push(name);
      return `${kw} ${name}`;
    });
    if (/^export\s/m.test(body)) throw new Error(`${label}: unsupported export form`);
    body = body.replace(/import\.meta\.url/g, '(globalThis.location ? globalThis.location.href : "")');
    out += `// ${label}\nconst ${id} = (function () {\n${code}${body}\nreturn { ${exports.join(', ')} };\n})();\n`;
  }
  return `(function () {\n'use strict';\n${out}})();\n`;
}

/** Make text safe inside an HTML <script> element. */
function scriptSafe(text) {
  return text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

function sha256(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** dist/dkimcheck.html: everything inlined, works from file://. */
function singleFile(dist, wasmB64) {
  const workerJs = scriptSafe(bundle(join(dist, 'js/verify/worker.js')));
  const appJs = scriptSafe(
    `globalThis.__DKIMCHECK_EMBED__ = {\n  wasmBase64: () => document.getElementById('dkimcheck-wasm').textContent,\n  workerSource: () => document.getElementById('dkimcheck-worker').textContent,\n  singleFile: true,\n};\n` +
    bundle(join(dist, 'js/app.js')));
  const css = readFileSync(join(dist, 'css/report.css'), 'utf8') + '\n' + readFileSync(join(dist, 'css/style.css'), 'utf8');
  let html = readFileSync(join(dist, 'index.html'), 'utf8');
  const csp = `default-src 'none'; script-src ${sha256(appJs)} 'wasm-unsafe-eval'; worker-src blob:; style-src ${sha256(css)}; img-src data:; connect-src 'none'; font-src 'none'; object-src 'none'; media-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'`;
  html = html.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
  html = html.replace(/<link rel="stylesheet" href="css\/report.css">\n<link rel="stylesheet" href="css\/style.css">/, () => `<style>${css}</style>`);
  html = html.replace(/<script type="module" src="js\/app.js"><\/script>/, () =>
    `<script type="application/octet-stream" id="dkimcheck-wasm">${wasmB64}</script>\n` +
    `<script type="text/plain" id="dkimcheck-worker">${workerJs}</script>\n` +
    `<script>${appJs}</script>`);
  if (!html.includes('dkimcheck-worker') || !html.includes('<style>')) throw new Error('index.html did not have the expected link/script tags');
  writeFileSync(join(dist, 'dkimcheck.html'), html);
}

/** dist/dkim-check.js: the widget as one classic script with the wasm inside. */
function widget(dist, wasmB64) {
  const js = `/* <dkim-check> — DKIM verification widget from dkimcheck. Runs entirely in the browser. */\n` +
    `globalThis.__DKIMCHECK_EMBED__ = globalThis.__DKIMCHECK_EMBED__ || { wasmBase64: () => ${JSON.stringify(wasmB64)} };\n` +
    bundle(join(dist, 'widget.js'));
  writeFileSync(join(dist, 'dkim-check.js'), js);
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  const dist = resolve(process.argv[2] || 'dist');
  const wasmB64 = readFileSync(join(dist, 'pkg/dkimcheck_bg.wasm')).toString('base64');
  writeFileSync(join(dist, 'js/verify/wasm-data.js'), `// Generated by scripts/bundle-web.mjs: the verifier wasm, base64.\nexport default "${wasmB64}";\n`);
  singleFile(dist, wasmB64);
  widget(dist, wasmB64);
  console.log(`bundled: ${join(dist, 'dkimcheck.html')}, ${join(dist, 'dkim-check.js')}`);
}

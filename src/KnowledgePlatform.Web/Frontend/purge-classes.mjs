// Drops Utrecht selectors that name a class no template uses. The Utrecht component CSS ships
// every appearance and state (danger, ready, warning buttons, ...), which would triple the
// page weight. A template keeps a class by naming it in full: `utrecht-button--secondary-action`
// is found, `utrecht-button--@appearance` is not. Our own kp-* classes are never dropped.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

const skipDirs = new Set(['bin', 'obj', 'node_modules', '.git']);

// Every utrecht-* class named in the Razor files under root and in the given extra files.
export async function findUsedClasses(root, extraFiles = []) {
  const used = new Set();
  const scan = (text) => { for (const m of text.matchAll(/utrecht-[\w-]+/g)) used.add(m[0]); };
  for (const file of [...(await razorFiles(root)), ...extraFiles]) scan(await readFile(file, 'utf8'));
  return used;
}

async function razorFiles(dir) {
  const files = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && !skipDirs.has(entry.name)) files.push(...(await razorFiles(full)));
    else if (entry.isFile() && entry.name.endsWith('.cshtml')) files.push(full);
  }
  return files;
}

export function purgeUnusedClasses(css, used) {
  const keep = (selector) => {
    // Classes inside :not(), :is(), :where(), :has() do not have to match; ignore them.
    let outer = selector;
    for (let prev; prev !== outer;) { prev = outer; outer = outer.replace(/\([^()]*\)/g, ''); }
    return Array.from(outer.matchAll(/\.(utrecht-[\w-]+)/g)).every((m) => used.has(m[1]));
  };
  return purgeRules(css.replace(/\/\*[\s\S]*?\*\//g, ''), keep);
}

function purgeRules(css, keep) {
  let out = '';
  let i = 0;
  while (i < css.length) {
    const open = css.indexOf('{', i);
    const semi = css.indexOf(';', i);
    if (open < 0) return out + css.slice(i);
    if (semi >= 0 && semi < open) { out += css.slice(i, semi + 1); i = semi + 1; continue; }
    const close = matchingBrace(css, open);
    const prelude = css.slice(i, open).trim();
    const body = css.slice(open + 1, close);
    if (/^@(media|supports|layer|container)\b/.test(prelude)) {
      out += `${prelude} {${purgeRules(body, keep)}}\n`;
    } else if (prelude.startsWith('@')) {
      out += `${prelude} {${body}}\n`;
    } else {
      const selectors = splitTopLevel(prelude).filter(keep);
      if (selectors.length) out += `${selectors.join(', ')} {${body}}\n`;
    }
    i = close + 1;
  }
  return out;
}

function matchingBrace(css, open) {
  let depth = 0;
  let quote = '';
  for (let k = open; k < css.length; k++) {
    const c = css[k];
    if (quote) { if (c === quote && css[k - 1] !== '\\') quote = ''; }
    else if (c === '"' || c === "'") quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return k;
  }
  throw new Error(`Unbalanced braces in CSS at offset ${open}`);
}

function splitTopLevel(selectorList) {
  const parts = [];
  let depth = 0, start = 0;
  for (let k = 0; k < selectorList.length; k++) {
    const c = selectorList[k];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) { parts.push(selectorList.slice(start, k).trim()); start = k + 1; }
  }
  parts.push(selectorList.slice(start).trim());
  return parts;
}

// Shrinks a bundled stylesheet that carries the whole Utrecht token set. Utrecht components
// read tokens through long fallback chains, e.g. var(--a, var(--b, var(--c))); with every
// token known at build time most of each chain is dead. Three passes, all semantics-preserving
// for a site that declares custom properties only in its bundled CSS (not in inline styles):
//  0. drop a :root declaration that a later :root block declares again (our theme mapping);
//  1. var(--x, fallback) -> var(--x)  when :root always gives --x a valid value;
//  2. var(--x, fallback) -> fallback  when nothing declares --x at all;
//  3. drop declarations of custom properties that no var() reads (repeated to a fixpoint).
// --kp-* are the documented theme knobs and always stay.

const declarationRe = /(?<=[{;\s])(--[\w-]+)\s*:((?:[^;{}"']|"[^"]*"|'[^']*')*)(?:;+|(?=}))/g;

export function slimTokens(css) {
  css = dropOverriddenRootDeclarations(css);
  const declared = new Set(Array.from(css.matchAll(declarationRe), (m) => m[1]));
  const defined = rootDefined(css);
  return pruneUnread(simplifyVars(css, declared, defined));
}

// Custom properties that :root declares outside any at-rule and whose value does not depend
// on an undefined property without a fallback.
function rootDefined(css) {
  const refs = new Map();
  for (const block of topLevelBlocks(css)) {
    if (!isRoot(block)) continue;
    for (const [, name, value] of block.body.matchAll(declarationRe)) {
      const bare = Array.from(value.matchAll(/var\(\s*(--[\w-]+)\s*\)/g), (m) => m[1]);
      refs.set(name, [...(refs.get(name) ?? []), ...bare]);
    }
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const [name, deps] of refs) {
      if (deps.some((d) => !refs.has(d))) { refs.delete(name); changed = true; }
    }
  }
  return new Set(refs.keys());
}

const isRoot = (block) => block.selector.split(',').some((s) => s.trim() === ':root');

function dropOverriddenRootDeclarations(css) {
  const blocks = Array.from(topLevelBlocks(css));
  const later = new Set();
  let out = css;
  for (const block of blocks.reverse()) {
    if (!isRoot(block)) continue;
    const names = Array.from(block.body.matchAll(declarationRe), (m) => m[1]);
    const body = block.body.replace(declarationRe, (all, name) => (later.has(name) ? '' : all));
    out = out.slice(0, block.open + 1) + body + out.slice(block.close);
    names.forEach((n) => later.add(n));
  }
  return out;
}

// Top-level rules with their offsets; blocks come in source order.
function* topLevelBlocks(css) {
  let depth = 0, start = 0, open = -1;
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (c === '{') { if (depth++ === 0) open = i; }
    else if (c === '}') {
      if (--depth === 0) {
        yield { selector: css.slice(start, open).trim(), body: css.slice(open + 1, i), open, close: i };
        start = i + 1;
      }
    } else if (c === ';' && depth === 0) start = i + 1;
  }
}

function simplifyVars(text, declared, defined) {
  let out = '';
  let i = 0;
  for (;;) {
    const j = text.indexOf('var(', i);
    if (j < 0) return out + text.slice(i);
    let depth = 0, comma = -1, k = j + 3;
    for (; k < text.length; k++) {
      const c = text[k];
      if (c === '(') depth++;
      else if (c === ')' && --depth === 0) break;
      else if (c === ',' && depth === 1 && comma < 0) comma = k;
    }
    const name = text.slice(j + 4, comma < 0 ? k : comma).trim();
    const fallback = comma < 0 ? '' : text.slice(comma + 1, k).trim();
    let replacement;
    if (!fallback || defined.has(name)) replacement = `var(${name})`;
    else if (!declared.has(name)) replacement = simplifyVars(fallback, declared, defined);
    else replacement = `var(${name}, ${simplifyVars(fallback, declared, defined)})`;
    if (comma >= 0 && !fallback) replacement = text.slice(j, k + 1);
    out += text.slice(i, j) + replacement;
    i = k + 1;
  }
}

function pruneUnread(text) {
  for (;;) {
    const read = new Set(Array.from(text.matchAll(/var\(\s*(--[\w-]+)/g), (m) => m[1]));
    const next = text.replace(declarationRe, (all, name) =>
      name.startsWith('--kp-') || read.has(name) ? all : '');
    if (next === text) return text;
    text = next;
  }
}

// Search enhancements (progressive: /zoeken and the header box work as plain GET forms without this).
// 1. Autocomplete on every search box: the WAI-ARIA 1.2 combobox pattern over /api/v1/search/suggest.
// 2. /zoeken updates in place: results, facets and count are fetched as HTML and swapped in,
//    the address follows (history), and the count is announced by the page's role="status".

const TYPE_LABELS = {
  event: 'Bijeenkomst', workshop: 'Werkbijeenkomst', meetingReport: 'Verslag', dossier: 'Dossier',
  dossierArticle: 'Artikel', newsletterIssue: 'Nieuwsbrief', person: 'Persoon', theme: 'Thema', region: 'Regio',
};

const debounce = (fn, ms) => {
  let timer;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
};

let comboboxes = 0;
const IN_PLACE_TIMEOUT_MS = 10_000;

function enhanceCombobox(input) {
  const id = `kp-suggest-${++comboboxes}`;
  const list = document.createElement('ul');
  list.id = id;
  list.className = 'kp-suggest';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Suggesties');
  list.hidden = true;
  const status = document.createElement('div');
  status.className = 'kp-visually-hidden';
  status.setAttribute('role', 'status');
  input.after(list, status);
  // The list is placed under the box's own container: on /zoeken the form also holds the facets,
  // so under the form would put it far below the box.
  input.parentElement.classList.add('kp-has-suggest');
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', id);
  input.setAttribute('autocomplete', 'off');

  let options = [];
  let active = -1;
  let pending;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const highlight = (index) => {
    options.forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    active = index;
    if (index < 0) input.removeAttribute('aria-activedescendant');
    else {
      input.setAttribute('aria-activedescendant', options[index].id);
      options[index].scrollIntoView({ block: 'nearest' });
    }
  };

  const show = (suggestions) => {
    list.replaceChildren();
    options = suggestions.map((s, i) => {
      const option = document.createElement('li');
      option.id = `${id}-${i}`;
      option.className = 'kp-suggest__option';
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.dataset.url = s.url;
      const type = document.createElement('span');
      type.className = 'kp-suggest__type';
      type.textContent = ` · ${TYPE_LABELS[s.type] ?? s.type}`;
      option.append(s.label, type);
      // mousedown, not click: the input's blur would close the list before the click lands.
      option.addEventListener('mousedown', (event) => { event.preventDefault(); location.assign(s.url); });
      return option;
    });
    list.append(...options);
    active = -1;
    if (options.length === 0) { close(); status.textContent = ''; return; }
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    status.textContent = options.length === 1 ? '1 suggestie' : `${options.length} suggesties`;
  };

  const suggest = debounce(async () => {
    const q = input.value.trim();
    pending?.abort();
    if (q.length < 2) { show([]); return; }
    pending = new AbortController();
    try {
      const response = await fetch(`/api/v1/search/suggest?q=${encodeURIComponent(q)}`, { signal: pending.signal, headers: { Accept: 'application/json' } });
      if (response.ok && input.value.trim() === q) show(await response.json());
    } catch (error) {
      if (error.name !== 'AbortError') show([]);
    }
  }, 150);

  input.addEventListener('input', suggest);
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (event) => {
    const open = !list.hidden && options.length > 0;
    if (event.key === 'ArrowDown' && options.length > 0) {
      event.preventDefault();
      if (list.hidden) { list.hidden = false; input.setAttribute('aria-expanded', 'true'); }
      highlight((active + 1) % options.length);
    } else if (event.key === 'ArrowUp' && open) {
      event.preventDefault();
      highlight(active <= 0 ? options.length - 1 : active - 1);
    } else if (event.key === 'Enter' && open && active >= 0) {
      event.preventDefault();
      location.assign(options[active].dataset.url);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      close();
    }
  });
}

// /zoeken: every part marked data-kp-search-part is replaced by the same part of the fetched page.
function enhanceSearchPage(form) {
  const status = document.querySelector('[data-kp-search-status]');
  let pending;

  const urlFor = () => {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (typeof value === 'string' && (value !== '' || name === 'q')) params.append(name, value);
    }
    return `${form.action}?${params}`;
  };

  const load = async (url, how) => {
    pending?.abort();
    pending = new AbortController();
    let html;
    try {
      // A fetch that does not answer in time becomes a normal page load (the catch below), so the
      // reader is never left with a page that silently ignores the filter just chosen.
      const signal = AbortSignal.any // Safari < 17.4 lacks it: there the fetch simply waits
        ? AbortSignal.any([pending.signal, AbortSignal.timeout(IN_PLACE_TIMEOUT_MS)])
        : pending.signal;
      const response = await fetch(url, { signal, headers: { Accept: 'text/html' } });
      if (!response.ok) { location.assign(url); return; }
      html = await response.text();
    } catch (error) {
      if (error.name !== 'AbortError') location.assign(url);
      return;
    }
    const next = new DOMParser().parseFromString(html, 'text/html');
    const focused = document.activeElement?.id;
    for (const part of document.querySelectorAll('[data-kp-search-part]')) {
      const fresh = next.querySelector(`[data-kp-search-part="${part.dataset.kpSearchPart}"]`);
      if (fresh) part.replaceWith(document.adoptNode(fresh));
    }
    // Only the text changes, so screen readers announce the new count.
    const freshStatus = next.querySelector('[data-kp-search-status]');
    if (status && freshStatus) status.textContent = freshStatus.textContent;
    document.title = next.title;
    if (how === 'push') history.pushState({ kpSearch: true }, '', url);
    else if (how === 'replace') history.replaceState({ kpSearch: true }, '', url);
    if (focused && document.activeElement?.id !== focused) document.getElementById(focused)?.focus();
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load(urlFor(), 'push');
  });
  form.addEventListener('change', (event) => {
    if (event.target.name && event.target.name !== 'q') load(urlFor(), 'push');
  });
  const input = form.querySelector('input[name="q"]');
  input?.addEventListener('input', debounce(() => load(urlFor(), 'replace'), 300));
  document.addEventListener('click', (event) => {
    const link = event.target.closest?.('[data-kp-search-part="pages"] a[href]');
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    load(link.href, 'push').then(() => document.querySelector('[data-kp-search-part="results"]')?.scrollIntoView());
  });
  addEventListener('popstate', () => {
    const q = new URL(location.href).searchParams.get('q') ?? '';
    if (input) input.value = q;
    load(location.href, 'none');
  });
  form.classList.add('kp-search-live');
}

for (const input of document.querySelectorAll('form[role="search"] input[name="q"]')) enhanceCombobox(input);
const page = document.querySelector('form[data-kp-search-page]');
if (page) enhanceSearchPage(page);

// Search-as-you-type for the pickers: a search box above the select list filters its options
// and asks /beheer/api/kiezen/{kind}?q= for matches not yet in the list. Selected options stay.
export function startPickers(field) {
  const select = field.querySelector('select');
  const kind = field.dataset.picker;
  if (!select || !kind) return;
  const input = document.createElement('input');
  input.type = 'search';
  input.className = 'utrecht-textbox kp-picker__search';
  input.id = `${select.id}-zoek`;
  const label = document.createElement('label');
  label.className = 'utrecht-form-label';
  label.htmlFor = input.id;
  label.textContent = 'Zoeken in de lijst';
  select.before(label, input);

  let timer;
  input.addEventListener('input', () => {
    const q = input.value.trim().toLowerCase();
    for (const option of select.options) {
      option.hidden = q !== '' && !option.selected && option.value !== '' && !option.text.toLowerCase().includes(q);
    }
    clearTimeout(timer);
    if (q.length < 2) return;
    timer = setTimeout(async () => {
      const response = await fetch(`/beheer/api/kiezen/${encodeURIComponent(kind)}?q=${encodeURIComponent(q)}`, { credentials: 'same-origin' });
      if (!response.ok) return;
      const known = new Set([...select.options].map((o) => o.value));
      for (const { id, label: text } of await response.json()) {
        if (!known.has(id)) select.add(new Option(text, id));
      }
    }, 200);
  });
}

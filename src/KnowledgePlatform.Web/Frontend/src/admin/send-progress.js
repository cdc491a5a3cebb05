// Live progress of a newsletter send: every 2 s the figures in [data-send-progress] are fetched
// (the page's Voortgang handler, JSON) and written into the elements named by data-field. The
// region is aria-live, so screen readers hear changes. Without JavaScript the page shows the same
// figures on every reload. Stops once the send is done (completed or cancelled).
export function startSendProgress(region) {
  const url = region.dataset.sendProgress;
  if (!url) return;
  const tick = async () => {
    let data;
    try {
      const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!response.ok) return setTimeout(tick, 5000);
      data = await response.json();
    } catch {
      return setTimeout(tick, 5000);
    }
    for (const field of region.querySelectorAll('[data-field]')) {
      const value = data[field.dataset.field];
      if (value !== undefined && value !== null && field.textContent !== String(value)) field.textContent = String(value);
    }
    if (!data.done) setTimeout(tick, 2000);
  };
  setTimeout(tick, 2000);
}

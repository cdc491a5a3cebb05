// The media library as a dialog: search and pick an image (for the rich-text editor) or a document
// (for an attachment), or upload a new one on the spot. Resolves with the item as /beheer/api/media
// describes it, or null when the editor cancels. Without JavaScript none of this exists: editors use
// /beheer/media and the plain form fields.
let counter = 0;

export function pickMedia({ images }) {
  counter += 1;
  const id = `kp-media-dialog-${counter}`;
  const dialog = document.createElement('dialog');
  dialog.className = 'kp-media-dialog';
  dialog.setAttribute('aria-labelledby', `${id}-title`);
  dialog.innerHTML = `
    <h2 class="utrecht-heading-2" id="${id}-title">${images ? 'Afbeelding kiezen' : 'Document kiezen'}</h2>
    <div class="utrecht-form-field">
      <label class="utrecht-form-label" for="${id}-q">Zoeken in de mediabibliotheek</label>
      <input class="utrecht-textbox" id="${id}-q" type="search" autocomplete="off">
    </div>
    <ul class="kp-media-dialog__list" aria-label="${images ? 'Afbeeldingen' : 'Documenten'}"></ul>
    <p class="utrecht-paragraph kp-media-dialog__status" role="status"></p>
    <form class="kp-media-dialog__upload" novalidate>
      <h3 class="utrecht-heading-3">Of voeg een nieuw bestand toe</h3>
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="${id}-file">${images ? 'Afbeelding (JPEG, PNG, WebP of GIF)' : 'Document (PDF, Word, Excel of PowerPoint)'}</label>
        <input class="utrecht-textbox" id="${id}-file" name="file" type="file" accept="${images ? 'image/jpeg,image/png,image/webp,image/gif' : '.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx'}">
      </div>
      ${images ? `<div class="utrecht-form-field">
        <label class="utrecht-form-label" for="${id}-alt">Alternatieve tekst (wat is er te zien?)</label>
        <input class="utrecht-textbox" id="${id}-alt" name="altText" maxlength="500">
      </div>` : ''}
      <p class="kp-field-error" role="alert"></p>
      <button class="utrecht-button utrecht-button--secondary-action" type="submit">Toevoegen en kiezen</button>
    </form>
    <p><button class="utrecht-button utrecht-button--subtle" type="button" data-kp-cancel>Annuleren</button></p>`;
  document.body.append(dialog);

  const list = dialog.querySelector('.kp-media-dialog__list');
  const status = dialog.querySelector('[role=status]');
  const error = dialog.querySelector('[role=alert]');
  const search = dialog.querySelector('input[type=search]');

  return new Promise((resolve) => {
    let chosen = null;
    const choose = (item) => { chosen = item; dialog.close(); };
    dialog.addEventListener('close', () => { dialog.remove(); resolve(chosen); });
    dialog.querySelector('[data-kp-cancel]').addEventListener('click', () => dialog.close());

    let timer;
    const load = async () => {
      const kind = images ? 'images=true' : 'documents=true';
      const response = await fetch(`/beheer/api/media?${kind}&q=${encodeURIComponent(search.value.trim())}`, { credentials: 'same-origin' });
      if (!response.ok) { status.textContent = 'De mediabibliotheek kon niet worden geladen.'; return; }
      const page = await response.json();
      list.replaceChildren(...page.items.map((item) => listItem(item, choose)));
      status.textContent = page.total === 0 ? 'Niets gevonden.' : `${page.total} ${page.total === 1 ? 'bestand' : 'bestanden'} gevonden.`;
    };
    search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(load, 200); });

    dialog.querySelector('form').addEventListener('submit', async (event) => {
      event.preventDefault();
      error.textContent = '';
      const form = event.currentTarget;
      const response = await fetch('/beheer/api/media', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { RequestVerificationToken: antiforgeryToken() },
        body: new FormData(form),
      });
      const answer = await response.json().catch(() => ({}));
      if (response.ok) { choose(answer); return; }
      error.textContent = Object.values(answer.errors ?? {}).flat().join(' ') || answer.title || 'Toevoegen is niet gelukt.';
    });

    dialog.showModal();
    load();
  });
}

function listItem(item, choose) {
  const li = document.createElement('li');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'kp-media-dialog__item';
  if (item.thumbnailUrl) {
    const img = document.createElement('img');
    img.src = item.thumbnailUrl;
    img.alt = '';
    img.width = 96;
    button.append(img);
  }
  const name = document.createElement('span');
  name.textContent = item.altText ? `${item.originalName} — ${item.altText}` : `${item.originalName} (${item.kind})`;
  button.append(name);
  button.addEventListener('click', () => choose(item));
  li.append(button);
  return li;
}

// Every back-office page has a form with the token (at least the sign-out form in the header).
function antiforgeryToken() {
  return document.querySelector('input[name="__RequestVerificationToken"]')?.value ?? '';
}

/** The markup the editor inserts for a library image: the 960-wide WebP derivative, never enlarged. */
export function imageAttributes(item) {
  const width = Math.min(960, item.width || 960);
  const height = item.width && item.height ? Math.round((item.height * width) / item.width) : null;
  return { src: `/media/${item.id}/960x.webp`, alt: item.altText || '', width, height };
}

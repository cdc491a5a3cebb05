// Media library enhancements (the plain forms work without them):
// - dropping a file onto the upload form puts it in the file field;
// - clicking the preview sets the focal point fields.
export function enhanceMedia(root = document) {
  for (const form of root.querySelectorAll('form[data-kp-dropzone]')) {
    const input = form.querySelector('input[type=file]');
    const status = form.querySelector('[data-kp-drop-status]');
    if (!input) continue;
    const over = (on) => (event) => { event.preventDefault(); form.classList.toggle('kp-media-upload--over', on); };
    form.addEventListener('dragenter', over(true));
    form.addEventListener('dragover', over(true));
    form.addEventListener('dragleave', over(false));
    form.addEventListener('drop', (event) => {
      over(false)(event);
      const files = event.dataTransfer?.files;
      if (!files || files.length === 0) return;
      const chosen = new DataTransfer();
      chosen.items.add(files[0]);
      input.files = chosen.files;
      if (status) status.textContent = `Gekozen: ${files[0].name}. Vul de alternatieve tekst in en kies Toevoegen.`;
      form.querySelector('input[name=altText]')?.focus();
    });
  }

  for (const box of root.querySelectorAll('[data-kp-focal]')) {
    const x = document.querySelector('[data-kp-focal-x]');
    const y = document.querySelector('[data-kp-focal-y]');
    const image = box.querySelector('img');
    if (!x || !y || !image) continue;
    const show = () => {
      box.style.setProperty('--kp-focal-x', `${x.value}%`);
      box.style.setProperty('--kp-focal-y', `${y.value}%`);
    };
    image.addEventListener('click', (event) => {
      const rect = image.getBoundingClientRect();
      x.value = String(Math.round(((event.clientX - rect.left) / rect.width) * 100));
      y.value = String(Math.round(((event.clientY - rect.top) / rect.height) * 100));
      show();
    });
    x.addEventListener('input', show);
    y.addEventListener('input', show);
  }
}

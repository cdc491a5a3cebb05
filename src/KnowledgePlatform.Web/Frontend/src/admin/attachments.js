// Attachment rows on the edit form: a button beside each document list opens the media dialog, so an
// editor can pick (or upload) a document without leaving the form. The plain select works without it.
import { pickMedia } from './media-dialog.js';

export function enhanceAttachments(root = document) {
  for (const row of root.querySelectorAll('.kp-attachments__item')) {
    const select = row.querySelector('select[name$=".Media"]');
    const title = row.querySelector('input[name$=".Title"]');
    if (!select || select.matches(":disabled")) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'utrecht-button utrecht-button--secondary-action';
    button.textContent = 'Kies of upload een document…';
    button.addEventListener('click', async () => {
      const item = await pickMedia({ images: false });
      if (!item) return;
      if (![...select.options].some((o) => o.value === item.id)) select.add(new Option(item.originalName, item.id));
      select.value = item.id;
      if (title && !title.value.trim()) title.value = item.originalName.replace(/\.[^.]+$/, '');
      button.focus();
    });
    select.closest('.kp-picker')?.after(button);
  }
}

// TipTap on a textarea: the textarea stays the form field (kept in sync), so saving works the
// same with or without the editor. The server sanitizes whatever arrives (Content/RichText).
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Image from '@tiptap/extension-image';
import { TableKit } from '@tiptap/extension-table';
import { imageAttributes, pickMedia } from './media-dialog.js';

// [label, run(editor), isActive(editor)]; run may be async (the image comes from a dialog).
const buttons = [
  ['Kop 2', (e) => e.chain().focus().toggleHeading({ level: 2 }).run(), (e) => e.isActive('heading', { level: 2 })],
  ['Kop 3', (e) => e.chain().focus().toggleHeading({ level: 3 }).run(), (e) => e.isActive('heading', { level: 3 })],
  ['Vet', (e) => e.chain().focus().toggleBold().run(), (e) => e.isActive('bold')],
  ['Cursief', (e) => e.chain().focus().toggleItalic().run(), (e) => e.isActive('italic')],
  ['Opsomming', (e) => e.chain().focus().toggleBulletList().run(), (e) => e.isActive('bulletList')],
  ['Genummerd', (e) => e.chain().focus().toggleOrderedList().run(), (e) => e.isActive('orderedList')],
  ['Citaat', (e) => e.chain().focus().toggleBlockquote().run(), (e) => e.isActive('blockquote')],
  ['Link', (e) => {
    const current = e.getAttributes('link').href || 'https://';
    const href = window.prompt('Webadres van de link (leeg = link weg)', current);
    const chain = e.chain().focus().extendMarkRange('link');
    (href ? chain.setLink({ href }) : chain.unsetLink()).run();
  }, (e) => e.isActive('link')],
  // Images come from the media library (picked or uploaded in the dialog): the server only keeps
  // same-site images that are library URLs.
  ['Afbeelding', async (e) => {
    const item = await pickMedia({ images: true });
    if (item) e.chain().focus().setImage(imageAttributes(item)).run();
    else e.commands.focus();
  }, () => false],
  ['Tabel', (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(), (e) => e.isActive('table')],
];

export function startRichText(textarea) {
  const wrapper = document.createElement('div');
  wrapper.className = 'kp-editor';
  const toolbar = document.createElement('div');
  toolbar.className = 'kp-editor__toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', 'Opmaak');
  const surface = document.createElement('div');
  surface.className = 'kp-editor__surface';
  wrapper.append(toolbar, surface);
  textarea.after(wrapper);
  textarea.hidden = true;

  // A read-only form (another author's item) shows the text, not an editor.
  const editable = !textarea.closest('fieldset[disabled]');
  const label = textarea.id ? document.querySelector(`label[for="${textarea.id}"]`) : null;
  const editor = new Editor({
    element: surface,
    editable,
    extensions: [StarterKit.configure({ heading: { levels: [2, 3, 4] }, link: { openOnClick: false } }), Image, TableKit],
    content: textarea.value,
    editorProps: {
      attributes: { class: 'kp-editor__content', role: 'textbox', 'aria-multiline': 'true', ...(label ? { 'aria-label': label.textContent.trim() } : {}) },
    },
    onUpdate: ({ editor: e }) => { textarea.value = e.getHTML(); },
  });
  // Clicking the field's label focuses the editor, as it did the textarea.
  label?.addEventListener('click', () => editor.commands.focus());
  if (!editable) return;

  const states = buttons.map(([name, run, active]) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'utrecht-button utrecht-button--subtle kp-editor__button';
    button.textContent = name;
    button.addEventListener('click', () => { run(editor); });
    toolbar.append(button);
    return () => button.setAttribute('aria-pressed', String(active(editor)));
  });
  editor.on('transaction', () => states.forEach((update) => update()));
  states.forEach((update) => update());
}

// TipTap on a textarea: the textarea stays the form field (kept in sync), so saving works the
// same with or without the editor. The server sanitizes whatever arrives (Content/RichText).
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Image from '@tiptap/extension-image';
import { TableKit } from '@tiptap/extension-table';

const buttons = [
  ['Kop 2', (c) => c.toggleHeading({ level: 2 }), (e) => e.isActive('heading', { level: 2 })],
  ['Kop 3', (c) => c.toggleHeading({ level: 3 }), (e) => e.isActive('heading', { level: 3 })],
  ['Vet', (c) => c.toggleBold(), (e) => e.isActive('bold')],
  ['Cursief', (c) => c.toggleItalic(), (e) => e.isActive('italic')],
  ['Opsomming', (c) => c.toggleBulletList(), (e) => e.isActive('bulletList')],
  ['Genummerd', (c) => c.toggleOrderedList(), (e) => e.isActive('orderedList')],
  ['Citaat', (c) => c.toggleBlockquote(), (e) => e.isActive('blockquote')],
  ['Link', (c, e) => {
    const current = e.getAttributes('link').href || 'https://';
    const href = window.prompt('Webadres van de link (leeg = link weg)', current);
    return href ? c.extendMarkRange('link').setLink({ href }) : c.extendMarkRange('link').unsetLink();
  }, (e) => e.isActive('link')],
  ['Afbeelding', (c) => {
    const src = window.prompt('Webadres van de afbeelding (uit de mediabibliotheek)');
    if (!src) return c;
    const alt = window.prompt('Beschrijving van de afbeelding (alt-tekst)') || '';
    return c.setImage({ src, alt });
  }, () => false],
  ['Tabel', (c) => c.insertTable({ rows: 3, cols: 3, withHeaderRow: true }), (e) => e.isActive('table')],
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

  const label = textarea.id ? document.querySelector(`label[for="${textarea.id}"]`) : null;
  const editor = new Editor({
    element: surface,
    extensions: [StarterKit.configure({ heading: { levels: [2, 3, 4] }, link: { openOnClick: false } }), Image, TableKit],
    content: textarea.value,
    editorProps: {
      attributes: { class: 'kp-editor__content', role: 'textbox', 'aria-multiline': 'true', ...(label ? { 'aria-label': label.textContent.trim() } : {}) },
    },
    onUpdate: ({ editor: e }) => { textarea.value = e.getHTML(); },
  });
  // Clicking the field's label focuses the editor, as it did the textarea.
  label?.addEventListener('click', () => editor.commands.focus());

  const states = buttons.map(([name, command, active]) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'utrecht-button utrecht-button--subtle kp-editor__button';
    button.textContent = name;
    button.addEventListener('click', () => { command(editor.chain().focus(), editor).run(); });
    toolbar.append(button);
    return () => button.setAttribute('aria-pressed', String(active(editor)));
  });
  editor.on('transaction', () => states.forEach((update) => update()));
  states.forEach((update) => update());
}

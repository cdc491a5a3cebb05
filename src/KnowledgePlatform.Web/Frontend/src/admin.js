// Back-office enhancements, loaded only by the admin layout. Every screen works without this
// file (plain textareas and select lists); it adds the rich-text editor and search-as-you-type.
import { startRichText } from './admin/rich-text.js';
import { startPickers } from './admin/pickers.js';

document.querySelectorAll('textarea[data-rich-text]').forEach(startRichText);
document.querySelectorAll('[data-picker]').forEach(startPickers);

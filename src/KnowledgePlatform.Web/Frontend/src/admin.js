// Back-office enhancements, loaded only by the admin layout. Every screen works without this
// file (plain textareas and select lists); it adds the rich-text editor, search-as-you-type and media uploads.
import { startRichText } from './admin/rich-text.js';
import { startPickers } from './admin/pickers.js';
import { enhanceMedia } from './admin/media.js';

document.querySelectorAll('textarea[data-rich-text]').forEach(startRichText);
document.querySelectorAll('[data-picker]').forEach(startPickers);
enhanceMedia();

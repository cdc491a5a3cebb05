// Back-office enhancements, loaded only by the admin layout. Every screen works without this
// file (plain textareas, select lists and upload forms); it adds the rich-text editor,
// search-as-you-type pickers, the media dialog, drag-and-drop uploads and the live progress of a newsletter send.
import { enhanceMedia } from './admin/media.js';
import { startRichText } from './admin/rich-text.js';
import { startPickers } from './admin/pickers.js';
import { enhanceAttachments } from './admin/attachments.js';
import { startSendProgress } from './admin/send-progress.js';

enhanceMedia();
document.querySelectorAll('textarea[data-rich-text]').forEach(startRichText);
document.querySelectorAll('[data-picker]').forEach(startPickers);
enhanceAttachments();
document.querySelectorAll('[data-send-progress]').forEach(startSendProgress);

// Progressive enhancement only: every page works without this file.
import './search.js';
document.documentElement.classList.add('kp-js');

const submitButtons = (form) => form.querySelectorAll('button[type="submit"], button:not([type])');

// Guard against double submits (a second registration or subscription): once a POST form
// starts submitting, further submits are ignored and its buttons show as busy.
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || form.method !== 'post' || event.defaultPrevented) return;
  if (form.dataset.kpSubmitting) {
    event.preventDefault();
    return;
  }
  form.dataset.kpSubmitting = 'true';
  for (const button of submitButtons(form)) {
    button.setAttribute('aria-disabled', 'true');
    button.classList.add('utrecht-button--busy');
  }
});

// Coming back with the browser's back button restores the page as it was: make forms usable.
addEventListener('pageshow', (event) => {
  if (!event.persisted) return;
  for (const form of document.querySelectorAll('form[data-kp-submitting]')) {
    delete form.dataset.kpSubmitting;
    for (const button of submitButtons(form)) {
      button.removeAttribute('aria-disabled');
      button.classList.remove('utrecht-button--busy');
    }
  }
});

// Printed pages show link addresses (print.css); write out the full address, not just the path.
addEventListener('beforeprint', () => {
  for (const link of document.querySelectorAll('.kp-main a[href^="/"]')) {
    link.dataset.kpPrintHref = link.href;
  }
});

// Progressive enhancement only: every page works without this file.
import { initAll } from '/govuk/5.14.0/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

// The GOV.UK timeout warning for signed-in staff: 2 minutes before the session ends, a dialog
// offers to stay signed in. Without JavaScript the page says when the session will end.
const expires = document.body.dataset.sessionExpires;
const dialog = document.getElementById('session-timeout');
if (expires && dialog && typeof dialog.showModal === 'function') {
  const warnBefore = 2 * 60 * 1000;
  let expiresAt = Date.parse(expires);
  let warnTimer;
  let endTimer;
  const schedule = () => {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    const now = Date.now();
    warnTimer = setTimeout(() => dialog.showModal(), Math.max(0, expiresAt - warnBefore - now));
    endTimer = setTimeout(() => { window.location.href = '/sign-in/timed-out'; }, Math.max(0, expiresAt - now));
  };
  const csrf = dialog.querySelector('input[name="_csrf"]');
  dialog.querySelector('[data-session-keep-alive]').addEventListener('click', async () => {
    const response = await fetch('/session/keep-alive', {
      method: 'POST',
      headers: { 'X-CSRF-Token': csrf ? csrf.value : '', 'Content-Type': 'text/plain' },
      credentials: 'same-origin'
    });
    if (response.ok) {
      // The server slid the idle timeout; the absolute 12-hour limit still applies there.
      expiresAt = Date.now() + 30 * 60 * 1000;
      dialog.close();
      schedule();
    } else {
      window.location.href = '/sign-in/timed-out';
    }
  });
  schedule();
}

// "Listen": reads the question (and its answers) aloud where the browser can. Hidden without JavaScript.
if ('speechSynthesis' in window && typeof window.SpeechSynthesisUtterance === 'function') {
  document.querySelectorAll('[data-listen]').forEach((button) => {
    button.hidden = false;
    button.addEventListener('click', () => {
      const title = document.getElementById(button.dataset.listen);
      const parts = [title ? title.textContent : ''];
      const hint = document.getElementById('answer-hint');
      if (hint) parts.push(hint.textContent);
      document.querySelectorAll('.govuk-radios__label, .govuk-checkboxes__label').forEach((label) => parts.push(label.textContent));
      window.speechSynthesis.cancel();
      const utterance = new window.SpeechSynthesisUtterance(parts.map((p) => p.trim()).filter(Boolean).join('. '));
      utterance.lang = document.documentElement.lang || 'en';
      window.speechSynthesis.speak(utterance);
    });
  });
}

// "Copy link" on the officer's link page. Without JavaScript the link can be selected in its box.
document.querySelectorAll('[data-copy]').forEach((button) => {
  const field = document.getElementById(button.dataset.copy);
  if (!field || !navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener('click', async () => {
    await navigator.clipboard.writeText(field.value);
    const status = document.getElementById('copy-status');
    if (status) status.textContent = button.dataset.copied;
  });
});

// A shared phone keeps nothing of a child's form (docs/consultation.md, "Offline"): after the form is sent,
// when the link has stopped working, and on "Exit this page" (its button, or Shift three times, which adds
// GOV.UK's overlay), the kept pages, the waiting answers and the worker go. The worker finishes the job even
// if the page is already gone.
const forgetOfflineForm = () => {
  try { window.localStorage.removeItem('myview-offline'); } catch (blocked) { /* nothing was kept */ }
  if (!('serviceWorker' in navigator)) return;
  if (navigator.serviceWorker.controller) navigator.serviceWorker.controller.postMessage({ type: 'clear' });
  if (window.caches) {
    window.caches.keys().then((names) => names.filter((n) => n.startsWith('myview-form-')).forEach((n) => window.caches.delete(n)));
  }
  navigator.serviceWorker.getRegistrations().then((all) => all.forEach((r) => r.unregister()));
};
if (document.querySelector('[data-offline-clear]')) forgetOfflineForm();
document.querySelectorAll('.govuk-js-exit-this-page-button').forEach((button) => button.addEventListener('click', forgetOfflineForm));
if (document.querySelector('.govuk-exit-this-page')) {
  new MutationObserver((changes, observer) => {
    if (document.querySelector('.govuk-exit-this-page-overlay')) {
      observer.disconnect();
      forgetOfflineForm();
    }
  }).observe(document.body, { childList: true });
}

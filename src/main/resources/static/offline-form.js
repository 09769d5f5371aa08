// The child's form, offline (docs/consultation.md, "Offline"). Only on the form's own pages; without
// JavaScript, or in a browser without these features, the form posts page by page as before.
// Answers given without a connection wait in this phone's localStorage and are sent, in order, when it
// returns; each carries a key the server uses to save it once however often it arrives.
const status = document.getElementById('offline-status');
const STORE = 'myview-offline';
const form = status.dataset.offlineForm;
const until = Number(status.dataset.offlineUntil);

const newKey = () => (window.crypto && crypto.randomUUID ? crypto.randomUUID()
  : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(''));

function load() {
  try {
    const state = JSON.parse(localStorage.getItem(STORE));
    if (state && state.form === form) return state;
  } catch (broken) { /* start again */ }
  // Nothing yet, or another link's (a new link replaces the old one, whose answers could not be sent anyway).
  return { form, until, queue: [] };
}

function save(state) {
  if (state.queue.length) localStorage.setItem(STORE, JSON.stringify(state));
  else localStorage.removeItem(STORE);
}

function show(state, sentNow) {
  const waiting = state.queue.filter((item) => item.kind === 'answer').length;
  let text = '';
  if (state.queue.some((item) => item.kind === 'send')) text = status.dataset.textSendWaiting;
  else if (waiting) text = status.dataset.textWaiting.replace('{0}', waiting);
  else if (sentNow) text = status.dataset.textSent.replace('{0}', sentNow);
  if (!navigator.onLine && !state.queue.length) text = status.dataset.textOffline;
  else if (!navigator.onLine) text = status.dataset.textOffline + ' ' + text;
  status.textContent = text;
  status.hidden = !text;
}

if (Date.now() > until) {
  localStorage.removeItem(STORE); // the link has stopped working: nothing of it stays
} else {
  let flushing = false;
  // Sends what waits, oldest first; stops at the first failure and tries again when the phone is online.
  const flush = async () => {
    if (flushing || !navigator.onLine) return;
    flushing = true;
    let state = load();
    let sentNow = 0;
    let sent = false;
    while (state.queue.length) {
      const item = state.queue[0];
      let response;
      try {
        response = await fetch(item.action, {
          method: 'POST', body: new URLSearchParams(item.fields), credentials: 'same-origin', redirect: 'manual'
        });
      } catch (offline) {
        break;
      }
      // 303 (saved, or saved before under the same key) or 422 (too long: the check page shows what was saved).
      if (response.type !== 'opaqueredirect' && response.status !== 422) break;
      state.queue.shift();
      save(state);
      if (item.kind === 'send') sent = true;
      else sentNow += 1;
    }
    flushing = false;
    if (sent) {
      window.location.assign('/consultation/sent');
      return;
    }
    show(state, sentNow);
  };

  // A question page shows the answer still waiting for it, not the older copy the page was kept with.
  const waitingAnswer = (action) => load().queue.filter((item) => item.action === action).pop();

  document.querySelectorAll('form[data-offline-queue]').forEach((element) => {
    const waiting = waitingAnswer(element.getAttribute('action'));
    if (waiting && element.dataset.offlineQueue === 'answer') {
      const fields = new Map(waiting.fields);
      element.querySelectorAll('textarea').forEach((field) => { field.value = fields.get(field.name) || ''; });
      element.querySelectorAll('input[type=radio], input[type=checkbox]').forEach((field) => {
        field.checked = fields.get(field.name) === field.value;
      });
    }
    element.addEventListener('submit', (event) => {
      let key = element.querySelector('input[name=request_key]');
      if (!key) {
        key = document.createElement('input');
        key.type = 'hidden';
        key.name = 'request_key';
        element.appendChild(key);
      }
      key.value = newKey(); // a new key for every press: a changed answer is a new answer
      const state = load();
      if (navigator.onLine && !state.queue.length) return; // online: the form posts as without JavaScript
      event.preventDefault();
      const fields = Array.from(new FormData(element).entries()).filter(([, value]) => typeof value === 'string');
      if (event.submitter && event.submitter.name) fields.push([event.submitter.name, event.submitter.value]);
      state.queue.push({ kind: element.dataset.offlineQueue, action: element.getAttribute('action'), fields });
      save(state);
      if (element.dataset.offlineQueue === 'answer') {
        window.location.assign(element.dataset.offlineNext);
      } else {
        show(state, 0);
        window.scrollTo(0, 0); // the message is at the top of the page; Send is at the bottom
        flush();
      }
    });
  });

  // Check your answers, kept from before: each answer still waiting on the phone says so.
  document.querySelectorAll('.govuk-summary-list__row').forEach((row) => {
    const change = row.querySelector('a[href^="/consultation/q/"]');
    const value = row.querySelector('.govuk-summary-list__value');
    if (!change || !value || !waitingAnswer(new URL(change.href).pathname)) return;
    const tag = document.createElement('strong');
    tag.className = 'govuk-tag govuk-tag--yellow myview-offline-waiting';
    tag.textContent = status.dataset.textRowWaiting;
    value.append(' ', tag);
  });

  window.addEventListener('online', flush);
  window.addEventListener('offline', () => show(load(), 0));
  show(load(), 0);
  // From here a press is kept on the phone when offline; before it, the form posts as without JavaScript.
  document.documentElement.dataset.offlineQueueReady = 'true';
  flush();

  // Keep this form's pages on the phone for when the connection drops: after the page has loaded, so the
  // first visit is no heavier. The worker is ours, on this site, and only for /consultation.
  if ('serviceWorker' in navigator && window.caches && window.MessageChannel) {
    const register = async () => {
      const registration = await navigator.serviceWorker.register('/consultation/offline-worker.js', { scope: '/consultation' });
      const worker = registration.active || (await navigator.serviceWorker.ready).active;
      const assets = performance.getEntriesByType('resource').map((entry) => new URL(entry.name))
        .filter((url) => url.origin === window.location.origin && /^\/(static|govuk|assets)\//.test(url.pathname))
        .map((url) => url.pathname + url.search);
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { document.documentElement.dataset.offlineReady = 'true'; };
      // The page before this one was most likely just answered: its kept copy is refreshed.
      const refresh = status.dataset.offlineRefresh ? [status.dataset.offlineRefresh] : [];
      worker.postMessage({ type: 'keep', form, until, refresh, urls: status.dataset.offlinePages.split(' ').concat(assets) }, [channel.port2]);
    };
    if (document.readyState === 'complete') register().catch(() => {});
    else window.addEventListener('load', () => register().catch(() => {}));
  }
}

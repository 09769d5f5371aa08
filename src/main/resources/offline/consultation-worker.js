// The child's form, offline (docs/consultation.md, "Offline"). Registered by /static/offline-form.js on the
// form's own pages only, with scope /consultation. It keeps one cache, for one link: that form's pages and the
// assets they use. It never caches a page that is not one of the form's (no link address, no staff page, no
// talk-now page, no confirmation) and never anything from another site.
const PREFIX = 'myview-form-';
const FORM_PAGE = /^\/consultation(\/q\/\d+|\/check)?$/;
const ASSET = /^\/(static|govuk|assets)\//;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

// The cache's name holds the form's opaque id and when its link stops working (ms since 1970).
const cacheName = (form, until) => PREFIX + form + '-' + until;

async function clearAll(unregister) {
  const names = (await caches.keys()).filter((name) => name.startsWith(PREFIX));
  await Promise.all(names.map((name) => caches.delete(name)));
  if (unregister) {
    await self.registration.unregister();
  }
}

// The cache of the form in use, or null; a link that has stopped working takes its copy with it.
async function formCache() {
  const name = (await caches.keys()).find((n) => n.startsWith(PREFIX));
  if (!name) {
    return null;
  }
  if (Date.now() > Number(name.substring(name.lastIndexOf('-') + 1))) {
    await clearAll(true);
    return null;
  }
  return caches.open(name);
}

// A page of the form opened it: keep its pages and assets, and nothing of any other link.
async function keep(data) {
  const name = cacheName(data.form, data.until);
  const others = (await caches.keys()).filter((n) => n.startsWith(PREFIX) && n !== name);
  await Promise.all(others.map((n) => caches.delete(n)));
  const cache = await caches.open(name);
  const refresh = Array.isArray(data.refresh) ? data.refresh : [];
  await Promise.allSettled(data.urls.concat(refresh).map(async (url) => {
    const path = new URL(url, self.location.origin);
    if (path.origin !== self.location.origin || !(FORM_PAGE.test(path.pathname) || ASSET.test(path.pathname))) {
      return;
    }
    const key = FORM_PAGE.test(path.pathname) ? path.pathname : path.pathname + path.search;
    if (!refresh.includes(path.pathname) && await cache.match(key)) {
      return; // kept already (pages visited since are refreshed as they are opened): a phone's data costs money
    }
    const response = await fetch(path.pathname + path.search, { credentials: 'same-origin', redirect: 'manual' });
    if (response.status === 200 && response.type === 'basic') {
      await cache.put(key, response);
    }
  }));
}

self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type === 'keep' && typeof data.form === 'string' && Number.isFinite(data.until) && Array.isArray(data.urls)) {
    event.waitUntil(keep(data).then(() => event.ports[0] && event.ports[0].postMessage('kept')));
  } else if (data.type === 'clear') {
    event.waitUntil(clearAll(true));
  }
});

// Pages: the network first (always the newest answers), the kept copy when there is no connection.
async function page(request, path) {
  let response;
  try {
    response = await fetch(request);
  } catch (offline) {
    const cache = await formCache();
    const kept = cache && await cache.match(path);
    return kept || Response.error();
  }
  if (response.status === 410) {
    await clearAll(true); // the link stopped working or the form was sent
  } else if (response.status === 200 && response.type === 'basic') {
    const cache = await formCache();
    if (cache) {
      await cache.put(path, response.clone());
    }
  }
  return response;
}

// Assets: the kept copy first (their addresses change with their content), else the network.
async function asset(request) {
  const cache = await formCache();
  const kept = cache && await cache.match(request);
  if (kept) {
    return kept;
  }
  const response = await fetch(request);
  if (cache && response.status === 200 && response.type === 'basic') {
    await cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === 'navigate' && FORM_PAGE.test(url.pathname)) {
    event.respondWith(page(request, url.pathname));
  } else if (request.mode !== 'navigate' && ASSET.test(url.pathname)) {
    event.respondWith(asset(request));
  }
});

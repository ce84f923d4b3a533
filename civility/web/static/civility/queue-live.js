/* Civility moderation queue, for a team: new comments appear without a reload, and
 * whoever opens a comment claims it ("Anna is on it" for the others).
 *
 * Every 5 seconds the page asks /moderation/live (same filters) for the count, the first
 * page's ids and the colleagues' claims. When an id is new, it fetches the page itself and
 * inserts the new items where the server put them, then tells moderation.js
 * ('civility:queue-changed'). Focusing an item (j/k, a click, a field) claims it through
 * POST /api/v1/moderation/comments/{id}/claim; the claim is renewed while it stays open.
 * Without this script the page still works: it only stops being live.
 */
(function () {
  'use strict';

  var EVERY_MS = 5000;
  var RENEW_MS = 60000;

  var head = document.querySelector('[data-live-url]');
  if (!head || !window.fetch || !window.DOMParser) { return; }
  var liveUrl = head.getAttribute('data-live-url');
  var claimUrl = head.getAttribute('data-claim-url'); // for comment 0: the id is swapped in
  var firstPage = !/[?&]cursor=/.test(window.location.search);
  var mine = { id: null, at: 0 };
  var inFlight = false;

  function csrf() {
    var input = document.querySelector('input[name="csrfmiddlewaretoken"]');
    return input ? input.value : '';
  }

  function list() { return document.getElementById('queue'); }
  function itemById(id) { return document.getElementById('c' + id); }

  function setCount(n) {
    var el = document.querySelector('[data-testid="pending-count"]');
    if (el) { el.textContent = n + ' pending'; }
    document.title = 'Queue (' + n + ') · Civility';
  }

  function showClaim(item, name) {
    var form = item.querySelector('form.qclaim');
    if (!form) { return; }
    if (name) {
      form.querySelector('.qclaim-who').textContent = name;
      form.hidden = false;
      item.classList.add('is-claimed');
    } else {
      form.hidden = true;
      item.classList.remove('is-claimed');
    }
  }

  function typing() {
    var el = document.activeElement;
    return !!el && (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' ||
      (el.tagName === 'INPUT' && el.type !== 'checkbox'));
  }

  /* ---------- new comments ---------- */

  function insertNew(ids) {
    return fetch(window.location.pathname + window.location.search,
      { credentials: 'same-origin', headers: { 'X-Civility-Live': '1' } })
      .then(function (r) { return r.ok ? r.text() : ''; })
      .then(function (html) {
        if (!html) { return; }
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        var ol = list();
        if (!ol) { // the page showed "Nothing is waiting": take the new one as it is
          if (!typing()) { window.location.reload(); }
          return;
        }
        var order = Array.prototype.slice.call(fresh.querySelectorAll('#queue .qitem'));
        var added = 0;
        order.forEach(function (node, i) {
          if (itemById(node.dataset.id)) { return; }
          var next = null;
          for (var j = i + 1; j < order.length && !next; j++) { next = itemById(order[j].dataset.id); }
          var copy = document.importNode(node, true);
          copy.classList.add('is-new');
          ol.insertBefore(copy, next);
          added += 1;
        });
        if (added) { document.dispatchEvent(new CustomEvent('civility:queue-changed', { detail: { added: added } })); }
      });
  }

  function poll() {
    if (inFlight) { return; }
    inFlight = true;
    fetch(liveUrl, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data) { return null; }
        setCount(data.count);
        Array.prototype.forEach.call(document.querySelectorAll('#queue .qitem'), function (item) {
          showClaim(item, data.claims[item.dataset.id] || '');
        });
        var missing = firstPage && data.ids.some(function (id) { return !itemById(id); });
        renew();
        return missing ? insertNew(data.ids) : null;
      })
      .catch(function () { /* offline for a moment: the next poll tries again */ })
      .then(function () { inFlight = false; });
  }

  /* ---------- claims ---------- */

  function claim(item, opts) {
    opts = opts || {};
    var id = item.dataset.id;
    mine = { id: id, at: Date.now() };
    return fetch(claimUrl.replace('/0/', '/' + id + '/'), {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRFToken': csrf() },
      body: JSON.stringify({ take_over: !!opts.takeOver })
    }).then(function (r) {
      return r.json().then(function (body) {
        if (r.status === 409 && body.error && body.error.code === 'claimed') {
          mine = { id: null, at: 0 };
          showClaim(item, body.error.fields[id] || '');
        } else if (r.ok) {
          showClaim(item, '');
        }
      });
    }).catch(function () { mine = { id: null, at: 0 }; });
  }

  function renew() {
    var current = document.querySelector('#queue .qitem.is-current');
    if (current && current.dataset.id === mine.id && Date.now() - mine.at > RENEW_MS) { claim(current); }
  }

  document.addEventListener('focusin', function (e) {
    var item = e.target.closest ? e.target.closest('.qitem') : null;
    if (!item || e.target.closest('form.qclaim')) { return; }
    if (item.dataset.id !== mine.id || Date.now() - mine.at > RENEW_MS) { claim(item); }
  });
  // deferred after moderation.js, which marks <html> "js": this mark says claims work too
  document.documentElement.classList.add('live');

  window.setInterval(poll, EVERY_MS);
}());

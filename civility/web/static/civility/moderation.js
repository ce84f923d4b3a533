/* Civility moderation queue: keyboard shortcuts on top of plain forms.
 *
 * Every action here submits the same server-rendered forms a mouse user (or a
 * browser without JavaScript) would submit; nothing is decided by this script.
 *
 *   j / ↓, k / ↑   move the current comment          x        select it
 *   a              approve it                         r, 1–7   reject it with a reason
 *   Shift+A        approve the selected               Shift+R  reject the selected
 *   u              undo the last decision             ?        show / hide the key list
 *   Esc            cancel, leave a field
 */
(function () {
  'use strict';

  var POSITION_KEY = 'civility.queue.position';
  var LAST_KEY = 'civility.queue.lastDecided';
  var SHEET_KEY = 'civility.queue.shortcutsHidden';
  // Words from the page's translation catalog (civility/i18n: /i18n/staff/<lang>.js, loaded
  // first); English, the message ids, without it.
  var gettext = window.gettext || function (text) { return text; };
  var ngettext = window.ngettext || function (one, many, n) { return n === 1 ? one : many; };

  // A translated sentence as toast parts: %(name)s placeholders become values[name]
  // (a string, or {kbd: 'x'} for a key cap), wherever the language puts them.
  function interpolateCount(template, n) {
    return template.replace('%(count)s', String(n));
  }

  function fill(template, values) {
    return template.split(/(%\([a-z_]+\)s)/).filter(Boolean).map(function (piece) {
      var name = /^%\(([a-z_]+)\)s$/.exec(piece);
      return name && name[1] in values ? values[name[1]] : piece;
    });
  }

  var NOT_TYPING = ['checkbox', 'radio', 'button', 'submit', 'reset', 'image', 'file', 'color', 'range'];

  var list = document.getElementById('queue');
  var items = list ? Array.prototype.slice.call(list.querySelectorAll('.qitem')) : [];
  var bulkForm = document.getElementById('bulk-form');
  var selectAll = document.getElementById('select-all');
  var bulkCount = bulkForm ? bulkForm.querySelector('.bulk-count') : null;
  var sheet = document.getElementById('shortcuts');
  var sheetToggle = document.querySelector('.shortcuts-toggle');
  var toastEl = document.getElementById('queue-toast');

  var current = null;   // the .qitem the keys act on
  var rejecting = null; // {form, select, previous, item} while waiting for a reason key
  var busy = false;     // a form is on its way to the server
  var toastTimer = 0;

  document.documentElement.classList.add('js');
  Array.prototype.forEach.call(document.querySelectorAll('[data-js-only]'), function (el) {
    el.hidden = false;
  });

  /* ---------- small helpers ---------- */

  function storage(kind) {
    try { return window[kind]; } catch (e) { return null; }
  }

  function readJSON(store, key) {
    if (!store) { return null; }
    try { return JSON.parse(store.getItem(key) || 'null'); } catch (e) { return null; }
  }

  function writeJSON(store, key, value) {
    if (!store) { return; }
    try { store.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode, quota */ }
  }

  function here() {
    return window.location.pathname + window.location.search;
  }

  function itemById(id) {
    for (var i = 0; i < items.length; i++) {
      if (items[i].dataset.id === String(id)) { return items[i]; }
    }
    return null;
  }

  function checkboxOf(item) {
    return item.querySelector('input.qselect');
  }

  function formOf(item) {
    return item.querySelector('form.qactions');
  }

  function selectedIds() {
    return items.filter(function (item) { return checkboxOf(item).checked; })
      .map(function (item) { return item.dataset.id; });
  }

  function isTyping(el) {
    if (!el || !el.tagName) { return false; }
    if (el.isContentEditable) { return true; }
    var tag = el.tagName.toLowerCase();
    if (tag === 'textarea' || tag === 'select') { return true; }
    return tag === 'input' && NOT_TYPING.indexOf((el.type || '').toLowerCase()) === -1;
  }

  function reasonOptions(select) {
    return Array.prototype.filter.call(select.options, function (o) { return o.value !== ''; });
  }

  /* ---------- the toast: what just happened, what a key expects ---------- */

  // parts: strings, or {kbd: 'x'} for a key cap. Never HTML.
  function toast(parts, opts) {
    if (!toastEl) { return; }
    opts = opts || {};
    while (toastEl.firstChild) { toastEl.removeChild(toastEl.firstChild); }
    parts.forEach(function (part) {
      if (typeof part === 'string') {
        toastEl.appendChild(document.createTextNode(part));
      } else {
        var k = document.createElement('kbd');
        k.textContent = part.kbd;
        toastEl.appendChild(k);
      }
    });
    toastEl.className = 'toast' + (opts.tone ? ' is-' + opts.tone : '');
    toastEl.hidden = false;
    window.clearTimeout(toastTimer);
    if (!opts.sticky) {
      toastTimer = window.setTimeout(hideToast, opts.ms || 4000);
    }
  }

  function hideToast() {
    window.clearTimeout(toastTimer);
    if (toastEl) { toastEl.hidden = true; }
  }

  /* ---------- the current item ---------- */

  function setCurrent(item, opts) {
    opts = opts || {};
    if (current && current !== item) {
      current.classList.remove('is-current');
      current.removeAttribute('aria-current');
    }
    current = item;
    if (!item) { return; }
    item.classList.add('is-current');
    item.setAttribute('aria-current', 'true');
    if (opts.focus !== false) { item.focus({ preventScroll: true }); }
    if (opts.scroll !== false) { item.scrollIntoView({ block: 'nearest' }); }
  }

  function move(delta) {
    if (!items.length) { return; }
    var i = current ? items.indexOf(current) + delta : 0;
    if (i >= items.length) {
      toast([gettext('That was the last comment on this page.')]);
      i = items.length - 1;
    }
    setCurrent(items[Math.max(0, i)]);
  }

  function needCurrent() {
    if (current) { return true; }
    toast(fill(gettext('Press %(key)s to pick a comment first.'), { key: { kbd: 'j' } }));
    return false;
  }

  /* ---------- selection ---------- */

  function updateSelection() {
    var n = 0;
    items.forEach(function (item) {
      var on = checkboxOf(item).checked;
      item.classList.toggle('is-selected', on);
      if (on) { n += 1; }
    });
    if (selectAll) {
      selectAll.checked = n > 0 && n === items.length;
      selectAll.indeterminate = n > 0 && n < items.length;
    }
    if (bulkCount) {
      bulkCount.textContent = n ? interpolateCount(ngettext('%(count)s selected', '%(count)s selected', n), n)
        : gettext('None selected');
      bulkCount.classList.toggle('has-selection', n > 0);
    }
    if (bulkForm) {
      bulkForm.classList.toggle('is-empty', n === 0);
      if (n > 0) { clearError(bulkForm); }
    }
  }

  function toggleCurrent() {
    if (!needCurrent()) { return; }
    var box = checkboxOf(current);
    box.checked = !box.checked;
    updateSelection();
  }

  /* ---------- errors next to a form ---------- */

  function showError(form, message, select) {
    var err = form.querySelector('.field-error');
    if (!err) {
      err = document.createElement('p');
      err.className = 'field-error';
      err.id = 'err-' + Math.random().toString(36).slice(2, 9);
      err.setAttribute('role', 'alert');
      form.appendChild(err);
    }
    err.textContent = message;
    if (select) {
      select.classList.add('is-invalid');
      select.setAttribute('aria-invalid', 'true');
      select.setAttribute('aria-describedby', err.id);
    }
  }

  function clearError(form) {
    var err = form.querySelector('.field-error');
    if (err) { err.parentNode.removeChild(err); }
    var select = form.querySelector('select[name="reason"]');
    if (select) {
      select.classList.remove('is-invalid');
      select.removeAttribute('aria-invalid');
      select.removeAttribute('aria-describedby');
    }
  }

  /* ---------- deciding ---------- */

  function submitDecision(form, action) {
    var button = form.querySelector('button[name="action"][value="' + action + '"]');
    if (!button) { return; }
    if (typeof form.requestSubmit === 'function') {
      form.requestSubmit(button); // sends the button's name=value, runs the submit handler
    } else {
      button.click();
    }
  }

  function startReject(form) {
    var select = form.querySelector('select[name="reason"]');
    if (!select) { return; }
    endReject(false);
    var isBulk = form === bulkForm;
    rejecting = { form: form, select: select, previous: select.value, item: form.closest('.qitem') };
    if (rejecting.item) { rejecting.item.classList.add('is-rejecting'); }
    if (isBulk) { bulkForm.classList.add('is-rejecting'); }
    select.focus();
    var n = reasonOptions(select).length;
    var count = selectedIds().length;
    var keys = { first: { kbd: '1' }, last: { kbd: String(n) }, enter: { kbd: 'Enter' }, esc: { kbd: 'Esc' },
      count: String(count) };
    var what = isBulk
      ? ngettext('Reject %(count)s selected: press %(first)s–%(last)s for the reason',
        'Reject %(count)s selected: press %(first)s–%(last)s for the reason', count)
      : gettext('Reject: press %(first)s–%(last)s for the reason');
    var parts = fill(what, keys);
    if (select.value) { parts = parts.concat(fill(gettext(', %(enter)s for the one chosen'), keys)); }
    parts = parts.concat(fill(gettext(' · %(esc)s cancels'), keys));
    toast(parts, { sticky: true, tone: 'reject' });
  }

  function endReject(restore) {
    if (!rejecting) { return; }
    var r = rejecting;
    rejecting = null;
    if (r.item) { r.item.classList.remove('is-rejecting'); }
    if (r.form === bulkForm) { bulkForm.classList.remove('is-rejecting'); }
    if (restore) { r.select.value = r.previous; }
    hideToast();
  }

  function rememberPosition(form) {
    var decided, anchor;
    if (form === bulkForm) {
      decided = selectedIds();
      // Stay on the current comment when it is not part of the batch.
      anchor = current || itemById(decided[0]);
    } else {
      anchor = form.closest('.qitem');
      decided = [anchor.dataset.id];
    }
    var at = items.indexOf(anchor);
    var left = function (item) { return decided.indexOf(item.dataset.id) === -1; };
    var next = items.slice(at).filter(left)[0] || items.slice(0, Math.max(at, 0)).filter(left).pop() || null;
    writeJSON(storage('sessionStorage'), POSITION_KEY, {
      path: here(),
      decided: decided,
      next: next ? next.dataset.id : null,
      index: next ? items.slice(0, items.indexOf(next)).filter(left).length : -1
    });
    writeJSON(storage('sessionStorage'), LAST_KEY, decided);
  }

  function restorePosition() {
    var store = storage('sessionStorage');
    var saved = readJSON(store, POSITION_KEY);
    if (store) { try { store.removeItem(POSITION_KEY); } catch (e) { /* ignore */ } }
    if (!saved || saved.path !== here() || !items.length) { return; }
    // Still pending? Then the decision did not go through: stay on it.
    var failed = (saved.decided || []).map(itemById).filter(Boolean)[0];
    var target = failed || itemById(saved.next);
    if (!target && saved.index >= 0) { target = items[Math.min(saved.index, items.length - 1)]; }
    if (target) { setCurrent(target); }
  }

  function onSubmit(e) {
    var form = e.target;
    var isDecision = form === bulkForm || (form.matches && form.matches('form.qactions'));
    var isUndo = form.matches && form.matches('form.undo-last');
    if (!isDecision && !isUndo) { return; }
    if (busy) { e.preventDefault(); return; }

    if (isUndo) {
      var last = readJSON(storage('sessionStorage'), LAST_KEY) || [];
      writeJSON(storage('sessionStorage'), POSITION_KEY, { path: here(), decided: [], next: last[0] || null, index: -1 });
      busy = true;
      toast([gettext('Undoing…')]);
      return;
    }

    var submitter = e.submitter;
    var action = submitter && submitter.name === 'action' ? submitter.value : '';
    var select = form.querySelector('select[name="reason"]');

    if (form === bulkForm && selectedIds().length === 0) {
      e.preventDefault();
      endReject(true);
      showError(form, gettext('Select at least one comment first: tick its box, or press x on it.'));
      toast(fill(gettext('Nothing is selected. %(key)s selects the current comment.'), { key: { kbd: 'x' } }),
        { tone: 'error' });
      return;
    }
    if (action === 'reject' && select && !select.value) {
      e.preventDefault();
      var item = form.closest('.qitem');
      if (item) { setCurrent(item, { focus: false, scroll: false }); }
      showError(form, form === bulkForm
        ? gettext('Choose why the selected comments are rejected.')
        : gettext('Choose why this comment is rejected.'), select);
      startReject(form);
      return;
    }

    busy = true;
    window.setTimeout(function () { busy = false; }, 10000); // in case the page never leaves
    rememberPosition(form);
    if (rejecting) { rejecting = null; }
    var affected = form === bulkForm ? selectedIds().map(itemById) : [form.closest('.qitem')];
    affected.forEach(function (it) { if (it) { it.classList.add('is-deciding'); } });
    var n = affected.length;
    var reason = action === 'reject' && select && select.selectedOptions[0]
      ? select.selectedOptions[0].textContent.replace(/^\d+\.\s*/, '') : '';
    var doing = action === 'reject'
      ? (reason ? ngettext('Rejecting %(count)s comment (%(reason)s)…', 'Rejecting %(count)s comments (%(reason)s)…', n)
        : ngettext('Rejecting %(count)s comment…', 'Rejecting %(count)s comments…', n))
      : ngettext('Approving %(count)s comment…', 'Approving %(count)s comments…', n);
    toast(fill(doing, { count: String(n), reason: reason }), { sticky: true, tone: action === 'reject' ? 'reject' : '' });
  }

  /* ---------- cheat sheet ---------- */

  function setSheet(visible, remember) {
    if (!sheet) { return; }
    sheet.hidden = !visible;
    if (sheetToggle) { sheetToggle.setAttribute('aria-expanded', visible ? 'true' : 'false'); }
    if (remember) {
      var store = storage('localStorage');
      if (store) { try { store.setItem(SHEET_KEY, visible ? '0' : '1'); } catch (e) { /* ignore */ } }
    }
  }

  function undoLast() {
    var form = document.querySelector('.messages form.undo-last');
    if (!form) {
      toast([gettext('Nothing to undo here. Older decisions can be undone from History.')]);
      return;
    }
    if (typeof form.requestSubmit === 'function') { form.requestSubmit(); } else { form.submit(); }
  }

  /* ---------- keys ---------- */

  function onKey(e) {
    if (e.defaultPrevented || e.isComposing || e.ctrlKey || e.metaKey || e.altKey) { return; }
    if (busy) { return; }
    var t = e.target;
    var key = e.key;

    // Waiting for a reason after r (or Shift+R).
    if (rejecting && (t === rejecting.select || key === 'Escape')) {
      var r = rejecting;
      if (key === 'Escape') {
        e.preventDefault();
        endReject(true);
        clearError(r.form);
        if (r.item) { setCurrent(r.item); } else if (current) { setCurrent(current); } else { r.select.blur(); }
        return;
      }
      if (/^[1-9]$/.test(key)) {
        e.preventDefault();
        var option = reasonOptions(r.select)[Number(key) - 1];
        if (!option) { return; }
        r.select.value = option.value;
        clearError(r.form);
        submitDecision(r.form, 'reject');
        return;
      }
      if (key === 'Enter') {
        e.preventDefault();
        submitDecision(r.form, 'reject'); // without a reason the submit handler says so
        return;
      }
      return; // arrows etc.: the select's own behaviour
    }

    if (isTyping(t)) {
      if (key === 'Escape') {
        var owner = t.closest && t.closest('.qitem');
        e.preventDefault();
        if (owner) { setCurrent(owner); } else { t.blur(); }
      } else if (key === 'Enter' && t.name === 'note' && t.form && t.form.matches('form.qactions')) {
        // Enter in a note would press the first button (Approve): a note usually explains a rejection.
        e.preventDefault();
        var sel = t.form.querySelector('select[name="reason"]');
        if (sel && sel.value) {
          submitDecision(t.form, 'reject');
        } else {
          showError(t.form, gettext('Choose a reason to reject, or use Approve.'), sel);
        }
      }
      return;
    }

    if (key === '?') {
      e.preventDefault();
      setSheet(sheet ? sheet.hidden : false, true);
      return;
    }
    if (key === 'Escape') {
      hideToast();
      return;
    }
    if (key === 'u' || key === 'U') {
      if (e.shiftKey) { return; }
      e.preventDefault();
      undoLast();
      return;
    }
    if (!items.length) { return; }

    var lower = key.length === 1 ? key.toLowerCase() : key;
    if (e.shiftKey) {
      if (lower === 'a' || lower === 'r') {
        e.preventDefault();
        if (!selectedIds().length) {
          toast(fill(gettext('Nothing is selected. %(key)s selects the current comment.'), { key: { kbd: 'x' } }),
            { tone: 'error' });
        } else if (lower === 'a') {
          submitDecision(bulkForm, 'approve');
        } else {
          startReject(bulkForm);
        }
      }
      return;
    }
    switch (lower) {
      case 'j':
      case 'ArrowDown':
        e.preventDefault();
        move(1);
        break;
      case 'k':
      case 'ArrowUp':
        e.preventDefault();
        move(-1);
        break;
      case 'x':
        e.preventDefault();
        toggleCurrent();
        break;
      case 'a':
        e.preventDefault();
        if (needCurrent()) { submitDecision(formOf(current), 'approve'); }
        break;
      case 'r':
        e.preventDefault();
        if (needCurrent()) { startReject(formOf(current)); }
        break;
      default:
        break;
    }
  }

  /* ---------- wiring ---------- */

  document.addEventListener('keydown', onKey);
  document.addEventListener('submit', onSubmit);

  document.addEventListener('focusin', function (e) {
    var item = e.target.closest ? e.target.closest('.qitem') : null;
    if (item && item !== current) { setCurrent(item, { focus: false, scroll: false }); }
  });

  document.addEventListener('focusout', function (e) {
    if (rejecting && e.target === rejecting.select) { endReject(false); }
  });

  document.addEventListener('change', function (e) {
    var el = e.target;
    if (el === selectAll) {
      items.forEach(function (item) { checkboxOf(item).checked = selectAll.checked; });
      updateSelection();
    } else if (el.classList && el.classList.contains('qselect')) {
      updateSelection();
    } else if (el.name === 'reason' && el.value && el.form) {
      clearError(el.form);
    }
  });

  if (sheetToggle) {
    sheetToggle.addEventListener('click', function () { setSheet(sheet.hidden, true); });
  }

  // queue-live.js added new comments to the list: the keys and the selection know them now.
  document.addEventListener('civility:queue-changed', function () {
    items = list ? Array.prototype.slice.call(list.querySelectorAll('.qitem')) : [];
    updateSelection();
  });

  window.addEventListener('pageshow', function (e) {
    if (e.persisted) {
      busy = false;
      items.forEach(function (item) { item.classList.remove('is-deciding'); });
      hideToast();
    }
    updateSelection();
  });

  // What the server did, repeated near the keys (the message list may be scrolled away).
  function announceMessages() {
    var msg = document.querySelector('.messages .msg');
    if (!msg) { return; }
    Array.prototype.forEach.call(document.querySelectorAll('.messages .msg'), function (m) {
      m.classList.add('is-fresh');
    });
    var text = msg.querySelector('.msg-text');
    var parts = [text ? text.textContent.trim() : ''];
    if (msg.querySelector('form.undo-last')) { parts.push(' ', { kbd: 'u' }, ' undoes it.'); }
    toast(parts, { tone: msg.classList.contains('msg-error') ? 'error' : '', ms: 5000 });
  }

  var hideSheet = readJSON(storage('localStorage'), SHEET_KEY) === 1;
  setSheet(!hideSheet, false);
  updateSelection();
  announceMessages();
  restorePosition();
}());

/*
 * Civility comment thread widget.
 *
 * A news page embeds a thread with one script tag and one element:
 *
 *   <script src="https://civility.example/static/civility/embed.js" defer></script>
 *   <div data-civility-article="lachin-corridor"></div>
 *
 * No build step and no dependencies. The host page may have a strict
 * Content-Security-Policy, so this file never creates inline <style>, never
 * sets style="" attributes and never evaluates strings: all looks come from
 * embed.css, loaded from the same place as this script.
 *
 * Security rule: the server's `body_html` (already sanitised to <p>, <br> and
 * <a rel="nofollow ugc noopener">) is the only text ever inserted as HTML.
 * Everything else goes in through textContent.
 */
(() => {
  'use strict';

  const SCRIPT_PATH = '/static/civility/embed.js';

  // document.currentScript is only set while this file first runs, so it must
  // be captured here and not inside the (later) DOMContentLoaded handler.
  const ownScript = document.currentScript;

  // ---------------------------------------------------------------- helpers

  function findOwnScript() {
    if (ownScript && ownScript.src) return ownScript;
    for (const script of document.querySelectorAll('script[src]')) {
      if (new URL(script.src, document.baseURI).pathname.endsWith(SCRIPT_PATH)) return script;
    }
    return null;
  }

  /** Where the API lives and where embed.css is, worked out from our own src. */
  function locate() {
    const script = findOwnScript();
    if (!script) return null;
    const src = new URL(script.src, document.baseURI);
    // An operator whose static files live elsewhere (a CDN) can say where the API is.
    const explicit = script.getAttribute('data-civility-base');
    let base;
    if (explicit) {
      base = new URL(explicit, document.baseURI).href.replace(/\/+$/, '');
    } else {
      const at = src.pathname.lastIndexOf(SCRIPT_PATH);
      base = src.origin + (at >= 0 ? src.pathname.slice(0, at) : '');
    }
    return { base, css: new URL('embed.css', src).href };
  }

  /** Add our stylesheet once; resolve when it has loaded (or failed, or taken too long). */
  function loadStyles(href) {
    return new Promise((resolve) => {
      let link = Array.from(document.querySelectorAll('link[rel~="stylesheet"]'))
        .find((candidate) => candidate.href === href);
      if (link && link.sheet) {
        resolve();
        return;
      }
      if (!link) {
        link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = href;
        document.head.appendChild(link);
      }
      link.addEventListener('load', () => resolve(), { once: true });
      link.addEventListener('error', () => resolve(), { once: true });
      // Never keep comments hidden because a stylesheet is slow.
      setTimeout(resolve, 3000);
    });
  }

  /** Create an element. `text` goes through textContent; there is no way to pass HTML. */
  function el(tag, props = {}, children = []) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of [].concat(children)) {
      if (child !== null && child !== undefined && child !== false) node.append(child);
    }
    return node;
  }

  function plural(n, word) {
    return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
  }

  const UNITS = [
    ['year', 365 * 86400], ['month', 30 * 86400], ['week', 7 * 86400],
    ['day', 86400], ['hour', 3600], ['minute', 60],
  ];

  /** "5 minutes ago" for recent comments, a plain date for older ones. */
  function readableTime(date) {
    const seconds = (date.getTime() - Date.now()) / 1000;
    if (Math.abs(seconds) < 60) return 'just now';
    // Past a week, "6 weeks ago" is harder to place than a date.
    if (seconds < -7 * 86400 || typeof Intl.RelativeTimeFormat !== 'function') {
      return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
    }
    const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
    for (const [unit, size] of UNITS) {
      if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
    }
    return 'just now';
  }

  // ---------------------------------------------------------------- the nudge

  // Whether to nudge, and with what words, is the server's call (the policy's nudge
  // levels: only a likely personal attack, hate or threat, never a greeting); the
  // widget shows what /api/v1/triage answers in `nudge`.

  /** How long the draft check may take before we post without it. */
  const TRIAGE_TIMEOUT_MS = 2500;

  /** Python counts code points, JavaScript counts UTF-16 units: turn the first into the second. */
  function codeUnitOffset(text, codePoints) {
    let units = 0;
    let seen = 0;
    for (const char of text) {
      if (seen === codePoints) break;
      units += char.length;
      seen += 1;
    }
    return units;
  }

  /** The earliest [start, end) of `spans` in `text`, in textarea offsets; null when there is none. */
  function firstSpan(text, spans) {
    let first = null;
    for (const span of Array.isArray(spans) ? spans : []) {
      const [start, end] = Array.isArray(span) ? span : [];
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) continue;
      if (!first || start < first[0]) first = [start, end];
    }
    if (!first) return null;
    const start = codeUnitOffset(text, first[0]);
    const end = codeUnitOffset(text, first[1]);
    return end > start ? [start, end] : null;
  }

  function waitHint(retryAfter) {
    const seconds = parseInt(retryAfter, 10);
    if (!Number.isFinite(seconds) || seconds <= 0) return '';
    if (seconds < 90) return ` You can try again in ${plural(seconds, 'second')}.`;
    return ` You can try again in about ${plural(Math.ceil(seconds / 60), 'minute')}.`;
  }

  // ---------------------------------------------------------------- API calls

  class NetworkError extends Error {}

  class ApiError extends Error {
    constructor(status, detail, retryAfter) {
      super(detail.message);
      this.status = status;
      this.code = detail.code;
      this.fields = detail.fields || {};
      this.retryAfter = retryAfter;
    }
  }

  /** fetch() with cookies, that turns every failure into NetworkError or ApiError. */
  async function request(url, { method = 'GET', headers = {}, body, signal } = {}) {
    let response;
    try {
      response = await fetch(url, {
        method,
        body,
        signal,
        // Cookies let a logged-in author or moderator comment under their account.
        credentials: 'include',
        headers: { Accept: 'application/json', ...headers },
      });
    } catch {
      throw new NetworkError('Could not reach the comment service.');
    }
    let data = null;
    try {
      data = await response.json();
    } catch {
      // A proxy or load balancer may answer with an HTML page; handled below.
    }
    if (response.ok && data !== null) return { status: response.status, data };
    const detail = data && data.error && data.error.message ? data.error : {
      code: `http_${response.status}`,
      message: `The comment service answered with an error (HTTP ${response.status}). Please try again later.`,
      fields: {},
    };
    // Retry-After is only readable cross-origin if the server exposes it; then we do without.
    throw new ApiError(response.status, detail, response.headers.get('Retry-After'));
  }

  // ---------------------------------------------------------------- one thread

  let mountCount = 0;

  class Thread {
    constructor(host, base, session) {
      this.host = host;
      this.base = base;
      this.sessionSource = session;
      this.key = host.getAttribute('data-civility-article').trim();
      this.prefix = `civ-${mountCount++}`;
      this.threadUrl = `${base}/api/v1/articles/${encodeURIComponent(this.key)}/comments`;
      this.session = null;
      this.article = null;
      this.order = null; // null: the site's default order, until the reader picks one
      this.nextUrl = null;
      this.nodes = new Map(); // comment id -> its <ol> of replies
      this.replyTo = null; // the comment being answered, while the form sits under it
      this.replyButton = null; // its Reply button, to hand focus back on cancel
      this.loadSeq = 0;
      this.sending = false;
      this.shownAt = null; // performance.now() when the form was first shown (bot evidence)
      this.nudgedDraft = null; // the text the nudge is about
      this.confirmedDraft = null; // a text the reader chose to "Post anyway"
      this.build();
    }

    id(name) {
      return `${this.prefix}-${name}`;
    }

    // ------------------------------------------------------------ skeleton

    build() {
      this.heading = el('h2', { class: 'civ-heading', id: this.id('heading'), text: 'Comments' });
      this.orderButtons = ['newest', 'oldest'].map((order) => el('button', {
        type: 'button', class: 'civ-order-button', 'data-order': order, 'aria-pressed': 'false',
        text: order === 'newest' ? 'Newest first' : 'Oldest first',
        onclick: () => this.changeOrder(order),
      }));
      this.orderGroup = el('div', {
        class: 'civ-order', role: 'group', 'aria-label': 'Order of comments', hidden: true,
      }, this.orderButtons);

      this.loading = el('p', { class: 'civ-loading', role: 'status', 'aria-live': 'polite' });
      this.threadAlert = el('div', { class: 'civ-alert', role: 'alert' });

      this.policy = el('p', { class: 'civ-policy' });
      this.closedNotice = el('p', {
        class: 'civ-closed', tabindex: '-1', hidden: true, text: 'Comments are closed on this article.',
      });
      this.buildForm();
      this.compose = el('div', { class: 'civ-compose', hidden: true }, [this.policy, this.form, this.closedNotice]);

      this.list = el('ol', { class: 'civ-list', 'aria-labelledby': this.id('heading') });
      this.empty = el('p', { class: 'civ-empty', hidden: true, text: 'No comments yet. Start the conversation.' });
      this.moreButton = el('button', {
        type: 'button', class: 'civ-button civ-more', hidden: true, text: 'Show more comments',
        onclick: () => this.loadMore(),
      });

      this.root = el('section', { class: 'civ-thread', 'aria-labelledby': this.id('heading') }, [
        el('div', { class: 'civ-head' }, [this.heading, this.orderGroup]),
        this.loading, this.threadAlert, this.compose, this.list, this.empty, this.moreButton,
      ]);
    }

    field(name, label, control, extra = []) {
      const error = el('p', { class: 'civ-field-error', id: this.id(`${name}-error`) });
      control.id = this.id(name);
      control.name = name;
      control.setAttribute('aria-describedby',
        [...extra.map((node) => node.id), error.id].join(' '));
      const wrapper = el('div', { class: `civ-field civ-field-${name}` }, [
        el('label', { for: control.id, text: label }), control, ...extra, error,
      ]);
      this.fields[name] = { control, error, wrapper };
      return wrapper;
    }

    buildForm() {
      this.fields = {};
      this.replyName = el('strong', { dir: 'auto' });
      this.replyError = el('p', { class: 'civ-field-error', id: this.id('parent-error') });
      this.replyBar = el('div', { class: 'civ-replying', hidden: true }, [
        el('span', {}, ['Replying to ', this.replyName]),
        el('button', {
          type: 'button', class: 'civ-link-button civ-cancel-reply', text: 'Cancel reply',
          onclick: () => this.cancelReply(true),
        }),
        this.replyError,
      ]);
      this.fields.parent_id = { control: null, error: this.replyError, wrapper: this.replyBar };

      this.asName = el('strong', { dir: 'auto' });
      this.asRole = el('span', { class: 'civ-as-role' });
      this.asLine = el('p', { class: 'civ-as', hidden: true }, ['Commenting as ', this.asName, this.asRole]);

      const emailNote = el('p', { class: 'civ-hint', id: this.id('email-note'), text: 'Never shown publicly.' });
      this.identity = el('div', { class: 'civ-identity' }, [
        this.field('author_name', 'Name', el('input', {
          type: 'text', autocomplete: 'name', 'aria-required': 'true',
        })),
        this.field('author_email', 'Email', el('input', {
          type: 'email', autocomplete: 'email', 'aria-required': 'true',
        }), [emailNote]),
      ]);
      const bodyField = this.field('body', 'Comment', el('textarea', { rows: '5', 'aria-required': 'true' }));
      // "Email me replies": sent as notify_replies (civility/notifications).
      this.notifyReplies = el('input', { type: 'checkbox', id: this.id('notify_replies'), name: 'notify_replies' });
      const notifyField = el('div', { class: 'civ-field civ-field-notify' }, [
        this.notifyReplies, el('label', { for: this.notifyReplies.id, text: 'Email me replies' }),
      ]);

      // A honeypot: people never see or reach it (embed.css moves it off-screen; no
      // inline style, for the host page's CSP), so a value in it means a bot filled
      // in every field it found.
      this.honeypot = el('input', {
        type: 'text', id: this.id('website'), name: 'website', tabindex: '-1', autocomplete: 'off',
      });
      const honeypot = el('div', { class: 'civ-hp', 'aria-hidden': 'true' }, [
        el('label', { for: this.honeypot.id, text: 'Website' }), this.honeypot,
      ]);

      // The "would you like to edit it?" notice: a live region that stays in the page
      // while empty, so that it is read out when filled. Polite rather than an alert:
      // it is a suggestion, not an error, and nothing is lost by hearing it a moment later.
      this.nudge = el('div', { class: 'civ-nudge', 'aria-live': 'polite' });

      this.submitButton = el('button', { type: 'submit', class: 'civ-button civ-primary', text: 'Post comment' });
      this.formStatus = el('div', { class: 'civ-status', role: 'status', 'aria-live': 'polite' });
      this.formAlert = el('div', { class: 'civ-alert', role: 'alert' });

      // novalidate: the server's own field messages are the ones readers see,
      // the same wording whatever the browser.
      this.form = el('form', {
        class: 'civ-form', novalidate: true, 'aria-label': 'Write a comment',
        onsubmit: (event) => this.submit(event),
      }, [
        this.replyBar, this.asLine, this.identity, bodyField, notifyField, honeypot, this.nudge,
        el('div', { class: 'civ-actions' }, [this.submitButton]),
        this.formStatus, this.formAlert,
      ]);
    }

    // ------------------------------------------------------------ loading

    async start() {
      this.host.replaceChildren(this.root);
      await this.loadFirst();
    }

    async loadFirst() {
      const seq = ++this.loadSeq; // a newer load (order toggled twice) wins over this one
      const url = new URL(this.threadUrl);
      if (this.order) url.searchParams.set('order', this.order);
      this.setBusy(true, 'Loading comments…');
      this.clear(this.threadAlert);
      try {
        const [thread, session] = await Promise.all([request(url.href), this.sessionSource()]);
        if (seq !== this.loadSeq) return;
        this.applySession(session);
        this.render(thread.data, false);
      } catch (error) {
        if (seq !== this.loadSeq) return;
        this.showThreadError(error, () => this.loadFirst());
      } finally {
        if (seq === this.loadSeq) this.setBusy(false);
      }
    }

    async loadMore() {
      if (!this.nextUrl) return;
      const seq = this.loadSeq;
      this.moreButton.disabled = true;
      this.moreButton.textContent = 'Loading…';
      this.clear(this.threadAlert);
      try {
        const { data } = await request(this.nextUrl);
        if (seq !== this.loadSeq) return;
        const firstNew = this.render(data, true);
        // The button may have just disappeared; keep keyboard users in the thread.
        if (firstNew) firstNew.focus();
      } catch (error) {
        this.showThreadError(error, () => this.loadMore());
      } finally {
        this.moreButton.disabled = false;
        this.moreButton.textContent = 'Show more comments';
      }
    }

    changeOrder(order) {
      if (order === this.currentOrder()) return;
      this.order = order;
      this.loadFirst();
    }

    currentOrder() {
      return this.order || (this.article && this.article.order);
    }

    setBusy(busy, message = '') {
      this.root.setAttribute('aria-busy', busy ? 'true' : 'false');
      this.loading.textContent = busy ? message : '';
      // The order buttons stay enabled: disabling the focused one would drop
      // keyboard focus to <body>. loadSeq already ignores superseded answers.
    }

    applySession(session) {
      this.session = session;
      const authed = Boolean(session && session.authenticated);
      this.identity.hidden = authed;
      this.asLine.hidden = !authed;
      if (authed) {
        this.asName.textContent = session.name || '';
        this.asRole.textContent = session.is_author ? ' (author)' : '';
      }
    }

    // ------------------------------------------------------------ rendering

    /** Show a page of the thread; returns the first comment added, if any. */
    render(data, append) {
      const article = data.article;
      this.article = article;
      this.heading.textContent = plural(article.comment_count, 'comment');
      this.policy.textContent = article.policy || '';
      this.setClosed(!article.comments_open);
      for (const button of this.orderButtons) {
        button.setAttribute('aria-pressed', String(button.dataset.order === article.order));
      }
      this.compose.hidden = false;
      // The clock for `elapsed_ms` starts when the form is first shown rather than
      // first focused: the time since first sight bounds the time a person had to
      // read and write, so it is small only for scripts; counting from the first
      // focus would make a reader who pastes a text they wrote elsewhere look
      // like a bot, and a bot that never fires focus would send no evidence at all.
      if (this.shownAt === null && !this.form.hidden) this.shownAt = performance.now();

      if (!append) {
        // The form may sit inside a comment that is about to be thrown away.
        this.cancelReply(false);
        this.list.replaceChildren();
        this.nodes.clear();
      }
      let first = null;
      for (const comment of data.comments) {
        const item = this.renderComment(comment);
        first = first || item;
        // Replies follow their parent in the list, so the parent is always placed first.
        const parentReplies = comment.parent_id !== null ? this.nodes.get(comment.parent_id) : null;
        if (parentReplies) {
          parentReplies.append(item);
          parentReplies.hidden = false;
        } else {
          this.list.append(item);
        }
      }
      this.nextUrl = data.next ? this.sameServer(data.next) : null;
      this.moreButton.hidden = !this.nextUrl;
      const none = this.list.children.length === 0;
      this.empty.hidden = !none;
      this.list.hidden = none;
      // With fewer than two top-level comments there is nothing to sort; once the
      // reader has picked an order, keep the toggle so they can switch back.
      this.orderGroup.hidden = this.list.children.length < 2 && !this.nextUrl && !this.order;
      return first;
    }

    /**
     * `next` is an absolute URL built by the server, which behind a proxy may
     * carry the wrong scheme or host; only its path and query are ours to follow.
     */
    sameServer(next) {
      const url = new URL(next, this.base);
      return new URL(url.pathname + url.search, this.base).href;
    }

    renderComment(comment) {
      const created = new Date(comment.created_at);
      const time = el('time', {
        class: 'civ-time', datetime: comment.created_at,
        title: Number.isNaN(created.getTime()) ? null : created.toLocaleString(),
        text: Number.isNaN(created.getTime()) ? '' : readableTime(created),
      });
      const body = el('div', { class: 'civ-body' });
      body.innerHTML = comment.body_html; // sanitised by the server; the only HTML we insert

      const replies = el('ol', { class: 'civ-replies', hidden: true, 'aria-label': `Replies to ${comment.author_name}` });
      const item = el('li', {
        class: 'civ-comment', id: this.id(`c${comment.id}`), 'data-comment-id': comment.id, tabindex: '-1',
      });
      const replyButton = el('button', {
        type: 'button', class: 'civ-link-button civ-reply', text: 'Reply',
        'aria-label': `Reply to ${comment.author_name}`, 'aria-expanded': 'false',
        onclick: () => this.startReply(comment, item, replyButton),
      });
      item.append(
        el('div', { class: 'civ-meta' }, [
          el('span', { class: 'civ-author', dir: 'auto', text: comment.author_name }),
          comment.is_author ? el('span', { class: 'civ-badge', text: 'Author' }) : null,
          time,
        ]),
        body,
        el('div', { class: 'civ-comment-actions' }, [replyButton]),
        replies,
      );
      this.nodes.set(comment.id, replies);
      return item;
    }

    setClosed(closed) {
      this.root.classList.toggle('civ-is-closed', closed);
      this.closedNotice.hidden = !closed;
      this.form.hidden = closed;
      this.policy.hidden = closed || !this.policy.textContent;
      if (closed) this.cancelReply(false);
    }

    // ------------------------------------------------------------ replying

    startReply(comment, item, button) {
      if (this.replyButton) this.replyButton.setAttribute('aria-expanded', 'false');
      this.replyTo = comment;
      this.replyButton = button;
      button.setAttribute('aria-expanded', 'true');
      this.replyName.textContent = comment.author_name;
      this.replyBar.hidden = false;
      this.clearMessages();
      // Under the comment's own text, above its existing replies.
      item.querySelector(':scope > .civ-comment-actions').after(this.form);
      this.form.classList.add('civ-form-reply');
      this.fields.body.control.focus();
    }

    cancelReply(restoreFocus) {
      const button = this.replyButton;
      this.replyTo = null;
      this.replyButton = null;
      this.replyBar.hidden = true;
      this.clear(this.replyError);
      this.form.classList.remove('civ-form-reply');
      if (this.form.parentNode !== this.compose) this.policy.after(this.form);
      if (button) {
        button.setAttribute('aria-expanded', 'false');
        if (restoreFocus && button.isConnected) button.focus();
      }
    }

    // ------------------------------------------------------------ submitting

    /** Headers for a write: logged-in people send the CSRF token of their session cookie. */
    writeHeaders() {
      const headers = { 'Content-Type': 'application/json' };
      if (this.session && this.session.authenticated) headers['X-CSRFToken'] = this.session.csrf_token;
      return headers;
    }

    async submit(event) {
      event.preventDefault();
      if (this.sending) return;
      this.clearMessages();
      // The raw value, untrimmed: the nudge's spans are offsets in exactly this text.
      const body = this.fields.body.control.value;
      const elapsed = this.shownAt === null ? null : Math.max(0, Math.round(performance.now() - this.shownAt));

      this.setSending(true);
      try {
        // Empty drafts go straight to the server, whose field error says what to do.
        if (body.trim() && body !== this.confirmedDraft) {
          const nudge = await this.draftNudge(body);
          if (nudge) {
            this.showNudge(body, nudge);
            return;
          }
        }
        await this.send(body, elapsed);
      } finally {
        this.setSending(false);
      }
    }

    /**
     * The server's nudge for `text` ({label, message, spans}), or null. Any failure
     * (network, 429, 5xx, a slow answer) gives none: the nudge is a courtesy and must
     * never block posting.
     */
    async draftNudge(text) {
      const controller = typeof AbortController === 'function' ? new AbortController() : null;
      const timer = controller ? setTimeout(() => controller.abort(), TRIAGE_TIMEOUT_MS) : null;
      try {
        const { data } = await request(`${this.base}/api/v1/triage`, {
          method: 'POST', headers: this.writeHeaders(), body: JSON.stringify({ text }),
          signal: controller ? controller.signal : undefined,
        });
        const nudge = data && data.nudge;
        return nudge && typeof nudge.message === 'string' && nudge.message ? nudge : null;
      } catch {
        return null;
      } finally {
        clearTimeout(timer);
      }
    }

    showNudge(text, nudge) {
      this.nudgedDraft = text;
      const span = firstSpan(text, nudge.spans);
      this.nudge.replaceChildren(
        el('p', { class: 'civ-nudge-text', text: nudge.message }),
        el('div', { class: 'civ-nudge-actions' }, [
          el('button', {
            type: 'button', class: 'civ-button civ-nudge-edit', text: 'Edit my comment',
            onclick: () => this.editDraft(span),
          }),
          el('button', {
            type: 'button', class: 'civ-button civ-nudge-post', text: 'Post anyway',
            onclick: () => this.postAnyway(),
          }),
        ]),
      );
    }

    /** Back to the textarea, with the passage that stood out selected. */
    editDraft(span) {
      const box = this.fields.body.control;
      box.focus();
      if (span && box.value === this.nudgedDraft) box.setSelectionRange(span[0], span[1]);
    }

    /** Send the text the nudge was about without asking again; an edited text is asked about anew. */
    postAnyway() {
      this.confirmedDraft = this.nudgedDraft;
      // The button is about to go; keep focus where a normal submit leaves it.
      this.submitButton.focus();
      this.form.requestSubmit();
    }

    async send(body, elapsed) {
      const payload = {
        body,
        author_name: this.fields.author_name.control.value,
        author_email: this.fields.author_email.control.value,
        // Bot evidence for triage: the honeypot's value and the time spent on the form.
        website: this.honeypot.value,
      };
      if (elapsed !== null) payload.elapsed_ms = elapsed;
      if (this.notifyReplies.checked) payload.notify_replies = true;
      if (this.replyTo) payload.parent_id = this.replyTo.id;
      try {
        const { data } = await request(this.threadUrl, {
          method: 'POST', headers: this.writeHeaders(), body: JSON.stringify(payload),
        });
        this.fields.body.control.value = '';
        this.confirmedDraft = null;
        this.nudgedDraft = null;
        if (data.status === 'approved') {
          this.cancelReply(false);
          await this.loadFirst();
          this.formStatus.textContent = data.message || 'Your comment is published.';
        } else {
          // Say plainly that nobody can see it yet: every comment is read by a moderator first.
          this.formStatus.textContent = data.message
            || 'Thank you. Your comment is held for review: a moderator reads every comment before it appears.';
        }
      } catch (error) {
        await this.showSubmitError(error);
      }
    }

    setSending(sending) {
      this.sending = sending;
      this.submitButton.disabled = sending;
      this.submitButton.textContent = sending ? 'Sending…' : 'Post comment';
      this.form.setAttribute('aria-busy', sending ? 'true' : 'false');
    }

    async showSubmitError(error) {
      if (error instanceof NetworkError) {
        this.showAlert(this.formAlert, 'Could not reach the comment service. Your comment has not been sent yet.',
          'Try again', () => this.form.requestSubmit());
        return;
      }
      if (!(error instanceof ApiError)) throw error;
      if (error.code === 'comments_closed') {
        this.setClosed(true);
        this.closedNotice.textContent = error.message;
        this.closedNotice.focus();
        return;
      }
      if (error.code === 'csrf_failed') {
        // Usually a login or logout in another tab since the widget loaded: pick up
        // the current session (and its CSRF token) so that the next try can work.
        const before = this.session;
        const after = await this.sessionSource(true);
        this.applySession(after);
        const changed = !before || !after
          || before.authenticated !== after.authenticated || before.name !== after.name;
        this.showAlert(this.formAlert, changed
          ? 'Your login changed while this page was open. Please check the form and send it again.'
          : 'The comment service could not confirm your login, so the comment was not sent. '
            + 'Please try again; if it keeps failing, reload the page.');
        return;
      }
      let message = error.message;
      const fields = error.fields || {};
      if (this.session && this.session.authenticated && (fields.author_name || fields.author_email)) {
        // The server took us for an anonymous reader: the login expired while the
        // page was open. Show the name and email fields so the reader can go on.
        this.applySession(await this.sessionSource(true));
        message = 'Your login has expired. Give a name and email below, or log in again.';
      }
      if (error.status === 429) message += waitHint(error.retryAfter);
      const unplaced = this.showFieldErrors(fields);
      if (unplaced.length) message += ` ${unplaced.join(' ')}`;
      this.showAlert(this.formAlert, message);
    }

    /** Put each field's message next to it; return the ones that have no visible field here. */
    showFieldErrors(fields) {
      const messages = { ...(fields || {}) };
      let firstInvalid = null;
      // Walk our own fields so focus lands on the first invalid one in reading order.
      for (const [name, field] of Object.entries(this.fields)) {
        const message = messages[name];
        // Name and email are hidden for logged-in people; such errors go in the alert.
        if (!message || field.wrapper.closest('[hidden]')) continue;
        delete messages[name];
        field.error.textContent = message;
        if (field.control) {
          field.control.setAttribute('aria-invalid', 'true');
          firstInvalid = firstInvalid || field.control;
        }
      }
      if (firstInvalid) firstInvalid.focus();
      return Object.values(messages);
    }

    // ------------------------------------------------------------ messages

    clearMessages() {
      this.clear(this.formStatus);
      this.clear(this.formAlert);
      this.clear(this.nudge);
      for (const field of Object.values(this.fields)) {
        this.clear(field.error);
        if (field.control) field.control.removeAttribute('aria-invalid');
      }
    }

    clear(node) {
      node.replaceChildren();
    }

    showAlert(region, message, actionLabel, action) {
      region.replaceChildren(el('span', { class: 'civ-alert-text', text: message }));
      if (actionLabel) {
        region.append(' ', el('button', {
          type: 'button', class: 'civ-button civ-retry', text: actionLabel,
          onclick: () => {
            this.clear(region);
            action();
          },
        }));
      }
    }

    showThreadError(error, retry) {
      if (error instanceof NetworkError) {
        this.showAlert(this.threadAlert, 'Could not reach the comment service. Check your connection and try again.',
          'Try again', retry);
      } else if (error instanceof ApiError) {
        this.showAlert(this.threadAlert, error.message, 'Try again', retry);
      } else {
        throw error;
      }
    }
  }

  // ---------------------------------------------------------------- start up

  function start() {
    const where = locate();
    if (!where) {
      console.error('Civility: cannot tell where embed.js was loaded from; comments are not shown.');
      return;
    }
    const hosts = Array.from(document.querySelectorAll('[data-civility-article]'))
      // A page that includes the script twice must not get two widgets per element.
      .filter((host) => !host.hasAttribute('data-civility-mounted'));
    if (!hosts.length) return;

    // One session request serves every thread on the page.
    let session = null;
    const sessionSource = (fresh = false) => {
      if (!session || fresh) {
        session = request(`${where.base}/api/v1/session`).then((r) => r.data, () => null);
      }
      return session;
    };

    const threads = [];
    for (const host of hosts) {
      host.setAttribute('data-civility-mounted', '');
      if (!host.getAttribute('data-civility-article').trim()) {
        console.error('Civility: data-civility-article is empty.', host);
        continue;
      }
      threads.push(new Thread(host, where.base, sessionSource));
    }
    // Waiting for the stylesheet avoids a flash of an unstyled form on the news page.
    loadStyles(where.css).then(() => {
      for (const thread of threads) thread.start();
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start, { once: true });
  } else {
    start();
  }
})();

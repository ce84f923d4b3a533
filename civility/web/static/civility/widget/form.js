/*
 * The comment form: writing, replying, the nudge, sending and every error a reader can meet.
 *
 * Whether to nudge, and with what words, is the server's call (the policy's nudge levels:
 * only a likely personal attack, hate or threat, never a greeting); the form shows what
 * /api/v1/triage answers in `nudge`, in the thread's language.
 */

import { ApiError, NetworkError } from './api.js';
import { el, showAlert } from './dom.js';

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

export class CommentForm {
  constructor(thread) {
    this.thread = thread;
    this.t = thread.t;
    this.replyTo = null; // the comment being answered, while the form sits under it
    this.replyButton = null; // its Reply button, to hand focus back on cancel
    this.sending = false;
    this.shownAt = null; // performance.now() when the form was first shown (bot evidence)
    this.nudgedDraft = null; // the text the nudge is about
    this.confirmedDraft = null; // a text the reader chose to "Post anyway"
    this.build();
  }

  id(name) {
    return this.thread.id(name);
  }

  field(name, label, control, extra = []) {
    const error = el('p', { class: 'civ-field-error', id: this.id(`${name}-error`) });
    control.id = this.id(name);
    control.name = name;
    control.setAttribute('aria-describedby', [...extra.map((node) => node.id), error.id].join(' '));
    const wrapper = el('div', { class: `civ-field civ-field-${name}` }, [
      el('label', { for: control.id, text: label }), control, ...extra, error,
    ]);
    this.fields[name] = { control, error, wrapper };
    return wrapper;
  }

  build() {
    const { gettext } = this.t;
    this.fields = {};
    this.replyName = el('strong', { dir: 'auto' });
    this.replyError = el('p', { class: 'civ-field-error', id: this.id('parent-error') });
    // "Replying to NAME": the name is placed by the translation, wherever its grammar puts it.
    this.replyLabel = el('span');
    this.replyBar = el('div', { class: 'civ-replying', hidden: true }, [
      this.replyLabel,
      el('button', {
        type: 'button', class: 'civ-link-button civ-cancel-reply', text: gettext('Cancel reply'),
        onclick: () => this.cancelReply(true),
      }),
      this.replyError,
    ]);
    this.fields.parent_id = { control: null, error: this.replyError, wrapper: this.replyBar };

    this.asName = el('strong', { dir: 'auto' });
    this.asRole = el('span', { class: 'civ-as-role' });
    this.asLine = el('p', { class: 'civ-as', hidden: true });

    const emailNote = el('p', { class: 'civ-hint', id: this.id('email-note'), text: gettext('Never shown publicly.') });
    this.identity = el('div', { class: 'civ-identity' }, [
      this.field('author_name', gettext('Name'), el('input', {
        type: 'text', autocomplete: 'name', 'aria-required': 'true',
      })),
      this.field('author_email', gettext('Email'), el('input', {
        type: 'email', autocomplete: 'email', 'aria-required': 'true',
      }), [emailNote]),
    ]);
    const bodyField = this.field('body', gettext('Comment'), el('textarea', {
      rows: '5', 'aria-required': 'true', dir: 'auto',
    }));
    // "Email me replies": sent as notify_replies (civility/notifications).
    this.notifyReplies = el('input', { type: 'checkbox', id: this.id('notify_replies'), name: 'notify_replies' });
    const notifyField = el('div', { class: 'civ-field civ-field-notify' }, [
      this.notifyReplies, el('label', { for: this.notifyReplies.id, text: gettext('Email me replies') }),
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

    this.submitButton = el('button', {
      type: 'submit', class: 'civ-button civ-primary', text: gettext('Post comment'),
    });
    this.formStatus = el('div', { class: 'civ-status', role: 'status', 'aria-live': 'polite' });
    // Edit / Delete for the comment just posted (while it waits for a moderator).
    this.justPosted = el('div', { class: 'civ-own civ-just-posted' });
    this.formAlert = el('div', { class: 'civ-alert', role: 'alert' });

    // novalidate: the server's own field messages are the ones readers see,
    // the same wording whatever the browser.
    this.form = el('form', {
      class: 'civ-form', novalidate: true, 'aria-label': gettext('Write a comment'),
      onsubmit: (event) => this.submit(event),
    }, [
      this.replyBar, this.asLine, this.identity, bodyField, notifyField, honeypot, this.nudge,
      el('div', { class: 'civ-actions' }, [this.submitButton]),
      this.formStatus, this.justPosted, this.formAlert,
    ]);
  }

  /** "Commenting as NAME (author)" or the name and email fields. */
  applySession(session) {
    const { gettext } = this.t;
    const authed = Boolean(session && session.authenticated);
    this.identity.hidden = authed;
    this.asLine.hidden = !authed;
    if (authed) {
      this.asName.textContent = session.name || '';
      this.asRole.textContent = session.is_author ? ` ${gettext('(author)')}` : '';
      this.asLine.replaceChildren(...this.withName(gettext('Commenting as %(name)s'), this.asName), this.asRole);
    }
  }

  /** A translated sentence with a name element where its %(name)s is. */
  withName(template, nameNode) {
    const [before, after = ''] = template.split('%(name)s');
    return [before, nameNode, after].filter((part) => part !== '');
  }

  /** Start the clock for `elapsed_ms` when the form is first shown. */
  shown() {
    // The time since first sight bounds the time a person had to read and write, so it
    // is small only for scripts; counting from the first focus would make a reader who
    // pastes a text they wrote elsewhere look like a bot, and a bot that never fires
    // focus would send no evidence at all.
    if (this.shownAt === null && !this.form.hidden) this.shownAt = performance.now();
  }

  // ------------------------------------------------------------ replying

  startReply(comment, item, button) {
    if (this.replyButton) this.replyButton.setAttribute('aria-expanded', 'false');
    this.replyTo = comment;
    this.replyButton = button;
    button.setAttribute('aria-expanded', 'true');
    this.replyName.textContent = comment.author_name;
    this.replyLabel.replaceChildren(...this.withName(this.t.gettext('Replying to %(name)s'), this.replyName));
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
    this.replyError.replaceChildren();
    this.form.classList.remove('civ-form-reply');
    this.thread.homeForm(this.form);
    if (button) {
      button.setAttribute('aria-expanded', 'false');
      if (restoreFocus && button.isConnected) button.focus();
    }
  }

  // ------------------------------------------------------------ submitting

  /** Headers for a write: logged-in people send the CSRF token of their session cookie. */
  writeHeaders() {
    const headers = { 'Content-Type': 'application/json' };
    const { session } = this.thread;
    if (session && session.authenticated) headers['X-CSRFToken'] = session.csrf_token;
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
      const { data } = await this.thread.api.request(this.thread.api.url('triage'), {
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
    const { gettext } = this.t;
    this.nudgedDraft = text;
    const span = firstSpan(text, nudge.spans);
    this.nudge.replaceChildren(
      el('p', { class: 'civ-nudge-text', text: nudge.message }),
      el('div', { class: 'civ-nudge-actions' }, [
        el('button', {
          type: 'button', class: 'civ-button civ-nudge-edit', text: gettext('Edit my comment'),
          onclick: () => this.editDraft(span),
        }),
        el('button', {
          type: 'button', class: 'civ-button civ-nudge-post', text: gettext('Post anyway'),
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
    const { gettext } = this.t;
    const payload = {
      body,
      author_name: this.fields.author_name.control.value,
      author_email: this.fields.author_email.control.value,
      // Bot evidence for triage: the honeypot's value and the time spent on the form.
      website: this.honeypot.value,
      // The language the widget shows: the site writes to the commenter in it (civility/notifications).
      ui_lang: this.t.language,
    };
    if (elapsed !== null) payload.elapsed_ms = elapsed;
    if (this.notifyReplies.checked) payload.notify_replies = true;
    if (this.replyTo) payload.parent_id = this.replyTo.id;
    try {
      const { data } = await this.thread.api.request(this.thread.threadUrl, {
        method: 'POST', headers: this.writeHeaders(), body: JSON.stringify(payload),
      });
      this.fields.body.control.value = '';
      this.thread.own.remember(data.id, data.edit_token, data.edit_until, body.trim());
      this.confirmedDraft = null;
      this.nudgedDraft = null;
      // The reply is sent: the form goes back to the top of the thread, out of reply mode.
      this.cancelReply(false);
      if (data.status === 'approved') {
        await this.thread.loadFirst();
        this.formStatus.textContent = data.message || gettext('Your comment is published.');
      } else {
        // Say plainly that nobody can see it yet: every comment is read by a moderator first.
        this.formStatus.textContent = data.message || gettext(
          'Thank you. Your comment is held for review: a moderator reads every comment before it appears.',
        );
        this.offerChanges(data.id);
      }
    } catch (error) {
      await this.showSubmitError(error);
    }
  }

  /** Edit and Delete under the form for the comment just posted. */
  offerChanges(id) {
    const panel = el('div', { class: 'civ-own-panel' });
    const buttons = this.thread.own.buttons(id, {
      place: () => ({ panel, status: this.formStatus, alert: this.formAlert }),
      onDeleted: async (message) => {
        this.justPosted.replaceChildren();
        this.formStatus.textContent = message;
      },
    });
    if (buttons.length) {
      this.justPosted.replaceChildren(el('div', { class: 'civ-comment-actions' }, buttons), panel);
    }
  }

  setSending(sending) {
    const { gettext } = this.t;
    this.sending = sending;
    this.submitButton.disabled = sending;
    this.submitButton.textContent = sending ? gettext('Sending…') : gettext('Post comment');
    this.form.setAttribute('aria-busy', sending ? 'true' : 'false');
  }

  waitHint(retryAfter) {
    const { t } = this;
    const seconds = parseInt(retryAfter, 10);
    if (!Number.isFinite(seconds) || seconds <= 0) return '';
    if (seconds < 90) {
      return ` ${t.format(t.ngettext('You can try again in %(count)s second.',
        'You can try again in %(count)s seconds.', seconds), { count: t.number(seconds) })}`;
    }
    const minutes = Math.ceil(seconds / 60);
    return ` ${t.format(t.ngettext('You can try again in about %(count)s minute.',
      'You can try again in about %(count)s minutes.', minutes), { count: t.number(minutes) })}`;
  }

  async showSubmitError(error) {
    const { gettext } = this.t;
    const { thread } = this;
    if (error instanceof NetworkError) {
      showAlert(this.formAlert, gettext('Could not reach the comment service. Your comment has not been sent yet.'),
        gettext('Try again'), () => this.form.requestSubmit());
      return;
    }
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'comments_closed') {
      thread.setClosed(true);
      thread.closedNotice.textContent = error.message;
      thread.closedNotice.focus();
      return;
    }
    if (error.code === 'csrf_failed') {
      // Usually a login or logout in another tab since the widget loaded: pick up
      // the current session (and its CSRF token) so that the next try can work.
      const before = thread.session;
      const after = await thread.sessionSource(true);
      thread.applySession(after);
      const changed = !before || !after
        || before.authenticated !== after.authenticated || before.name !== after.name;
      showAlert(this.formAlert, changed
        ? gettext('Your login changed while this page was open. Please check the form and send it again.')
        : gettext('The comment service could not confirm your login, so the comment was not sent. '
          + 'Please try again; if it keeps failing, reload the page.'));
      return;
    }
    let message = error.message;
    const fields = error.fields || {};
    if (thread.session && thread.session.authenticated && (fields.author_name || fields.author_email)) {
      // The server took us for an anonymous reader: the login expired while the
      // page was open. Show the name and email fields so the reader can go on.
      thread.applySession(await thread.sessionSource(true));
      message = gettext('Your login has expired. Give a name and email below, or log in again.');
    }
    if (error.status === 429) message += this.waitHint(error.retryAfter);
    const unplaced = this.showFieldErrors(fields);
    if (unplaced.length) message += ` ${unplaced.join(' ')}`;
    showAlert(this.formAlert, message);
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

  clearMessages() {
    this.formStatus.replaceChildren();
    this.justPosted.replaceChildren();
    this.formAlert.replaceChildren();
    this.nudge.replaceChildren();
    for (const field of Object.values(this.fields)) {
      field.error.replaceChildren();
      if (field.control) field.control.removeAttribute('aria-invalid');
    }
  }
}

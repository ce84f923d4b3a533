/*
 * One article's thread: the heading and count, the order toggle, the approved comments
 * (replies under their parent), "Show more", closed articles and load errors.
 *
 * Every comment carries dir="auto" and, when triage was sure of it, its language
 * (lang="hy"), so each is read with the right font and the right screen-reader voice
 * whatever the language of the widget around it.
 */

import { Api, ApiError, NetworkError } from './api.js';
import { el, showAlert } from './dom.js';
import { CommentForm } from './form.js';
import { OwnComments } from './own.js';
import { Reports } from './report.js';

let mountCount = 0;

/** The orders a reader can pick, in the order the buttons show. */
const ORDERS = ['newest', 'oldest', 'replies'];

export class Thread {
  constructor(host, base, session, t) {
    this.host = host;
    this.base = base;
    this.t = t;
    this.api = new Api(base, t);
    this.sessionSource = session;
    this.key = host.getAttribute('data-civility-article').trim();
    this.prefix = `civ-${mountCount++}`;
    this.threadUrl = this.api.url(`articles/${encodeURIComponent(this.key)}/comments`);
    this.session = null;
    this.article = null;
    this.order = null; // null: the site's default order, until the reader picks one
    this.nextUrl = null;
    this.nodes = new Map(); // comment id -> its <ol> of replies
    this.loadSeq = 0;
    this.own = new OwnComments(this);
    this.reports = new Reports(this);
    this.build();
  }

  /** The address of one comment (editing and deleting one's own). */
  commentUrl(id) {
    return `${this.threadUrl}/${encodeURIComponent(id)}`;
  }

  /** Reload the thread when comment `id` is in it (its text changed). */
  async refreshIfShown(id) {
    if (this.nodes.has(id)) await this.loadFirst();
  }

  id(name) {
    return `${this.prefix}-${name}`;
  }

  // ------------------------------------------------------------ skeleton

  build() {
    const { gettext } = this.t;
    this.heading = el('h2', { class: 'civ-heading', id: this.id('heading'), text: gettext('Comments') });
    const labels = {
      newest: gettext('Newest first'), oldest: gettext('Oldest first'), replies: gettext('Most replies'),
    };
    this.orderButtons = ORDERS.map((order) => el('button', {
      type: 'button', class: 'civ-order-button', 'data-order': order, 'aria-pressed': 'false',
      text: labels[order], onclick: () => this.changeOrder(order),
    }));
    this.orderGroup = el('div', {
      class: 'civ-order', role: 'group', 'aria-label': gettext('Order of comments'), hidden: true,
    }, this.orderButtons);

    this.loading = el('p', { class: 'civ-loading', role: 'status', 'aria-live': 'polite' });
    this.threadAlert = el('div', { class: 'civ-alert', role: 'alert' });

    this.policy = el('p', { class: 'civ-policy', dir: 'auto' });
    this.closedNotice = el('p', {
      class: 'civ-closed', tabindex: '-1', hidden: true, text: gettext('Comments are closed on this article.'),
    });
    this.form = new CommentForm(this);
    this.compose = el('div', { class: 'civ-compose', hidden: true }, [this.policy, this.form.form, this.closedNotice]);

    this.list = el('ol', { class: 'civ-list', 'aria-labelledby': this.id('heading') });
    this.empty = el('p', { class: 'civ-empty', hidden: true });
    this.moreButton = el('button', {
      type: 'button', class: 'civ-button civ-more', hidden: true, text: gettext('Show more comments'),
      onclick: () => this.loadMore(),
    });

    const theme = (this.host.getAttribute('data-civility-theme') || '').trim();
    this.root = el('section', {
      class: `civ-thread${theme === 'dark' || theme === 'auto' ? ` civ-theme-${theme}` : ''}`,
      'aria-labelledby': this.id('heading'),
      // The widget's own words are in its language, whatever the page around it speaks, and
      // run in that language's direction: a Russian widget stays left to right on an Arabic
      // page (embed.css uses only logical properties, so a right-to-left one mirrors).
      lang: this.t.language,
      dir: this.t.direction,
    }, [
      el('div', { class: 'civ-head' }, [this.heading, this.orderGroup]),
      this.loading, this.threadAlert, this.compose, this.list, this.empty, this.moreButton,
    ]);
  }

  /** Where the form lives when it is not under a comment. */
  homeForm(form) {
    if (form.parentNode !== this.compose) this.policy.after(form);
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
    this.setBusy(true, this.t.gettext('Loading comments…'));
    this.threadAlert.replaceChildren();
    try {
      const [thread, session] = await Promise.all([this.api.request(url.href), this.sessionSource()]);
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
    const { gettext } = this.t;
    const seq = this.loadSeq;
    this.moreButton.disabled = true;
    this.moreButton.textContent = gettext('Loading…');
    this.threadAlert.replaceChildren();
    try {
      const { data } = await this.api.request(this.nextUrl);
      if (seq !== this.loadSeq) return;
      const firstNew = this.render(data, true);
      // The button may have just disappeared; keep keyboard users in the thread.
      if (firstNew) firstNew.focus();
    } catch (error) {
      this.showThreadError(error, () => this.loadMore());
    } finally {
      this.moreButton.disabled = false;
      this.moreButton.textContent = gettext('Show more comments');
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
    this.form.applySession(session);
  }

  // ------------------------------------------------------------ rendering

  /** Show a page of the thread; returns the first comment added, if any. */
  render(data, append) {
    const { t } = this;
    const article = data.article;
    this.article = article;
    this.heading.textContent = t.format(
      t.ngettext('%(count)s comment', '%(count)s comments', article.comment_count),
      { count: t.number(article.comment_count) },
    );
    this.policy.textContent = article.policy || '';
    this.setClosed(!article.comments_open);
    for (const button of this.orderButtons) {
      button.setAttribute('aria-pressed', String(button.dataset.order === article.order));
    }
    this.compose.hidden = false;
    this.form.shown();

    if (!append) {
      // The form may sit inside a comment that is about to be thrown away.
      this.form.cancelReply(false);
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
    this.empty.textContent = article.comments_open
      ? t.gettext('No comments yet. Start the conversation.') : t.gettext('No comments were posted here.');
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
    const { t } = this;
    const created = new Date(comment.created_at);
    const valid = !Number.isNaN(created.getTime());
    const time = el('time', {
      class: 'civ-time', datetime: comment.created_at,
      title: valid ? t.fullTime(created) : null,
      text: valid ? t.readableTime(created) : '',
    });
    // dir="auto": a comment's direction comes from its own text; lang only when triage was sure.
    const body = el('div', { class: 'civ-body', dir: 'auto', lang: comment.lang || null });
    body.innerHTML = comment.body_html; // sanitised by the server; the only HTML we insert

    const replies = el('ol', {
      class: 'civ-replies', hidden: true,
      'aria-label': t.format(t.gettext('Replies to %(name)s'), { name: comment.author_name }),
    });
    const item = el('li', {
      class: 'civ-comment', id: this.id(`c${comment.id}`), 'data-comment-id': comment.id, tabindex: '-1',
    });
    const replyButton = el('button', {
      type: 'button', class: 'civ-link-button civ-reply', text: t.gettext('Reply'),
      'aria-label': t.format(t.gettext('Reply to %(name)s'), { name: comment.author_name }),
      'aria-expanded': 'false',
      onclick: () => this.form.startReply(comment, item, replyButton),
    });
    const ownPanel = el('div', { class: 'civ-own-panel' });
    const ownStatus = el('p', { class: 'civ-status', role: 'status' });
    const ownAlert = el('div', { class: 'civ-alert', role: 'alert' });
    const own = this.own.buttons(comment.id, {
      place: () => ({ panel: ownPanel, status: ownStatus, alert: ownAlert }),
      onDeleted: async (message) => {
        await this.loadFirst();
        this.form.formStatus.textContent = message;
      },
    });
    // Readers report others' comments, not their own (those they can edit or delete).
    const reportPanel = el('div', { class: 'civ-report-panel' });
    const report = own.length ? null : this.reports.button(comment, reportPanel);
    item.append(
      el('div', { class: 'civ-meta' }, [
        el('span', { class: 'civ-author', dir: 'auto', text: comment.author_name }),
        comment.is_author ? el('span', { class: 'civ-badge', text: t.gettext('Author') }) : null,
        time,
      ]),
      body,
      el('div', { class: 'civ-comment-actions' }, [replyButton, ...own, report]),
      own.length ? el('div', { class: 'civ-own' }, [ownPanel, ownStatus, ownAlert]) : reportPanel,
      replies,
    );
    this.nodes.set(comment.id, replies);
    return item;
  }

  setClosed(closed) {
    this.root.classList.toggle('civ-is-closed', closed);
    this.closedNotice.hidden = !closed;
    this.form.form.hidden = closed;
    this.policy.hidden = closed || !this.policy.textContent;
    if (closed) this.form.cancelReply(false);
  }

  showThreadError(error, retry) {
    const { gettext } = this.t;
    if (error instanceof NetworkError) {
      showAlert(this.threadAlert, gettext('Could not reach the comment service. Check your connection and try again.'),
        gettext('Try again'), retry);
    } else if (error instanceof ApiError) {
      showAlert(this.threadAlert, error.message, gettext('Try again'), retry);
    } else {
      throw error;
    }
  }
}

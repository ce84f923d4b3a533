/*
 * The reader's own comments: edit or delete them from the browser they were posted from,
 * while the site's window lasts (15 minutes by default).
 *
 * Posting answers with an edit_token (signed by the server, naming the comment) and
 * edit_until; the widget keeps both in localStorage and shows Edit and Delete on that
 * comment, in the thread once it is published, and under the form right after posting.
 * An edit of a published comment waits for a moderator: readers keep seeing the approved
 * text, and so does this thread until then.
 */

import { ApiError, NetworkError } from './api.js';
import { el, showAlert } from './dom.js';

const PREFIX = 'civility:own:';

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null; // storage blocked (privacy settings): no edit or delete, nothing else lost
  }
}

export class OwnComments {
  constructor(thread) {
    this.thread = thread;
    this.t = thread.t;
    this.store = storage();
    this.forget(() => true, true);
  }

  key(id) {
    return `${PREFIX}${this.thread.base}:${id}`;
  }

  remember(id, token, until, body) {
    if (!this.store || !token) return;
    try {
      this.store.setItem(this.key(id), JSON.stringify({ token, until, body }));
    } catch {
      // a full or blocked storage: the comment simply cannot be changed later
    }
  }

  /** The stored token of comment `id` while its window is open, else null. */
  get(id) {
    if (!this.store) return null;
    let saved = null;
    try {
      saved = JSON.parse(this.store.getItem(this.key(id)) || 'null');
    } catch {
      saved = null;
    }
    if (!saved || !saved.token || !(Date.parse(saved.until) > Date.now())) return null;
    return saved;
  }

  /** Drop expired entries (or every entry `drop` says). */
  forget(drop, expiredOnly = false) {
    if (!this.store) return;
    for (let i = this.store.length - 1; i >= 0; i -= 1) {
      const name = this.store.key(i);
      if (!name || !name.startsWith(PREFIX)) continue;
      let saved = null;
      try {
        saved = JSON.parse(this.store.getItem(name) || 'null');
      } catch {
        saved = null;
      }
      const expired = !saved || !(Date.parse(saved.until) > Date.now());
      if (expired || (!expiredOnly && drop(name))) this.store.removeItem(name);
    }
  }

  /** Edit and Delete buttons for comment `id`, or [] when this browser may not change it. */
  buttons(id, { place, onDeleted }) {
    if (!this.get(id)) return [];
    const { gettext } = this.t;
    const edit = el('button', {
      type: 'button', class: 'civ-link-button civ-own-edit', text: gettext('Edit'),
      onclick: () => this.openEditor(id, place(), edit),
    });
    const remove = el('button', {
      type: 'button', class: 'civ-link-button civ-own-delete', text: gettext('Delete'),
      onclick: () => this.confirmDelete(id, place(), remove, onDeleted),
    });
    return [edit, remove];
  }

  openEditor(id, where, opener) {
    const { gettext } = this.t;
    const saved = this.get(id);
    if (!saved) {
      showAlert(where.alert, gettext('The time to change this comment is over.'));
      return;
    }
    const box = el('textarea', {
      class: 'civ-own-text', rows: '4', dir: 'auto', 'aria-label': gettext('Your comment'),
    });
    box.value = saved.body || '';
    const editor = el('div', { class: 'civ-own-editor' }, [
      box,
      el('div', { class: 'civ-actions' }, [
        el('button', {
          type: 'button', class: 'civ-button civ-primary', text: gettext('Save changes'),
          onclick: () => this.save(id, box.value, where, editor, opener),
        }),
        el('button', {
          type: 'button', class: 'civ-button', text: gettext('Cancel'),
          onclick: () => {
            editor.remove();
            opener.focus();
          },
        }),
      ]),
    ]);
    where.panel.replaceChildren(editor);
    box.focus();
  }

  async save(id, body, where, editor, opener) {
    const saved = this.get(id);
    if (!saved) return;
    try {
      const { data } = await this.thread.api.request(this.thread.commentUrl(id), {
        method: 'PATCH', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token: saved.token, body }),
      });
      this.remember(id, saved.token, saved.until, body);
      editor.remove();
      where.status.textContent = data.message;
      opener.focus();
      if (data.change === 'applied') await this.thread.refreshIfShown(id);
    } catch (error) {
      this.showError(where.alert, error);
    }
  }

  confirmDelete(id, where, button, onDeleted) {
    const { gettext } = this.t;
    const really = el('button', {
      type: 'button', class: 'civ-button civ-own-confirm', text: gettext('Yes, delete it'),
      onclick: () => this.remove(id, where, onDeleted),
    });
    const keep = el('button', {
      type: 'button', class: 'civ-button', text: gettext('Keep it'),
      onclick: () => {
        where.panel.replaceChildren();
        button.focus();
      },
    });
    where.panel.replaceChildren(el('div', { class: 'civ-own-confirm-box', role: 'group' }, [
      el('span', { text: gettext('Delete this comment for good?') }), ' ', really, ' ', keep,
    ]));
    really.focus();
  }

  async remove(id, where, onDeleted) {
    const saved = this.get(id);
    if (!saved) return;
    try {
      const { data } = await this.thread.api.request(this.thread.commentUrl(id), {
        method: 'DELETE', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token: saved.token }),
      });
      this.forget((name) => name === this.key(id));
      where.panel.replaceChildren();
      await onDeleted(data.message);
    } catch (error) {
      this.showError(where.alert, error);
    }
  }

  showError(region, error) {
    if (error instanceof NetworkError) {
      showAlert(region, this.t.gettext('Could not reach the comment service. Check your connection and try again.'));
    } else if (error instanceof ApiError) {
      showAlert(region, [error.message, ...Object.values(error.fields || {})].join(' '));
    } else {
      throw error;
    }
  }
}

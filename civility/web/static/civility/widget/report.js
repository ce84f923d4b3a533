/*
 * "Report" on each published comment: a reason from the site's policy and an optional note.
 * The server keeps one report per reader and comment and limits how many a reader sends.
 */

import { ApiError, NetworkError } from './api.js';
import { el, showAlert } from './dom.js';

/** The policy's reasons (the server's values), in the widget's words. */
function reasons(gettext) {
  return [
    ['personal_attack', gettext('Personal attack')], ['hate_speech', gettext('Hate speech')],
    ['obscenity', gettext('Obscenity')], ['spam', gettext('Spam or repeated comment')],
    ['off_topic', gettext('Off topic')], ['other', gettext('Other')],
  ];
}

export class Reports {
  constructor(thread) {
    this.thread = thread;
    this.t = thread.t;
  }

  /** The Report button of `comment`, and the place its form opens in. */
  button(comment, panel) {
    const { gettext } = this.t;
    const button = el('button', {
      type: 'button', class: 'civ-link-button civ-report', text: gettext('Report'),
      'aria-label': this.t.format(gettext('Report the comment by %(name)s'), { name: comment.author_name }),
      'aria-expanded': 'false',
      onclick: () => this.open(comment, panel, button),
    });
    return button;
  }

  open(comment, panel, button) {
    const { gettext } = this.t;
    const id = `${this.thread.id(`report-${comment.id}`)}`;
    const select = el('select', { id: `${id}-reason`, class: 'civ-report-reason' }, [
      el('option', { value: '', text: gettext('Choose a reason') }),
      ...reasons(gettext).map(([value, label]) => el('option', { value, text: label })),
    ]);
    const note = el('input', { id: `${id}-note`, type: 'text', maxlength: '500', class: 'civ-report-note' });
    const status = el('p', { class: 'civ-status', role: 'status' });
    const alert = el('div', { class: 'civ-alert', role: 'alert' });
    const close = () => {
      panel.replaceChildren();
      button.setAttribute('aria-expanded', 'false');
      button.focus();
    };
    const form = el('form', {
      class: 'civ-report-form', novalidate: true, 'aria-label': gettext('Report this comment'),
      onsubmit: async (event) => {
        event.preventDefault();
        alert.replaceChildren();
        if (!select.value) {
          showAlert(alert, gettext('Choose a reason from the policy.'));
          select.focus();
          return;
        }
        try {
          const { data } = await this.thread.api.request(`${this.thread.commentUrl(comment.id)}/report`, {
            method: 'POST', headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ reason: select.value, note: note.value }),
          });
          form.replaceWith(status);
          status.textContent = data.message;
          button.remove();
        } catch (error) {
          if (error instanceof NetworkError) {
            showAlert(alert, gettext('Could not reach the comment service. Check your connection and try again.'));
          } else if (error instanceof ApiError) {
            showAlert(alert, [error.message, ...Object.values(error.fields || {})].join(' '));
          } else {
            throw error;
          }
        }
      },
    }, [
      el('div', { class: 'civ-field' }, [el('label', { for: select.id, text: gettext('Why?') }), select]),
      el('div', { class: 'civ-field' }, [
        el('label', { for: note.id, text: gettext('Note (optional)') }), note,
      ]),
      el('div', { class: 'civ-actions' }, [
        el('button', { type: 'submit', class: 'civ-button civ-primary', text: gettext('Send report') }),
        el('button', { type: 'button', class: 'civ-button', text: gettext('Cancel'), onclick: close }),
      ]),
      alert,
    ]);
    panel.replaceChildren(form);
    button.setAttribute('aria-expanded', 'true');
    select.focus();
  }
}

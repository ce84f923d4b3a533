/*
 * Start-up: one Thread per element with data-civility-article, each in its own language.
 * embed.js (a classic script, so that pasting one <script> tag keeps working) imports
 * this module and calls start().
 */

import { Api } from './api.js';
import { candidates, load, Messages } from './i18n.js';
import { Thread } from './thread.js';

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

export async function start({ base, css }) {
  const hosts = Array.from(document.querySelectorAll('[data-civility-article]'))
    // A page that includes the script twice must not get two widgets per element.
    .filter((host) => !host.hasAttribute('data-civility-mounted'));
  if (!hosts.length) return;

  // One session request serves every thread on the page. Its errors are never shown
  // (no session: an anonymous reader), so its language does not matter.
  const sessionApi = new Api(base, new Messages('en'));
  let session = null;
  const sessionSource = (fresh = false) => {
    if (!session || fresh) {
      session = sessionApi.request(sessionApi.url('session')).then((r) => r.data, () => null);
    }
    return session;
  };

  const pending = [];
  for (const host of hosts) {
    host.setAttribute('data-civility-mounted', '');
    if (!host.getAttribute('data-civility-article').trim()) {
      console.error('Civility: data-civility-article is empty.', host);
      continue;
    }
    pending.push(load(base, candidates(host)).then((t) => new Thread(host, base, sessionSource, t)));
  }
  // Waiting for the stylesheet avoids a flash of an unstyled form on the news page.
  const [threads] = await Promise.all([Promise.all(pending), loadStyles(css)]);
  for (const thread of threads) thread.start();
}

/*
 * Civility comment thread widget: the one script a news page includes.
 *
 *   <script src="https://civility.example/static/civility/embed.js" defer></script>
 *   <div data-civility-article="lachin-corridor"></div>
 *
 * Optional attributes on the element: data-civility-lang="hy" (the widget's language;
 * else the page's <html lang>, else the browser's), data-civility-theme="dark" or "auto"
 * (follow the reader's light/dark setting). On the script: data-civility-base (where the
 * API is, when static files live elsewhere).
 *
 * This file stays a classic script so that the snippet above keeps working; it finds out
 * where it was loaded from and imports the widget's ES modules (widget/*.js, served as
 * they are: no build step, no dependencies) from the same place.
 */
(() => {
  'use strict';

  const SCRIPT_PATH = '/static/civility/embed.js';

  // document.currentScript is only set while this file first runs, so it must
  // be captured here and not inside the (later) DOMContentLoaded handler.
  const ownScript = document.currentScript;

  function findOwnScript() {
    if (ownScript && ownScript.src) return ownScript;
    for (const script of document.querySelectorAll('script[src]')) {
      if (new URL(script.src, document.baseURI).pathname.endsWith(SCRIPT_PATH)) return script;
    }
    return null;
  }

  /** Where the API lives, and where embed.css and the modules are, worked out from our own src. */
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
    return { base, css: new URL('embed.css', src).href, main: new URL('widget/main.js', src).href };
  }

  function start() {
    const where = locate();
    if (!where) {
      console.error('Civility: cannot tell where embed.js was loaded from; comments are not shown.');
      return;
    }
    if (!document.querySelector('[data-civility-article]')) return;
    import(where.main)
      .then((widget) => widget.start(where))
      .catch((error) => console.error('Civility: the comment widget could not start.', error));
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start, { once: true });
  } else {
    start();
  }
})();

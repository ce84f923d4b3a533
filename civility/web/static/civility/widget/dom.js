/*
 * Building DOM without HTML strings.
 *
 * The host page may have a strict Content-Security-Policy, so the widget never creates
 * inline <style>, never sets style="" attributes and never evaluates strings: all looks
 * come from embed.css. The server's `body_html` (sanitised to <p>, <br> and
 * <a rel="nofollow ugc noopener">) is the only text ever inserted as HTML; everything
 * else goes in through textContent.
 */

/** Create an element. `text` goes through textContent; there is no way to pass HTML. */
export function el(tag, props = {}, children = []) {
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

/** Put `message` (and an optional action button) in a live region. */
export function showAlert(region, message, actionLabel, action) {
  region.replaceChildren(el('span', { class: 'civ-alert-text', text: message }));
  if (actionLabel) {
    region.append(' ', el('button', {
      type: 'button', class: 'civ-button civ-retry', text: actionLabel,
      onclick: () => {
        region.replaceChildren();
        action();
      },
    }));
  }
}

// paste.js — a raw message pasted into the text field (then its Check button),
// or pasted anywhere on the page outside a text field (checked directly).

/** Does pasted text start like a message (a header field name and a colon on some line)? */
function looksLikeMessage(text) {
  return /^[\x21-\x39\x3b-\x7e]+:/m.test(text);
}

/**
 * @param {{text: HTMLTextAreaElement, button: HTMLElement}} els  the paste field and its Check button
 * @param {(text: string) => void} onText  called with the text to check
 */
export function wirePaste({ text: field, button }, onText) {
  button.addEventListener('click', () => onText(field.value));
  document.addEventListener('paste', (e) => {
    const t = e.target;
    if (t && (t.tagName === 'TEXTAREA' || t.tagName === 'INPUT' || t.isContentEditable)) return;
    const text = e.clipboardData?.getData('text/plain');
    if (text && looksLikeMessage(text)) { e.preventDefault(); field.value = text; onText(text); }
  });
}

// @ts-check
// Copies text to the clipboard; where the Clipboard API is refused (insecure context, a
// frame without permission), selects the text in a field so the user can copy it by hand.

/**
 * @param {string} text @param {HTMLInputElement | HTMLTextAreaElement} [fallbackField] shows the text when copying is refused
 * @returns {Promise<boolean>} whether the text is on the clipboard
 */
export async function copyText(text, fallbackField) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (fallbackField) {
      fallbackField.hidden = false;
      fallbackField.value = text;
      fallbackField.focus();
      fallbackField.select();
    }
    return false;
  }
}

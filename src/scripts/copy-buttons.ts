/**
 * Copy buttons: a button with data-copy="<id>" copies the text of the element with that id.
 * The buttons are hidden in the HTML and shown here, so that a reader without scripts never
 * meets a button that does nothing. The outcome is announced in the page's role="status".
 */
export function setUpCopyButtons(root: Document) {
  const status = root.querySelector<HTMLElement>('.copy-status');
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    const target = root.getElementById(button.dataset.copy ?? '');
    if (!target) continue;
    const label = button.textContent ?? '';
    button.hidden = false;
    button.addEventListener('click', async () => {
      const text = (target.textContent ?? '').trim();
      let done = false;
      try {
        await navigator.clipboard.writeText(text);
        done = true;
      } catch {
        // Older browsers and insecure pages: select the text so the reader can copy it.
        const range = root.createRange();
        range.selectNodeContents(target);
        const selection = getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
      }
      const message = done ? (button.dataset.copied ?? 'Copied') : (button.dataset.failed ?? 'Select the text and copy it');
      button.textContent = done ? `${label} ✓` : label;
      if (status) status.textContent = message;
      setTimeout(() => {
        button.textContent = label;
      }, 2500);
    });
  }
}

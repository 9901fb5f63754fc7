const RESET_AFTER_MS = 2000;

async function copy(button: HTMLButtonElement, status: HTMLElement | null): Promise<void> {
  const code = button.closest('figure')?.querySelector('pre')?.textContent ?? '';
  let message: string;
  try {
    await navigator.clipboard.writeText(code.replace(/\n$/, ''));
    message = 'Copied';
  } catch {
    message = 'Copy failed: select the code and copy it by hand';
  }
  button.textContent = message === 'Copied' ? 'Copied' : 'Failed';
  if (status) status.textContent = message;
  setTimeout(() => {
    button.textContent = 'Copy';
    if (status) status.textContent = '';
  }, RESET_AFTER_MS);
}

export function initCodeCopy(): void {
  if (!navigator.clipboard) return;
  const status = document.querySelector<HTMLElement>('[data-copy-status]');
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    button.hidden = false;
    button.addEventListener('click', () => void copy(button, status));
  }
}

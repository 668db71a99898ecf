// Names for the controls Decap CMS 3.16 leaves unnamed or names in English (axe: button-name,
// aria-command-name): the open, move and remove buttons of every list item, the expand buttons,
// and the drag instructions. A MutationObserver keeps them named as Decap re-renders.
// Decap's class names carry its component names (emotion), which is what is matched here; the
// browser test (tests/browser/test_invulhulp.py) runs axe, so an upgrade that changes them fails.

const INSTRUCTIONS = 'Druk op de spatiebalk om dit onderdeel op te pakken. Verplaats het met de pijltjestoetsen. '
  + 'Druk opnieuw op de spatiebalk om het neer te zetten, of op Escape om te annuleren.';

function setLabel(node, label) {
  if (node && node.getAttribute('aria-label') !== label) node.setAttribute('aria-label', label);
}

function nameListItem(bar) {
  const item = bar.parentElement;
  const summary = item.querySelector(':scope > [class*="NestedObjectLabel"]')?.textContent.trim() || 'dit onderdeel';
  const buttons = bar.querySelectorAll(':scope > button');
  setLabel(buttons[0], `Open of sluit: ${summary}`);
  setLabel(bar.querySelector(':scope > [aria-roledescription="sortable"]'), `Verplaats: ${summary}`);
  if (buttons.length > 1) setLabel(buttons[buttons.length - 1], `Verwijder: ${summary}`);
}

function nameAll(root) {
  root.querySelectorAll('[class*="StyledListItemTopBar"]').forEach(nameListItem);
  root.querySelectorAll('[data-testid="expand-button"]').forEach(button => {
    const label = button.getAttribute('aria-label');
    if (label === 'Expand') setLabel(button, 'Uitklappen');
    if (label === 'Collapse') setLabel(button, 'Inklappen');
  });
  root.querySelectorAll('[id^="DndDescribedBy-"]').forEach(node => {
    if (node.textContent.trim() !== INSTRUCTIONS) node.textContent = INSTRUCTIONS;
  });
}

export function nameDecapControls(root) {
  let queued = false;
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; nameAll(root); });
  });
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'], characterData: true });
  nameAll(root);
}

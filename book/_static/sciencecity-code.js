/* Code cells (book/_ext/sciencecity_code.py), loaded with `defer` on pages that have them.
 * A folded cell's code is kept out of the document in an inert <template> until the reader
 * opens the cell; then it is moved into place. (Without scripts, the cell links to the
 * chapter's code page instead.) */
(() => {
  const show = (details) => {
    const template = details.querySelector(":scope > template");
    if (template) template.replaceWith(template.content);
  };
  // `toggle` does not bubble: one listener in the capture phase serves every cell.
  document.addEventListener(
    "toggle",
    (event) => {
      if (event.target.open && event.target.classList.contains("sc-code")) show(event.target);
    },
    true,
  );
  // A cell opened before this deferred script ran.
  document.querySelectorAll("details.sc-code[open]").forEach(show);
})();

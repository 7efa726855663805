/* The book's script, loaded with `defer` on every page.
 *
 * On a phone, a wide table or formula scrolls sideways inside its own box (the page never
 * does: book/_static/sciencecity.css). A box that scrolls gets a tab stop, so that keyboard
 * users can reach and scroll it (axe-core: scrollable-region-focusable). The theme does the
 * same for notebook cell outputs and code; this covers what it misses: outputs glued into the
 * text (tables inside admonitions) and formulas. Run once the page has loaded (layout is final
 * then, so it costs no extra layout) and again after a resize.
 *
 * The sidebar buttons of the article header. pydata-sphinx-theme and sphinx-book-theme attach
 * their "open the sidebar" handlers to the FIRST .primary-toggle / .secondary-toggle of the
 * page, which is the header bar's, hidden by the book theme; the buttons readers see (in the
 * article header) only showed a tooltip, so on a phone the table of contents could not be
 * opened at all. A click on a visible toggle is passed on to the first one.
 *
 * Code cells (book/_ext/sciencecity_code.py): a folded cell's code waits in an inert
 * <template>, out of the document, until the reader opens the cell; then it is moved into
 * place. (Without scripts, the cell links to the chapter's code page instead.)
 *
 * The build ships this file without its comments (book/_ext/sciencecity_html.py).
 */
(() => {
  const SELECTOR = ".bd-article .output, .bd-article .sc-math-display";
  const update = () => {
    // All the reads first, then the writes: one layout, not one per box.
    const boxes = [...document.querySelectorAll(SELECTOR)];
    const scrolls = boxes.map((box) => box.scrollWidth > box.clientWidth);
    boxes.forEach((box, i) => {
      if (scrolls[i]) {
        box.tabIndex = 0;
      } else if (box.tabIndex === 0) {
        box.tabIndex = -1;
      }
    });
  };
  let timer;
  window.addEventListener("resize", () => {
    clearTimeout(timer);
    timer = setTimeout(update, 200);
  });
  if (document.readyState === "complete") {
    update();
  } else {
    window.addEventListener("load", update);
  }

  const showCode = (details) => {
    const template = details.querySelector(":scope > template");
    if (template) template.replaceWith(template.content);
  };
  // `toggle` does not bubble: one listener in the capture phase serves every cell.
  document.addEventListener(
    "toggle",
    (event) => {
      if (event.target.open && event.target.classList.contains("sc-code")) showCode(event.target);
    },
    true,
  );
  // A cell opened before this deferred script ran.
  document.querySelectorAll("details.sc-code[open]").forEach(showCode);

  for (const kind of ["primary-toggle", "secondary-toggle"]) {
    const handled = document.querySelector(`.${kind}`);
    for (const button of document.querySelectorAll(`.bd-header-article .${kind}`)) {
      if (!handled || button === handled) continue;
      button.addEventListener("click", (event) => {
        event.preventDefault();
        handled.click();
      });
    }
  }
})();

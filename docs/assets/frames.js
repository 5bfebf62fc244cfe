/* A wide table scrolls sideways inside its frame (Material's .md-typeset__scrollwrap) on a narrow screen. A frame
 * that scrolls is made reachable from the keyboard and named after its section, so that a reader without a mouse or
 * touch screen can scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable). A frame that fits stays out of the
 * tab order. Checked when the page is shown and when the window changes size.
 */
(function () {
  "use strict";

  function sectionTitle(frame) {
    const headings = [...document.querySelectorAll("article h1, article h2, article h3")];
    const before = headings.filter((h) => h.compareDocumentPosition(frame) & Node.DOCUMENT_POSITION_FOLLOWING);
    const heading = before[before.length - 1];
    return heading ? heading.textContent.replace(/¶/g, "").trim() : document.title;
  }

  function markFrames() {
    // Every frame is measured before any is changed: a measure after a change makes the browser lay the page out
    // again, once per table (on the manager's view that was a quarter of a second on a phone).
    const frames = [...document.querySelectorAll(".md-typeset__scrollwrap")];
    const scrolling = frames.map((frame) => frame.scrollWidth > frame.clientWidth + 1);
    frames.forEach((frame, index) => {
      const scrolls = scrolling[index];
      if (scrolls && !frame.hasAttribute("tabindex")) {
        frame.tabIndex = 0;
        frame.setAttribute("role", "region");
        frame.setAttribute("aria-label", sectionTitle(frame));
        frame.dataset.hbFrame = "";
      } else if (!scrolls && frame.hasAttribute("data-hb-frame")) {
        ["tabindex", "role", "aria-label", "data-hb-frame"].forEach((name) => frame.removeAttribute(name));
      }
    });
  }

  let pending = 0;
  window.addEventListener("resize", () => { cancelAnimationFrame(pending); pending = requestAnimationFrame(markFrames); });
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(markFrames); // Material: emits for the first page and after each instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", markFrames);
  } else {
    markFrames();
  }
})();

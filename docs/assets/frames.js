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

  function scrollsSideways(frame) {
    return frame.scrollWidth > frame.clientWidth + 1;
  }

  function mark(frame, scrolls) {
    if (scrolls && !frame.hasAttribute("tabindex")) {
      frame.tabIndex = 0;
      frame.setAttribute("role", "region");
      frame.setAttribute("aria-label", sectionTitle(frame));
      frame.dataset.hbFrame = "";
    } else if (!scrolls && frame.hasAttribute("data-hb-frame")) {
      ["tabindex", "role", "aria-label", "data-hb-frame"].forEach((name) => frame.removeAttribute(name));
    }
  }

  // A frame in a block far down the page that the browser has not drawn yet (content-visibility, handbook.css).
  function undrawn(frame) {
    return frame.checkVisibility ? !frame.checkVisibility({ contentVisibilityAuto: true }) : false;
  }

  // Measuring a frame in an undrawn block makes the browser lay that block out there and then. All of them in the
  // task that shows the page was one more layout per table (on the manager's view, 10 of them: 130-160 ms with the
  // CPU slowed 4x, as Lighthouse's phone), so they are measured one per idle moment instead, each within a second.
  const idle = window.requestIdleCallback || ((callback) => setTimeout(callback, 50));

  function markOnePerIdleMoment(frames) {
    if (!frames.length) return;
    idle(() => {
      const frame = frames.shift();
      mark(frame, scrollsSideways(frame));
      markOnePerIdleMoment(frames);
    }, { timeout: 1000 });
  }

  function markFrames() {
    const frames = [...document.querySelectorAll(".md-typeset__scrollwrap")];
    const drawn = [], later = [];
    frames.forEach((frame) => (undrawn(frame) ? later : drawn).push(frame));
    // Every drawn frame is measured before any is changed: a measure after a change makes the browser lay the page
    // out again, once per table (on the manager's view that was a quarter of a second on a phone).
    const scrolling = drawn.map(scrollsSideways);
    drawn.forEach((frame, index) => mark(frame, scrolling[index]));
    markOnePerIdleMoment(later);
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

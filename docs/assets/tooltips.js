/* A glossary term's definition, a role's full name behind its short one and a button's name, in one tooltip for the
 * whole page: shown when a reader points at, taps or focuses an element with a title, hidden when they leave it,
 * tap elsewhere or press Escape.
 *
 * Material's own tooltips (its content.tooltips feature) start a component with a 250 ms timer on every element
 * with a title while the page loads: on the glossary, 99 of them were about half of the load's blocking time on a
 * phone (Lighthouse: total blocking time 320-540 ms with them, 160-230 ms without). Nothing here runs before a reader
 * reaches for a tooltip. The text is only ever text (textContent): titles come from the data.
 */
(function () {
  "use strict";

  const GAP = 8; // px between the tooltip and what it describes, and at least that from the window's edges
  const GRACE = 300; // ms the mouse has to cross that gap onto the tooltip before it closes
  const tip = document.createElement("div");
  tip.className = "hb-tooltip";
  tip.id = "hb-tooltip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  let host = null; // the element whose title is shown; its title attribute is held aside meanwhile
  let closing = 0; // the timer that hides the tooltip once the mouse has left it and its element

  // The element whose title a node shows: the shown one too (its title is held in data-hb-title meanwhile), so that
  // moving within it finds it again instead of a titled ancestor.
  function titled(node) {
    return node instanceof Element ? node.closest("[title], [data-hb-title]") : null;
  }

  function show(element) {
    clearTimeout(closing);
    if (element === host) return;
    hide();
    const text = element.getAttribute("title");
    if (!text) return;
    host = element;
    // Held aside while shown: the browser would show its own tooltip of the same text over this one.
    element.dataset.hbTitle = text;
    element.removeAttribute("title");
    if (!element.hasAttribute("aria-describedby")) {
      element.setAttribute("aria-describedby", tip.id);
    }
    tip.textContent = text;
    if (!tip.isConnected) document.body.append(tip);
    tip.hidden = false;
    place(element);
  }

  function hide() {
    clearTimeout(closing);
    if (!host) return;
    host.setAttribute("title", host.dataset.hbTitle);
    delete host.dataset.hbTitle;
    if (host.getAttribute("aria-describedby") === tip.id) host.removeAttribute("aria-describedby");
    host = null;
    tip.hidden = true;
  }

  // Below the element, or above it where there is no room below; centred on it, but never past the window's edges.
  function place(element) {
    const box = element.getBoundingClientRect();
    const width = tip.offsetWidth;
    const height = tip.offsetHeight;
    const left = Math.max(GAP, Math.min(box.left + box.width / 2 - width / 2, innerWidth - width - GAP));
    const below = box.bottom + GAP + height <= innerHeight || box.top < height + GAP;
    const top = below ? box.bottom + GAP : box.top - GAP - height;
    tip.style.left = `${left + scrollX}px`;
    tip.style.top = `${top + scrollY}px`;
  }

  document.addEventListener("pointerover", (event) => {
    const element = titled(event.target);
    if (tip.contains(event.target)) clearTimeout(closing);
    else if (element) show(element);
  });
  // The mouse may move from the element onto its tooltip (to read a long one) without it closing (WCAG 1.4.13).
  document.addEventListener("pointerout", (event) => {
    if (event.pointerType !== "mouse" || !host) return;
    if (!host.contains(event.target) && !tip.contains(event.target)) return; // shown by focus, or left long ago
    const to = event.relatedTarget;
    if (!(to instanceof Node) || !(host.contains(to) || tip.contains(to))) {
      clearTimeout(closing);
      closing = setTimeout(hide, GRACE);
    }
  });
  // A tap shows the tooltip (as pointerover); the next tap anywhere else closes it.
  document.addEventListener("pointerdown", (event) => {
    if (host && !host.contains(event.target) && !tip.contains(event.target)) hide();
  });
  document.addEventListener("focusin", (event) => {
    const element = titled(event.target);
    if (element) show(element);
    else hide();
  });
  document.addEventListener("focusout", (event) => {
    if (host && !host.contains(event.relatedTarget)) hide();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") hide();
  });
  addEventListener("scroll", () => host && place(host), { passive: true });
  addEventListener("resize", () => host && place(host));
})();

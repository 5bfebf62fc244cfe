// The colour scheme switch, once the page is there: overrides/partials/palette.html has already put the scheme on
// the page before the first paint (choosing as `chosen` and `system` do here). A reader's choice is kept in
// Material's own `__palette` entry, which Material's header script applies on later pages; until a reader chooses,
// the system's scheme is followed, also when it changes. Nothing here restyles the page unless the scheme changes.
(() => {
  "use strict";
  const form = document.querySelector("form[data-hb-palette]");
  if (!form) return;
  const inputs = [...form.querySelectorAll("input[name=__palette]")];
  const body = document.body;
  const header = form.closest("[data-md-component=header]") || body;
  const KEYS = ["media", "scheme", "primary", "accent"];
  const colours = input => Object.fromEntries(KEYS.map(key => [key, input.getAttribute(`data-md-color-${key}`)]));
  const chosen = () => {
    const saved = __md_get("__palette");
    return saved && inputs[saved.index] ? saved.index : -1;
  };
  const system = () => Math.max(0, inputs.findIndex(input => matchMedia(colours(input).media).matches));
  const meta = name => document.head.querySelector(`meta[name="${name}"]`)
    || document.head.appendChild(Object.assign(document.createElement("meta"), { name }));
  // The phone's browser bar takes the header's colour, "rgb(r, g, b)" as "#rrggbb" (a theme-color change restyles
  // nothing).
  const paintBrowserBar = background => {
    meta("theme-color").content = "#" + background.match(/\d+/g).slice(0, 3)
      .map(value => (+value).toString(16).padStart(2, "0")).join("");
  };
  // The scheme the page shows, as the inline script chose it: the one whose label (its button to the next scheme) is
  // the visible one.
  let shown = Math.max(0, inputs.findIndex(input => input.nextElementSibling instanceof HTMLLabelElement
    && !input.nextElementSibling.hidden));

  function show(index) {
    const changes = Object.entries(colours(inputs[index]))
      .filter(([key, value]) => body.getAttribute(`data-md-color-${key}`) !== value);
    shown = index;
    if (!changes.length) return;
    body.setAttribute("data-md-color-switching", ""); // no colour fades between schemes (Material's palette CSS)
    changes.forEach(([key, value]) => body.setAttribute(`data-md-color-${key}`, value));
    inputs.forEach((input, i) => {
      if (input.nextElementSibling instanceof HTMLLabelElement) input.nextElementSibling.hidden = i !== index;
    });
    // Both are read before either is written: a new color-scheme restyles, and a read after it would wait for that.
    const style = getComputedStyle(header);
    const [scheme, background] = [style.colorScheme, style.backgroundColor];
    meta("color-scheme").content = scheme;
    paintBrowserBar(background);
    requestAnimationFrame(() => body.removeAttribute("data-md-color-switching"));
  }

  // With the first frame's styles, not a restyle of its own.
  requestAnimationFrame(() => paintBrowserBar(getComputedStyle(header).backgroundColor));
  inputs.forEach((input, index) => input.addEventListener("change", () => {
    __md_set("__palette", { index, color: colours(input) });
    show(index);
  }));
  // Enter steps on to the next scheme, as with Material's switch (Space and the arrow keys are the radios' own).
  form.addEventListener("keydown", event => {
    if (event.key !== "Enter") return;
    const next = inputs[(shown + 1) % inputs.length];
    next.click();
    next.focus();
  });
  inputs.forEach(input => matchMedia(colours(input).media).addEventListener("change", () => {
    if (chosen() < 0) show(system());
  }));
})();

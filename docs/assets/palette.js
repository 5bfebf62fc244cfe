// The colour scheme switch's part that waits for a reader: overrides/partials/palette.html has already shown the
// scheme (before the first paint) and gives `window.__hbPalette`. A choice is kept in Material's own `__palette`
// entry, which Material's header script applies on later pages; until a reader chooses, the system's scheme is
// followed, also when it changes.
(() => {
  "use strict";
  const palette = window.__hbPalette;
  if (!palette) return;
  const { form, inputs, colours } = palette;

  inputs.forEach((input, index) => input.addEventListener("change", () => {
    __md_set("__palette", { index, color: Object.fromEntries(colours(input).map(([name, value]) =>
      [name.replace("data-md-color-", ""), value])) });
    palette.show(index, true);
  }));
  // Enter steps on to the next scheme, as with Material's switch (Space and the arrow keys are the radios' own).
  form.addEventListener("keydown", event => {
    if (event.key !== "Enter") return;
    const next = inputs[(palette.shown + 1) % inputs.length];
    next.click();
    next.focus();
  });
  inputs.forEach(input => matchMedia(input.getAttribute("data-md-color-media")).addEventListener("change", () => {
    if (palette.chosen() < 0) palette.show(palette.system(), true);
  }));
})();

/* Checklist progress saved in the browser; onboarding dates and calendar export.
 *
 * Plain script, no dependencies, nothing fetched: it works offline and from file://.
 * Everything it keeps lives in localStorage under "gm-handbook/":
 *   gm-handbook/checklist/<checklist-id>  {"format": "gm-handbook-checklist", "version": 1, "checklist": id, "done": {item-id: hash}}
 *   gm-handbook/onboarding/<plan-id>      {"format": "gm-handbook-onboarding", "version": 1, "plan": id, "start": "YYYY-MM-DD"}
 * A tick counts only while its hash (first 8 hex digits of the SHA-256 of the item's text, written into the page at
 * build time) matches the page, so an item whose text was edited starts unticked again.
 * Anything unreadable is ignored with a visible notice; the page keeps working.
 */
(function () {
  "use strict";

  const PREFIX = "gm-handbook/";
  const VERSION = 1;
  const FORMATS = { checklist: "gm-handbook-checklist", plan: "gm-handbook-onboarding", file: "gm-handbook-progress" };
  const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  const HASH = /^[0-9a-f]{8}$/;
  const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
  const UID_DOMAIN = "gm-handbook.example";
  const DAY_MS = 86400000;
  const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];

  /* ------------------------------------------------------------ storage that never throws */

  const store = {
    /* The raw string under `key`, null when absent; undefined when storage cannot be used at all. */
    get(key) {
      try { return window.localStorage.getItem(key); } catch (error) { return undefined; }
    },
    set(key, value) {
      try { window.localStorage.setItem(key, value); return true; } catch (error) { return false; }
    },
    remove(key) {
      try { window.localStorage.removeItem(key); return true; } catch (error) { return false; }
    },
    keys() {
      try { return Object.keys(window.localStorage).filter((key) => key.startsWith(PREFIX)); } catch (error) { return []; }
    },
  };

  const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
  const isDoneMap = (done) => isObject(done) &&
    Object.entries(done).every(([item, hash]) => SLUG.test(item) && typeof hash === "string" && HASH.test(hash));

  /* A real calendar date written as YYYY-MM-DD ("2026-02-30" is not). */
  function isIsoDate(value) {
    const match = typeof value === "string" && ISO_DATE.exec(value);
    if (!match) return false;
    const date = parseDate(value);
    return date.getUTCFullYear() === Number(match[1]) && date.getUTCMonth() + 1 === Number(match[2]) &&
      date.getUTCDate() === Number(match[3]);
  }

  /* Reads one saved record: {value} when sound, {value: null} when absent, {problem} otherwise. */
  function readRecord(key, isValid) {
    const raw = store.get(key);
    if (raw === undefined) return { value: null, problem: "unavailable" };
    if (raw === null) return { value: null };
    let data;
    try { data = JSON.parse(raw); } catch (error) { return { value: null, problem: "unreadable" }; }
    return isValid(data) ? { value: data } : { value: null, problem: "unreadable" };
  }

  const checklistKey = (id) => `${PREFIX}checklist/${id}`;
  const planKey = (id) => `${PREFIX}onboarding/${id}`;
  const isChecklistRecord = (id) => (data) => isObject(data) && data.format === FORMATS.checklist &&
    data.version === VERSION && data.checklist === id && isDoneMap(data.done);
  const isPlanRecord = (id) => (data) => isObject(data) && data.format === FORMATS.plan &&
    data.version === VERSION && data.plan === id && isIsoDate(data.start);

  function readChecklist(id) {
    const { value, problem } = readRecord(checklistKey(id), isChecklistRecord(id));
    return { done: value ? value.done : {}, problem };
  }

  function writeChecklist(id, done) {
    if (!Object.keys(done).length) return store.remove(checklistKey(id));
    return store.set(checklistKey(id), JSON.stringify({ format: FORMATS.checklist, version: VERSION, checklist: id, done }));
  }

  function readStart(id) {
    const { value, problem } = readRecord(planKey(id), isPlanRecord(id));
    return { start: value ? value.start : "", problem };
  }

  function writeStart(id, start) {
    if (!start) return store.remove(planKey(id));
    return store.set(planKey(id), JSON.stringify({ format: FORMATS.plan, version: VERSION, plan: id, start }));
  }

  /* ------------------------------------------------------------ notices */

  const PROBLEMS = {
    unreadable: ["Saved progress ignored", "The progress saved in this browser for this page could not be read " +
      "(it is damaged, or was written by something else), so it was ignored. Your next change replaces it."],
    unavailable: ["Progress cannot be saved", "This browser does not let the page keep data (storage is switched " +
      "off or full), so ticks and dates last only until you leave the page. Export your progress to keep it."],
  };

  /* Shows (or replaces) the notice called `name` in a block's notice area. */
  function notify(area, name, title, message, tone, action) {
    if (!area) return;
    clearNotice(area, name);
    const box = document.createElement("div");
    box.className = `admonition ${tone || "warning"} hb-notice`;
    box.dataset.hbNotice = name;
    box.setAttribute("role", tone === "failure" ? "alert" : "status");
    const heading = document.createElement("p");
    heading.className = "admonition-title";
    heading.textContent = title;
    const body = document.createElement("p");
    body.textContent = message;
    if (action) {
      const link = document.createElement("button");
      link.type = "button";
      link.className = "hb-notice__action";
      link.textContent = action.label;
      link.addEventListener("click", () => { clearNotice(area, name); action.run(); });
      body.append(" ", link);
    }
    const close = document.createElement("button");
    close.type = "button";
    close.className = "hb-notice__close";
    close.setAttribute("aria-label", "Dismiss this notice");
    close.textContent = "×";
    close.addEventListener("click", () => box.remove());
    box.append(close, heading, body);
    area.append(box);
  }

  function clearNotice(area, name) {
    if (!area) return;
    area.querySelectorAll(`[data-hb-notice="${name}"]`).forEach((box) => box.remove());
  }

  function reportProblem(area, problem) {
    if (problem) notify(area, "storage", PROBLEMS[problem][0], PROBLEMS[problem][1]);
    else clearNotice(area, "storage");
  }

  /* ------------------------------------------------------------ checklists */

  /* Ticks the boxes whose saved hash matches, counts what is done, and saves on every change. */
  function setupChecklist(root) {
    const id = root.dataset.hbChecklist;
    const boxes = Array.from(root.querySelectorAll("input[type=checkbox][data-hb-item]"));
    const area = root.querySelector("[data-hb-notices]");
    const count = root.querySelector("[data-hb-count]");
    const bar = root.querySelector("progress");
    let unsaved = false;

    function showCount() {
      const done = boxes.filter((box) => box.checked).length;
      count.textContent = `${done} of ${boxes.length} done`;
      if (bar) bar.value = done;
      boxes.forEach((box) => box.closest("tr") && box.closest("tr").classList.toggle("hb-done", box.checked));
    }

    function load() {
      const { done, problem } = readChecklist(id);
      reportProblem(area, problem);
      unsaved = problem === "unavailable";
      let changed = 0;
      boxes.forEach((box) => {
        const saved = done[box.dataset.hbItem];
        if (!unsaved) box.checked = saved === box.dataset.hbHash;
        if (saved && saved !== box.dataset.hbHash) changed += 1;
      });
      if (changed) {
        notify(area, "changed", "Some steps changed", `${changed === 1 ? "One step has" : `${changed} steps have`} ` +
          "been reworded since you ticked them, so they start unticked again. Read them and tick them again when done.",
          "info");
      } else {
        clearNotice(area, "changed");
      }
      showCount();
    }

    function save() {
      const done = {};
      boxes.filter((box) => box.checked).forEach((box) => { done[box.dataset.hbItem] = box.dataset.hbHash; });
      if (writeChecklist(id, done)) {
        clearNotice(area, "storage");
      } else {
        reportProblem(area, "unavailable");
      }
    }

    boxes.forEach((box) => box.addEventListener("change", () => { save(); showCount(); }));
    on(root, "print", () => window.print());
    on(root, "reset", () => {
      const before = readChecklist(id).done;
      boxes.forEach((box) => { box.checked = false; });
      save();
      showCount();
      notify(area, "reset", "Checklist reset", "Every step is unticked.", "info", {
        label: "Undo", run() { writeChecklist(id, before); load(); },
      });
    });
    setupTransfer(root, area);
    load();
    root.querySelector("[data-hb-toolbar]").hidden = false;
    return load;
  }

  /* A list of checklists with "n of m done" for each, counted from storage without the checklist on the page. */
  function setupProgressList(element) {
    const id = element.dataset.hbProgressOf;
    const items = new Map(element.dataset.hbItems.split(" ").map((pair) => pair.split(":")));
    function load() {
      const { done, problem } = readChecklist(id);
      const ticked = Object.entries(done).filter(([item, hash]) => items.get(item) === hash).length;
      element.textContent = problem === "unreadable" ? "Saved progress unreadable"
        : ticked ? `${ticked} of ${items.size} done` : "Not started";
      element.classList.toggle("hb-list-progress--started", ticked > 0);
    }
    load();
    return load;
  }

  /* ------------------------------------------------------------ export and import */

  /* Every sound record in storage, as one file; damaged ones are left out (their pages say so). */
  function exportProgress() {
    const file = { format: FORMATS.file, version: VERSION, exported: new Date().toISOString(), checklists: {}, onboarding: {} };
    store.keys().forEach((key) => {
      const [, kind, id] = key.split("/");
      if (kind === "checklist" && SLUG.test(id)) {
        const { value } = readRecord(key, isChecklistRecord(id));
        if (value) file.checklists[id] = value.done;
      } else if (kind === "onboarding" && SLUG.test(id)) {
        const { value } = readRecord(key, isPlanRecord(id));
        if (value) file.onboarding[id] = { start: value.start };
      }
    });
    return file;
  }

  /* Why `data` is not a progress file this page can import, or "" when it is. */
  function importProblem(data) {
    if (!isObject(data) || data.format !== FORMATS.file) {
      return `it is not a handbook progress file (one has "format": "${FORMATS.file}")`;
    }
    if (data.version !== VERSION) {
      const found = data.version === undefined ? "no version number" : `version ${JSON.stringify(data.version)}`;
      return `it has ${found}, and this handbook reads version ${VERSION}`;
    }
    if (!isObject(data.checklists) || !isObject(data.onboarding)) return "it lacks its \"checklists\" or \"onboarding\" section";
    for (const [id, done] of Object.entries(data.checklists)) {
      if (!SLUG.test(id) || !isDoneMap(done)) return `its progress for checklist "${id}" is damaged`;
    }
    for (const [id, plan] of Object.entries(data.onboarding)) {
      if (!SLUG.test(id) || !isObject(plan) || !isIsoDate(plan.start)) return `its start date for plan "${id}" is damaged`;
    }
    return "";
  }

  function download(name, type, content) {
    const url = URL.createObjectURL(new Blob([content], { type }));
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  /* The export and import buttons of a block. */
  function setupTransfer(root, area) {
    const input = root.querySelector("input[data-hb-import]");
    on(root, "export", () => {
      const file = exportProgress();
      download(`handbook-progress-${file.exported.slice(0, 10)}.json`, "application/json",
        `${JSON.stringify(file, null, 2)}\n`);
    });
    on(root, "import", () => input.click());
    input.addEventListener("change", async () => {
      const file = input.files[0];
      input.value = "";
      if (!file) return;
      let data = null;
      try { data = JSON.parse(await file.text()); } catch (error) { data = undefined; }
      const problem = data === undefined ? "it is not JSON" : importProblem(data);
      if (problem) {
        notify(area, "import", "Nothing imported", `${file.name} was not imported: ${problem}. Your progress is unchanged.`,
          "failure");
        return;
      }
      const failed = [
        ...Object.entries(data.checklists).filter(([id, done]) => !writeChecklist(id, done)),
        ...Object.entries(data.onboarding).filter(([id, plan]) => !writeStart(id, plan.start)),
      ];
      refreshAll();
      if (failed.length) {
        reportProblem(area, "unavailable");
        return;
      }
      const lists = Object.keys(data.checklists).length;
      const plans = Object.keys(data.onboarding).length;
      notify(area, "import", "Progress imported", `${file.name}: progress for ${lists} checklist${lists === 1 ? "" : "s"} ` +
        `and ${plans} start date${plans === 1 ? "" : "s"} restored.`, "success");
    });
  }

  /* ------------------------------------------------------------ dates */

  function parseDate(iso) {
    const [year, month, day] = iso.split("-").map(Number);
    return new Date(Date.UTC(year, month - 1, day));
  }

  const addDays = (date, days) => new Date(date.getTime() + days * DAY_MS);
  /* Monday to Friday, when a page carries no working calendar of its own. */
  const STANDARD_WEEK = { week: [1, 2, 3, 4, 5], off: [], extra: [] };

  /* A working day of `calendar` (the plan's data, built from the company's settings and public holidays): a
     make-up working day, or a day of the working week that is not a public holiday. */
  function isWorkingDay(date, calendar) {
    const iso = isoOf(date);
    if (calendar.extra.includes(iso)) return true;
    return calendar.week.includes(date.getUTCDay()) && !calendar.off.includes(iso);
  }

  /* Day 0 of a plan: the start date, or the next working day when a working-days plan starts on a day off. */
  function dayZero(start, counting, calendar = STANDARD_WEEK) {
    let date = parseDate(start);
    while (counting === "working-days" && !isWorkingDay(date, calendar)) date = addDays(date, 1);
    return date;
  }

  /* The date `offset` days after day 0, counting working days only for working-days plans. */
  function dateOf(zero, offset, counting, calendar = STANDARD_WEEK) {
    if (counting !== "working-days") return addDays(zero, offset);
    let date = zero;
    for (let left = offset; left > 0;) {
      date = addDays(date, 1);
      if (isWorkingDay(date, calendar)) left -= 1;
    }
    return date;
  }

  const pad = (number, width) => String(number).padStart(width || 2, "0");
  const isoOf = (date) => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const icsDateOf = (date) => isoOf(date).replace(/-/g, "");
  const shortDate = (date) => `${WEEKDAYS[date.getUTCDay()].slice(0, 3)} ${date.getUTCDate()} ` +
    `${MONTHS[date.getUTCMonth()].slice(0, 3)} ${date.getUTCFullYear()}`;
  const longDate = (date) => `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ` +
    `${date.getUTCFullYear()}`;

  /* ------------------------------------------------------------ calendar file (RFC 5545) */

  /* TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma and newline. */
  const icsText = (value) => String(value).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");

  /* Folds a content line into lines of at most 75 octets (RFC 5545 3.1), never inside a UTF-8 character. */
  function fold(line) {
    const encoder = new TextEncoder();
    const parts = [];
    let current = "";
    let size = 0;
    for (const character of line) {
      const octets = encoder.encode(character).length;
      const limit = parts.length ? 74 : 75; // a continuation line starts with one space
      if (size + octets > limit) {
        parts.push(current);
        current = "";
        size = 0;
      }
      current += character;
      size += octets;
    }
    parts.push(current);
    return parts.join("\r\n ");
  }

  function utcStamp(date) {
    return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T` +
      `${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
  }

  /* The plan as an iCalendar file: one all-day event per step, on the date computed from `start`. */
  function calendar(plan, start, pageUrl) {
    const zero = dayZero(start, plan.counting, plan.calendar);
    const stamp = utcStamp(new Date());
    const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:-//${icsText(plan.organisation)}//Assistant handbook//EN`,
      "CALSCALE:GREGORIAN", "METHOD:PUBLISH", `X-WR-CALNAME:${icsText(plan.title)}`];
    plan.steps.forEach((step) => {
      const date = dateOf(zero, step.day, plan.counting, plan.calendar);
      const details = [step.outcome];
      if (step.checklists.length) details.push(`Checklists: ${step.checklists.join("; ")}`);
      if (step.duties.length) details.push(`Duties: ${step.duties.join("; ")}`);
      if (pageUrl) details.push(`${pageUrl}#${step.id}`);
      lines.push("BEGIN:VEVENT", `UID:${plan.id}.${step.id}@${UID_DOMAIN}`, `DTSTAMP:${stamp}`,
        `DTSTART;VALUE=DATE:${icsDateOf(date)}`, `DTEND;VALUE=DATE:${icsDateOf(addDays(date, 1))}`,
        `SUMMARY:${icsText(`${step.phase}: ${step.title}`)}`, `DESCRIPTION:${icsText(details.join("\n\n"))}`,
        "TRANSP:TRANSPARENT", "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return `${lines.map(fold).join("\r\n")}\r\n`;
  }

  /* ------------------------------------------------------------ onboarding plans */

  function setupPlan(root) {
    const id = root.dataset.hbPlan;
    const counting = root.dataset.hbCounting;
    const input = root.querySelector("input[data-hb-start]");
    const status = root.querySelector("[data-hb-status]");
    const printed = root.querySelector("[data-hb-start-print]");
    const blank = printed ? printed.textContent : "";
    const area = root.querySelector("[data-hb-notices]");
    const icsButton = root.querySelector('[data-hb-action="ics"]');
    let plan = null;
    try {
      plan = JSON.parse(root.querySelector("script[data-hb-plan-data]").textContent);
    } catch (error) {
      notify(area, "data", "Calendar unavailable", "This page's plan data could not be read, so no calendar can be made.",
        "failure");
    }

    const workingDays = (plan && plan.calendar) || STANDARD_WEEK;

    function show(start) {
      const zero = start ? dayZero(start, counting, workingDays) : null;
      root.querySelectorAll("time[data-hb-day]").forEach((slot) => {
        const date = zero && dateOf(zero, Number(slot.dataset.hbDay), counting, workingDays);
        slot.textContent = date ? shortDate(date) : "";
        if (date) slot.dateTime = isoOf(date); else slot.removeAttribute("datetime");
      });
      if (printed) printed.textContent = zero ? longDate(zero) : blank;
      icsButton.disabled = !zero || !plan;
      if (!zero) {
        status.textContent = "Pick your start date to see the date of every step.";
      } else if (isoOf(zero) !== start) {
        status.textContent = `${longDate(parseDate(start))} is not a working day, so day 0 is ${longDate(zero)}.`;
      } else {
        status.textContent = `Day 0 is ${longDate(zero)}.` +
          (counting === "working-days" ? " Dates skip days off and public holidays." : "");
      }
    }

    function load() {
      const { start, problem } = readStart(id);
      reportProblem(area, problem);
      if (problem !== "unavailable") input.value = start;
      show(isIsoDate(input.value) ? input.value : "");
    }

    input.addEventListener("change", () => {
      const start = isIsoDate(input.value) ? input.value : "";
      if (writeStart(id, start)) clearNotice(area, "storage"); else reportProblem(area, "unavailable");
      show(start);
    });
    on(root, "ics", () => {
      if (!plan || !isIsoDate(input.value)) return;
      const pageUrl = /^https?:$/.test(location.protocol) ? location.href.split("#")[0] : "";
      download(`${id}.ics`, "text/calendar;charset=utf-8", calendar(plan, input.value, pageUrl));
    });
    on(root, "print", () => window.print());
    load();
    root.querySelector("[data-hb-plan-controls]").hidden = false;
    return load;
  }

  /* ------------------------------------------------------------ wiring */

  function on(root, action, handler) {
    root.querySelectorAll(`[data-hb-action="${action}"]`).forEach((button) => button.addEventListener("click", handler));
  }

  let refreshers = [];

  function refreshAll() {
    refreshers.forEach((refresh) => refresh());
  }

  /* Sets up every block on the current page once (Material's instant navigation swaps pages without a reload). */
  function setupPage() {
    refreshers = [];
    const blocks = [["[data-hb-checklist]", setupChecklist], ["[data-hb-progress-of]", setupProgressList],
      ["[data-hb-plan]", setupPlan]];
    blocks.forEach(([selector, setup]) => document.querySelectorAll(selector).forEach((element) => {
      if (element.dataset.hbReady) return;
      element.dataset.hbReady = "true";
      try {
        refreshers.push(setup(element));
      } catch (error) {
        // One broken block must not take the rest of the page with it.
        notify(element.querySelector("[data-hb-notices]"), "error", "Something went wrong",
          `This block could not start (${error.message}); the page itself still works.`, "failure");
      }
    }));
  }

  // Another tab ticked something, or imported a file: show it here too.
  window.addEventListener("storage", (event) => {
    if (event.key === null || event.key.startsWith(PREFIX)) refreshAll();
  });

  // Exposed for tests and for anyone checking the numbers by hand in the console.
  window.gmHandbook = { calendar, dateOf, dayZero, exportProgress, fold, icsText, importProblem };

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setupPage); // Material: emits for the first page and after each instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setupPage);
  } else {
    setupPage();
  }
})();

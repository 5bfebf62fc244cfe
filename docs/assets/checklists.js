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
  const ZH_WEEKDAYS = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

  /* Every text a reader sees or hears, in the page's language (<html lang="zh"> is Chinese, anything else English).
     Dates are written out here by hand, not by toLocaleDateString, so they read the same on every machine. */
  const WORDS = {
    en: {
      problems: {
        unreadable: ["Saved progress ignored", "The progress saved in this browser for this page could not be read " +
          "(it is damaged, or was written by something else), so it was ignored. Your next change replaces it."],
        unavailable: ["Progress cannot be saved", "This browser does not let the page keep data (storage is switched " +
          "off or full), so ticks and dates last only until you leave the page. Export your progress to keep it."],
      },
      dismiss: "Dismiss this notice",
      done: (n, total) => `${n} of ${total} done`,
      notStarted: "Not started",
      savedUnreadable: "Saved progress unreadable",
      changedTitle: "Some steps changed",
      changed: (n) => `${n === 1 ? "One step has" : `${n} steps have`} ` +
        "been reworded since you ticked them, so they start unticked again. Read them and tick them again when done.",
      resetTitle: "Checklist reset",
      reset: "Every step is unticked.",
      undo: "Undo",
      notJson: "it is not JSON",
      notProgressFile: (format) => `it is not a handbook progress file (one has "format": "${format}")`,
      wrongVersion: (version, wanted) => `it has ${version === undefined ? "no version number"
        : `version ${JSON.stringify(version)}`}, and this handbook reads version ${wanted}`,
      noSections: "it lacks its \"checklists\" or \"onboarding\" section",
      badChecklist: (id) => `its progress for checklist "${id}" is damaged`,
      badPlan: (id) => `its start date for plan "${id}" is damaged`,
      exportName: (day) => `handbook-progress-${day}.json`,
      notImportedTitle: "Nothing imported",
      notImported: (name, problem) => `${name} was not imported: ${problem}. Your progress is unchanged.`,
      importedTitle: "Progress imported",
      imported: (name, lists, plans) => `${name}: progress for ${lists} checklist${lists === 1 ? "" : "s"} ` +
        `and ${plans} start date${plans === 1 ? "" : "s"} restored.`,
      shortDate: (date) => `${WEEKDAYS[date.getUTCDay()].slice(0, 3)} ${date.getUTCDate()} ` +
        `${MONTHS[date.getUTCMonth()].slice(0, 3)} ${date.getUTCFullYear()}`,
      longDate: (date) => `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ` +
        `${date.getUTCFullYear()}`,
      icsSummary: (phase, title) => `${phase}: ${title}`,
      icsChecklists: (titles) => `Checklists: ${titles.join("; ")}`,
      icsDuties: (titles) => `Duties: ${titles.join("; ")}`,
      noCalendarTitle: "Calendar unavailable",
      noCalendar: "This page's plan data could not be read, so no calendar can be made.",
      pickStart: "Pick your start date to see the date of every step.",
      notWorkingDay: (start, zero) => `${start} is not a working day, so day 0 is ${zero}.`,
      dayZero: (zero) => `Day 0 is ${zero}.`,
      skipsDaysOff: " Dates skip days off and public holidays.",
      errorTitle: "Something went wrong",
      error: (message) => `This block could not start (${message}); the page itself still works.`,
    },
    zh: {
      problems: {
        unreadable: ["已忽略保存的进度", "本浏览器中为此页保存的进度无法读取（数据已损坏，或由其他程序写入），" +
          "因此已忽略。你下次修改时会覆盖它。"],
        unavailable: ["无法保存进度", "此浏览器不允许本页保存数据（存储已关闭或已满），勾选和日期只在你离开本页前有效。" +
          "如需保留，请导出进度。"],
      },
      dismiss: "关闭此提示",
      done: (n, total) => `已完成 ${n}/${total}`,
      notStarted: "未开始",
      savedUnreadable: "保存的进度无法读取",
      changedTitle: "部分步骤已修改",
      changed: (n) => `有 ${n} 个步骤在你勾选后修改过文字，因此已恢复为未勾选。请重新阅读，完成后再次勾选。`,
      resetTitle: "清单已重置",
      reset: "所有步骤均已取消勾选。",
      undo: "撤销",
      notJson: "不是 JSON 文件",
      notProgressFile: (format) => `不是本手册的进度文件（进度文件中应有 "format": "${format}"）`,
      wrongVersion: (version, wanted) => `${version === undefined ? "文件没有版本号"
        : `文件版本为 ${JSON.stringify(version)}`}，本手册只能读取版本 ${wanted}`,
      noSections: "缺少 \"checklists\" 或 \"onboarding\" 部分",
      badChecklist: (id) => `清单“${id}”的进度已损坏`,
      badPlan: (id) => `入职计划“${id}”的入职日期已损坏`,
      exportName: (day) => `手册进度-${day}.json`,
      notImportedTitle: "未导入",
      notImported: (name, problem) => `${name} 未导入：${problem}。你的进度没有变化。`,
      importedTitle: "进度已导入",
      imported: (name, lists, plans) => `${name}：已恢复 ${lists} 个清单的进度和 ${plans} 个入职日期。`,
      shortDate: (date) => `${date.getUTCMonth() + 1}月${date.getUTCDate()}日`,
      longDate: (date) => `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日` +
        `（${ZH_WEEKDAYS[date.getUTCDay()]}）`,
      icsSummary: (phase, title) => `${phase}：${title}`,
      icsChecklists: (titles) => `清单：${titles.join("；")}`,
      icsDuties: (titles) => `职责：${titles.join("；")}`,
      noCalendarTitle: "无法生成日历",
      noCalendar: "无法读取本页的计划数据，因此无法生成日历。",
      pickStart: "选择入职日期后，即可看到每个步骤的日期。",
      notWorkingDay: (start, zero) => `${start}不是工作日，因此第0天为${zero}。`,
      dayZero: (zero) => `第0天为${zero}。`,
      skipsDaysOff: "日期已跳过休息日和法定节假日。",
      errorTitle: "出错了",
      error: (message) => `此区块无法启动（${message}），页面其他部分仍可正常使用。`,
    },
  };
  const LANG = String(document.documentElement.lang || "").startsWith("zh") ? "zh" : "en";
  const T = WORDS[LANG];

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

  const PROBLEMS = T.problems;

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
    close.setAttribute("aria-label", T.dismiss);
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
      count.textContent = T.done(done, boxes.length);
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
        notify(area, "changed", T.changedTitle, T.changed(changed), "info");
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
      notify(area, "reset", T.resetTitle, T.reset, "info", {
        label: T.undo, run() { writeChecklist(id, before); load(); },
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
      element.textContent = problem === "unreadable" ? T.savedUnreadable
        : ticked ? T.done(ticked, items.size) : T.notStarted;
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
      return T.notProgressFile(FORMATS.file);
    }
    if (data.version !== VERSION) {
      return T.wrongVersion(data.version, VERSION);
    }
    if (!isObject(data.checklists) || !isObject(data.onboarding)) return T.noSections;
    for (const [id, done] of Object.entries(data.checklists)) {
      if (!SLUG.test(id) || !isDoneMap(done)) return T.badChecklist(id);
    }
    for (const [id, plan] of Object.entries(data.onboarding)) {
      if (!SLUG.test(id) || !isObject(plan) || !isIsoDate(plan.start)) return T.badPlan(id);
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
      download(T.exportName(file.exported.slice(0, 10)), "application/json",
        `${JSON.stringify(file, null, 2)}\n`);
    });
    on(root, "import", () => input.click());
    input.addEventListener("change", async () => {
      const file = input.files[0];
      input.value = "";
      if (!file) return;
      let data = null;
      try { data = JSON.parse(await file.text()); } catch (error) { data = undefined; }
      const problem = data === undefined ? T.notJson : importProblem(data);
      if (problem) {
        notify(area, "import", T.notImportedTitle, T.notImported(file.name, problem), "failure");
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
      notify(area, "import", T.importedTitle, T.imported(file.name, lists, plans), "success");
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
  const shortDate = T.shortDate;
  const longDate = T.longDate;

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
      if (step.checklists.length) details.push(T.icsChecklists(step.checklists));
      if (step.duties.length) details.push(T.icsDuties(step.duties));
      if (pageUrl) details.push(`${pageUrl}#${step.id}`);
      lines.push("BEGIN:VEVENT", `UID:${plan.id}.${step.id}@${UID_DOMAIN}`, `DTSTAMP:${stamp}`,
        `DTSTART;VALUE=DATE:${icsDateOf(date)}`, `DTEND;VALUE=DATE:${icsDateOf(addDays(date, 1))}`,
        `SUMMARY:${icsText(T.icsSummary(step.phase, step.title))}`, `DESCRIPTION:${icsText(details.join("\n\n"))}`,
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
      notify(area, "data", T.noCalendarTitle, T.noCalendar, "failure");
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
        status.textContent = T.pickStart;
      } else if (isoOf(zero) !== start) {
        status.textContent = T.notWorkingDay(longDate(parseDate(start)), longDate(zero));
      } else {
        status.textContent = T.dayZero(longDate(zero)) + (counting === "working-days" ? T.skipsDaysOff : "");
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
        notify(element.querySelector("[data-hb-notices]"), "error", T.errorTitle, T.error(error.message), "failure");
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

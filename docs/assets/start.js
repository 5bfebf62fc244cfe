/* "This week" on the start pages and the home page: the chosen role's phase, the plan steps due this week and the
 * unticked checklist steps behind them.
 *
 * Plain script, no dependencies, nothing fetched: it reads only what the page embeds (data-hb-week-data) and what
 * checklists.js saved in localStorage, and computes dates with checklists.js's own date functions (window.gmHandbook),
 * so both pages always agree. It adds one key of its own:
 *   gm-handbook/role   the id of the role whose start page was opened last, as plain text
 * Nothing leaves the browser.
 */
(function () {
  "use strict";

  const PREFIX = "gm-handbook/";
  const ROLE_KEY = `${PREFIX}role`;
  const DAY_MS = 86400000;
  const SHOWN = 5; // unticked steps listed per checklist; the checklist itself has the rest
  const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  /* Every text a reader sees or hears, in the page's language (<html lang="zh"> is Chinese, anything else English).
     A message built around a link is [text before, link text, text after]. Dates are written out by hand, not by
     toLocaleDateString, so they read the same on every machine. */
  const WORDS = {
    en: {
      beforeStart: "Before your start day",
      titleChosen: (name) => `This week: ${name}`,
      title: "This week",
      yourRole: ["Your role: ", (title) => (title ? ` (${title}).` : ".")],
      noStart: ["Enter your start date in ", "your onboarding plan", " and this section shows what is due this week."],
      phase: (phase) => `Current phase: ${phase}.`,
      week: (monday, sunday, start) => ` Week of ${monday} to ${sunday}; you started on ${start}.`,
      dueHeading: "Plan steps due this week",
      noneDue: "No plan steps fall in this week.",
      openHeading: "Checklist steps still to tick",
      left: (n) => ` — ${n} left`,
      more: [(n) => `… and ${n} more on `, "the checklist", "."],
      date: (date) => `${DAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`,
    },
    zh: {
      beforeStart: "入职前",
      titleChosen: (name) => `本周：${name}`,
      title: "本周",
      yourRole: ["你的岗位：", (title) => (title ? `（${title}）。` : "。")],
      noStart: ["在", "你的入职计划", "中填写入职日期后，这里会显示本周要完成的事项。"],
      phase: (phase) => `当前阶段：${phase}。`,
      week: (monday, sunday, start) => `本周为${monday}至${sunday}；你于${start}入职。`,
      dueHeading: "本周到期的计划步骤",
      noneDue: "本周没有到期的计划步骤。",
      openHeading: "清单中尚未勾选的步骤",
      left: (n) => `（还剩 ${n} 项）`,
      more: [(n) => `……另有 ${n} 项，请查看`, "清单", "。"],
      date: (date) => `${date.getUTCMonth() + 1}月${date.getUTCDate()}日`,
    },
  };
  const LANG = String(document.documentElement.lang || "").startsWith("zh") ? "zh" : "en";
  const T = WORDS[LANG];

  function read(key) {
    try { return window.localStorage.getItem(key); } catch (error) { return null; }
  }
  function write(key, value) {
    try { window.localStorage.setItem(key, value); } catch (error) { /* storage off: the page still works */ }
  }
  function readJson(key) {
    try { return JSON.parse(read(key)); } catch (error) { return null; }
  }

  /* The saved start date of a plan (checklists.js's record), or "" when there is none. */
  function startOf(planId) {
    const record = readJson(`${PREFIX}onboarding/${planId}`);
    return record && record.plan === planId && typeof record.start === "string" ? record.start : "";
  }

  /* item id -> hash of the steps ticked on a checklist (checklists.js's record). */
  function doneOf(checklistId) {
    const record = readJson(`${PREFIX}checklist/${checklistId}`);
    return record && record.checklist === checklistId && record.done && typeof record.done === "object" ? record.done : {};
  }

  /* Today at 00:00 UTC, in the reader's own calendar (dates in checklists.js are UTC midnights). */
  function today() {
    const now = new Date();
    return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
  }

  /* Monday to Sunday of the week `date` falls in. */
  function weekOf(date) {
    const monday = new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * DAY_MS);
    return [monday, new Date(monday.getTime() + 6 * DAY_MS)];
  }

  const label = T.date;
  const iso = (date) => date.toISOString().slice(0, 10);

  /* What the reader should see this week: the phase, the steps due, and the unticked checklist steps behind them. */
  function weekView(role, checklists, calendar, now) {
    const plan = role.plan;
    const start = plan && startOf(plan.id);
    if (!start) return null;
    const { dayZero, dateOf } = window.gmHandbook;
    const zero = dayZero(start, plan.counting, calendar);
    const [monday, sunday] = weekOf(now);
    const dated = plan.steps.map((step) => ({ step, date: dateOf(zero, step.day, plan.counting, calendar) }));
    const reached = dated.filter(({ date }) => date <= now);
    const phase = reached.length ? reached[reached.length - 1].step.phase : T.beforeStart;
    const due = dated.filter(({ date }) => date >= monday && date <= sunday);
    const open = [];
    new Set(due.flatMap(({ step }) => step.checklists)).forEach((id) => {
      const list = checklists[id];
      if (!list) return;
      const done = doneOf(id);
      const left = list.items.filter((item) => done[item.id] !== item.hash);
      if (left.length) open.push({ id, title: list.title, items: left });
    });
    return { start: zero, phase, due, open, monday, sunday };
  }

  function element(tag, text, attributes) {
    const node = document.createElement(tag);
    if (text) node.textContent = text;
    Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
    return node;
  }

  /* A link made from the page's own hidden link to `key` (so MkDocs wrote its address), with new text. */
  function linkTo(root, key, text, hash) {
    const source = root.querySelector(`[data-hb-week-links] a[data-hb-href="${key}"]`);
    if (!source) return element("span", text);
    const href = source.getAttribute("href").split("#")[0];
    return element("a", text, { href: hash ? `${href}#${hash}` : href });
  }

  function render(root, role, view) {
    const body = root.querySelector("[data-hb-week-body]");
    const title = root.querySelector("[data-hb-week-title]");
    body.replaceChildren();
    if (root.dataset.hbWeek === "chosen") {
      title.textContent = T.titleChosen(role.short_name);
      const line = element("p", "");
      line.append(T.yourRole[0], linkTo(root, `start/${role.id}`, role.short_name), T.yourRole[1](role.title !== role.short_name ? role.title : ""));  // 总经理助理 is both
      body.append(line);
    } else {
      title.textContent = T.title;
    }
    if (!view) {
      const line = element("p", T.noStart[0]);
      line.append(linkTo(root, `onboarding/${role.plan ? role.plan.id : ""}`, T.noStart[1]), T.noStart[2]);
      body.append(line);
      return;
    }
    const where = element("p", "", { "data-hb-week-phase": view.phase });
    where.append(element("strong", T.phase(view.phase)), T.week(label(view.monday), label(view.sunday), label(view.start)));
    body.append(where);
    body.append(element("h3", T.dueHeading));
    if (view.due.length) {
      const list = element("ul", "", { class: "hb-week__steps" });
      view.due.forEach(({ step, date }) => {
        const item = element("li", "", { "data-hb-week-step": step.id, "data-hb-date": iso(date) });
        item.append(element("time", label(date), { datetime: iso(date) }), " ",
          linkTo(root, `onboarding/${role.plan.id}`, step.title, step.id));
        list.append(item);
      });
      body.append(list);
    } else {
      body.append(element("p", T.noneDue));
    }
    if (!view.open.length) return;
    body.append(element("h3", T.openHeading));
    view.open.forEach((list) => {
      const heading = element("p", "", { class: "hb-week__list" });
      heading.append(linkTo(root, `checklists/${list.id}`, list.title), T.left(list.items.length));
      const items = element("ul", "", { class: "hb-week__items", "data-hb-week-checklist": list.id });
      list.items.slice(0, SHOWN).forEach((item) => items.append(element("li", item.text, { "data-hb-week-item": item.id })));
      body.append(heading, items);
      if (list.items.length > SHOWN) {
        const more = element("p", T.more[0](list.items.length - SHOWN));
        more.append(linkTo(root, `checklists/${list.id}`, T.more[1]), T.more[2]);
        body.append(more);
      }
    });
  }

  function setup(root) {
    let data;
    try {
      data = JSON.parse(root.querySelector("script[data-hb-week-data]").textContent);
    } catch (error) {
      return; // without its data the section stays hidden; the rest of the page is unaffected
    }
    let role;
    if (root.dataset.hbWeek === "chosen") {
      const chosen = read(ROLE_KEY);
      role = data.roles.find((r) => r.id === chosen) ||
        // No role chosen yet: the one role whose plan has a start date, if exactly one has.
        (data.roles.filter((r) => r.plan && startOf(r.plan.id)).length === 1
          ? data.roles.find((r) => r.plan && startOf(r.plan.id)) : null);
      if (!role) { root.hidden = true; return; }
    } else {
      role = data.roles[0];
      write(ROLE_KEY, role.id); // this reader's role, for the home page
    }
    render(root, role, window.gmHandbook ? weekView(role, data.checklists, data.calendar, today()) : null);
    root.hidden = false;
  }

  function setupPage() {
    document.querySelectorAll("[data-hb-week]").forEach(setup);
  }

  // Exposed for tests: the view for a role on a given day, from what is stored.
  window.gmHandbookWeek = { weekOf, weekView };
  window.addEventListener("storage", (event) => {
    if (event.key === null || event.key.startsWith(PREFIX)) setupPage();
  });
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setupPage);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setupPage);
  } else {
    setupPage();
  }
})();

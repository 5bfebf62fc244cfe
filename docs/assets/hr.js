/* HR and manager pages: the job advert's copy buttons, the two-role comparison and the progress review.
 *
 * Plain script, no dependencies, nothing fetched: each page carries its data as JSON in a <script> element, so it
 * works offline and from file://. A progress file opened on the review page is read in the browser and never sent.
 */
(function () {
  "use strict";

  /* Every text a reader sees or hears, in the page's language (<html lang="zh"> is Chinese, anything else English).
     Data the page hands over (titles, labels, levels) is already in the page's language and is not translated here. */
  const WORDS = {
    en: {
      copied: (kind) => `The advert is on the clipboard as ${kind === "markdown" ? "Markdown" : "plain text"}.`,
      copyRefused: "Copying was refused by the browser: select the advert below and copy it by hand.",
      count: (heading, n) => `${heading} (${n})`,
      detail: (detail) => ` — ${detail}`,
      bothDiffer: (a, x, b, y) => `${a}: ${x}; ${b}: ${y}`,
      none: "None",
      both: "Both roles",
      only: (title) => `Only ${title}`,
      pair: (a, b) => `${a} and ${b}`,
      sameRole: "You picked the same role twice: everything is shared.",
      duties: "Duties",
      requirements: "Requirements",
      expectations: "What good looks like at 30, 60 and 90 days",
      pitfalls: "Pitfalls",
      tools: "Tools and software",
      worksWith: "Works with",
      duty: (importance, often) => `${importance}, ${often}`,
      requirement: (importance, word, level) => `${importance}, ${word} (${level}/5)`,
      review: "Progress review",
      reviewOf: (role) => `Progress review: ${role}`,
      facts: (exported, reviewed, started) => `Exported ${exported || "(no date)"} · reviewed ${reviewed}` +
        (started !== null ? ` · started ${started}` : " · no start date in the file"),
      checklists: "Checklists",
      columns: ["Checklist", "Done", "Of"],
      overdue: (n) => `Overdue steps (${n})`,
      overdueStep: (title, due, open) => `${title} — due ${due}; open: ${open.join("; ")}`,
      date: (iso) => { const [y, m, d] = iso.split("-").map(Number);
        return `${d} ${["January", "February", "March", "April", "May", "June", "July", "August", "September",
                        "October", "November", "December"][m - 1]} ${y}`; },
      nothingOverdue: "Nothing is overdue.",
      stage: (label) => `Expectations for this stage: ${label.toLowerCase()}`,
      signers: ["Assistant", "Manager"],
      signFields: ["Name", "Date", "Signature"],
      watch: "Pitfalls to watch for in this role",
      sees: "What you may see",
      raise: "How to raise it",
      notJson: "it is not JSON",
      notOpened: (name, problem) => `${name} was not opened: ${problem}.`,
    },
    zh: {
      copied: (kind) => `招聘启事已按${kind === "markdown" ? " Markdown 格式" : "纯文本"}复制到剪贴板。`,
      copyRefused: "浏览器拒绝了复制：请选中下方的招聘启事，手动复制。",
      count: (heading, n) => `${heading}（${n}）`,
      detail: (detail) => `——${detail}`,
      bothDiffer: (a, x, b, y) => `${a}：${x}；${b}：${y}`,
      none: "无",
      both: "两个岗位都有",
      only: (title) => `仅${title}`,
      pair: (a, b) => `${a}与${b}`,
      sameRole: "两次选择了同一岗位：所有内容都相同。",
      duties: "职责",
      requirements: "任职要求",
      expectations: "第30、60、90天应达到的表现",
      pitfalls: "常见误区",
      tools: "工具和软件",
      worksWith: "常用工具",
      duty: (importance, often) => `${importance}，${often}`,
      requirement: (importance, word, level) => `${importance}，${word}（${level}/5）`,
      review: "进度回顾",
      reviewOf: (role) => `进度回顾：${role}`,
      facts: (exported, reviewed, started) => `导出日期：${exported || "无"} · 回顾日期：${reviewed}` +
        (started !== null ? ` · 入职日期：${started}` : " · 文件中没有入职日期"),
      checklists: "清单",
      columns: ["清单", "已完成", "总数"],
      overdue: (n) => `逾期步骤（${n}）`,
      overdueStep: (title, due, open) => `${title}——应于${due}完成；未完成的清单：${open.join("；")}`,
      date: (iso) => { const [y, m, d] = iso.split("-").map(Number); return `${y}年${m}月${d}日`; },
      nothingOverdue: "没有逾期的步骤。",
      stage: (label) => `本阶段的期望：${label}`,
      signers: ["助理", "上级"],
      signFields: ["姓名", "日期", "签名"],
      watch: "本岗位需要留意的常见误区",
      sees: "可能出现的迹象",
      raise: "如何提出",
      notJson: "不是 JSON 文件",
      notOpened: (name, problem) => `${name} 无法打开：${problem}。`,
    },
  };
  const LANG = String(document.documentElement.lang || "").startsWith("zh") ? "zh" : "en";
  const T = WORDS[LANG];

  const readJson = (selector) => {
    const element = document.querySelector(selector);
    return element ? JSON.parse(element.textContent) : null;
  };

  /* ------------------------------------------------------------ advert: copy as plain text or Markdown */

  /* Puts `text` on the clipboard; the old selection trick where the Clipboard API is missing or refused. */
  async function copyText(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (error) {
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      const done = document.execCommand("copy");
      area.remove();
      return done;
    }
  }

  function setUpCopy() {
    const copies = readJson("script[data-hb-advert]");
    if (!copies) return;
    const status = document.querySelector("[data-hb-copy-status]");
    document.querySelectorAll("button[data-hb-copy]").forEach((button) => {
      button.addEventListener("click", async () => {
        const kind = button.dataset.hbCopy;
        const copied = await copyText(copies[kind]);
        status.textContent = copied ? T.copied(kind) : T.copyRefused;
      });
    });
  }

  /* ------------------------------------------------------------ compare two roles */

  /* A new element with a class and text (text through textContent: data never becomes markup). */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* Records of `a` and `b` split by id: in both (with each side's record), only in a, only in b; each in data order. */
  function split(a, b) {
    const inB = new Map(b.map((x) => [x.id, x]));
    const inA = new Set(a.map((x) => x.id));
    return {
      shared: a.filter((x) => inB.has(x.id)).map((x) => [x, inB.get(x.id)]),
      onlyA: a.filter((x) => !inB.has(x.id)),
      onlyB: b.filter((x) => !inA.has(x.id)),
    };
  }

  /* One list of a split: `set` names it for tests and print ("shared", "only-a", "only-b"). */
  function setList(heading, set, items, describe) {
    const section = el("section", "hb-compare__set");
    section.appendChild(el("h4", "", T.count(heading, items.length)));
    const list = el("ul");
    list.dataset.hbSet = set;
    items.forEach((item) => {
      const record = Array.isArray(item) ? item[0] : item;
      const li = el("li", "", record.title);
      li.dataset.id = record.id;
      const detail = describe(item);
      if (detail) li.appendChild(el("span", "hb-compare__detail", T.detail(detail)));
      list.appendChild(li);
    });
    if (!items.length) list.appendChild(el("li", "hb-compare__none", T.none));
    section.appendChild(list);
    return section;
  }

  function splitPart(title, part, a, b, describe) {
    const parts = split(a[part], b[part]);
    const section = el("section", "hb-compare__part");
    section.dataset.hbPart = part;
    section.appendChild(el("h2", "", title));
    const grid = el("div", "hb-compare__grid");
    grid.appendChild(setList(T.both, "shared", parts.shared,
      ([x, y]) => (describe(x) === describe(y) ? describe(x) : T.bothDiffer(a.title, describe(x), b.title, describe(y)))));
    grid.appendChild(setList(T.only(a.title), "only-a", parts.onlyA, describe));
    grid.appendChild(setList(T.only(b.title), "only-b", parts.onlyB, describe));
    section.appendChild(grid);
    return section;
  }

  function sideBySide(title, part, a, b, rows) {
    const section = el("section", "hb-compare__part");
    section.dataset.hbPart = part;
    section.appendChild(el("h2", "", title));
    const table = el("table", "hb-compare__table");
    const head = table.createTHead().insertRow();
    ["", a.title, b.title].forEach((text) => head.appendChild(el("th", "", text)));
    const body = table.createTBody();
    rows.forEach(([label, left, right]) => {
      const row = body.insertRow();
      row.appendChild(el("th", "", label)).scope = "row";
      [left, right].forEach((items) => {
        const cell = row.insertCell();
        const list = el("ul");
        items.forEach((item) => list.appendChild(el("li", "", item)));
        cell.appendChild(list);
      });
    });
    section.appendChild(table);
    return section;
  }

  function drawComparison(root, data, idA, idB) {
    const byId = new Map(data.roles.map((role) => [role.id, role]));
    const a = byId.get(idA), b = byId.get(idB);
    root.replaceChildren();
    if (!a || !b) return;
    root.appendChild(el("h2", "hb-compare__title", T.pair(a.title, b.title)));
    if (a.id === b.id) root.appendChild(el("p", "", T.sameRole));
    root.appendChild(splitPart(T.duties, "duties", a, b, (d) => T.duty(d.importance, d.often)));
    root.appendChild(splitPart(T.requirements, "requirements", a, b, (r) => T.requirement(r.importance, r.levelWord, r.level)));
    root.appendChild(sideBySide(T.expectations, "expectations", a, b,
      Object.keys(a.expectations).map((label) => [label, a.expectations[label], b.expectations[label] || []])));
    root.appendChild(splitPart(T.pitfalls, "pitfalls", a, b, () => ""));
    root.appendChild(sideBySide(T.tools, "tools", a, b, [[T.worksWith, a.tools, b.tools]]));
  }

  function setUpComparison() {
    const root = document.querySelector("[data-hb-comparison]");
    if (!root) return;
    const data = readJson("script[data-hb-compare-data]");
    const pickA = document.querySelector('select[data-hb-compare="a"]');
    const pickB = document.querySelector('select[data-hb-compare="b"]');
    // The pair is kept in the address (#office-director/strategic-assistant), so a link or bookmark reopens it.
    const [hashA, hashB] = decodeURIComponent(location.hash.slice(1)).split("/");
    const known = (id) => data.roles.some((role) => role.id === id);
    if (known(hashA) && known(hashB)) { pickA.value = hashA; pickB.value = hashB; }
    const draw = () => {
      drawComparison(root, data, pickA.value, pickB.value);
      history.replaceState(null, "", `#${pickA.value}/${pickB.value}`);
    };
    pickA.addEventListener("change", draw);
    pickB.addEventListener("change", draw);
    draw();
  }

  /* ------------------------------------------------------------ review progress (read-only, in the browser) */

  const utcDate = (iso) => new Date(`${iso}T00:00:00Z`);
  const isoDate = (date) => date.toISOString().slice(0, 10);
  const todayIso = () => {
    const now = new Date();
    return isoDate(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())));
  };

  /* How far one checklist has got in the file: ticks count only while their hash matches the item's text now. */
  function checklistProgress(checklist, done) {
    const ticked = checklist.items.filter((item) => done && done[item.id] === item.hash);
    return { done: ticked.length, total: checklist.items.length,
      complete: checklist.items.every((item) => item.optional || (done && done[item.id] === item.hash)) };
  }

  /* The report of one progress file `file` (already checked) on `reviewIso`, from the page's `data`. */
  function drawReview(root, data, file, reviewIso) {
    const tools = window.gmHandbook;
    root.replaceChildren();
    const planId = Object.keys(file.onboarding).find((id) => data.plans[id]);
    const plan = planId ? data.plans[planId] : null;
    root.appendChild(el("h2", "", plan ? T.reviewOf(plan.role) : T.review));
    const facts = el("p", "hb-review__facts");
    const exported = String(file.exported || "").slice(0, 10);
    const started = plan ? file.onboarding[planId].start : null;
    facts.textContent = T.facts(/^\d{4}-\d\d-\d\d$/.test(exported) ? T.date(exported) : "", T.date(reviewIso),
      started ? T.date(started) : null);
    root.appendChild(facts);

    // The role's checklists first, then any other the assistant has ticked.
    const ids = [...(plan ? plan.checklists : []), ...Object.keys(file.checklists)]
      .filter((id, index, all) => data.checklists[id] && all.indexOf(id) === index);
    root.appendChild(el("h3", "", T.checklists));
    const table = el("table");  // no class: Material styles a table:not([class]) as every other table
    table.dataset.hbReviewChecklists = "";
    const head = table.createTHead().insertRow();
    T.columns.forEach((text) => head.appendChild(el("th", "", text)));
    const body = table.createTBody();
    const progress = {};
    ids.forEach((id) => {
      progress[id] = checklistProgress(data.checklists[id], file.checklists[id]);
      const row = body.insertRow();
      row.dataset.id = id;
      row.insertCell().textContent = data.checklists[id].title;
      row.insertCell().textContent = String(progress[id].done);
      row.insertCell().textContent = String(progress[id].total);
    });
    root.appendChild(table);
    if (!plan) return;

    // A step is overdue once its date is before the review date and a checklist it names is not complete.
    const start = file.onboarding[planId].start;
    const zero = tools.dayZero(start, plan.counting, plan.calendar);
    const review = utcDate(reviewIso);
    const dated = plan.steps.map((step) => ({ step, date: tools.dateOf(zero, step.day, plan.counting, plan.calendar) }));
    const overdue = dated.filter(({ step, date }) => date < review && step.checklists.some((id) =>
      !(progress[id] || checklistProgress(data.checklists[id], file.checklists[id])).complete));
    root.appendChild(el("h3", "", T.overdue(overdue.length)));
    const list = el("ul");
    list.dataset.hbReviewOverdue = "";
    overdue.forEach(({ step, date }) => {
      const li = el("li", "", T.overdueStep(step.title, T.date(isoDate(date)),
        step.checklists.filter((id) => !checklistProgress(data.checklists[id], file.checklists[id]).complete)
          .map((id) => data.checklists[id].title)));
      li.dataset.id = step.id;
      list.appendChild(li);
    });
    if (!overdue.length) list.appendChild(el("li", "", T.nothingOverdue));
    root.appendChild(list);

    // The stage is the first of day 30, 60, 90 whose date the review has not passed (day 90 after that).
    const stage = plan.expectations.find((e) => review <= tools.dateOf(zero, e.day, plan.counting, plan.calendar)) ||
      plan.expectations[plan.expectations.length - 1];
    const section = el("section", "hb-review__stage");
    section.dataset.hbReviewStage = stage.label;
    section.appendChild(el("h3", "", T.stage(stage.label)));
    const items = el("ul");
    stage.items.forEach((item) => items.appendChild(el("li", "", item)));
    section.appendChild(items);
    T.signers.forEach((who) => {
      const line = el("div", "hb-sign");
      line.appendChild(el("strong", "hb-sign__who", who));
      T.signFields.forEach((label) => {
        line.appendChild(el("span", "hb-sign__label", label));
        line.appendChild(el("span", "hb-sign__line"));
      });
      section.appendChild(line);
    });
    root.appendChild(section);

    const watch = el("section", "hb-review__pitfalls");
    watch.dataset.hbReviewPitfalls = "";
    watch.appendChild(el("h3", "", T.watch));
    plan.pitfalls.forEach((pitfall) => {
      const block = el("div", "hb-review__pitfall");
      block.dataset.id = pitfall.id;
      block.appendChild(el("h4", "", pitfall.title));
      [[T.sees, pitfall.sees], [T.raise, pitfall.raise]].forEach(([label, lines]) => {
        if (!lines.length) return;
        block.appendChild(el("p", "hb-review__label", label));
        const ul = el("ul");
        lines.forEach((line) => ul.appendChild(el("li", "", line)));
        block.appendChild(ul);
      });
      watch.appendChild(block);
    });
    root.insertBefore(watch, section);  // before the stage, so the sign-off lines end the report
  }

  function setUpReview() {
    const root = document.querySelector("[data-hb-review]");
    if (!root) return;
    const data = readJson("script[data-hb-review-data]");
    const input = document.querySelector("input[data-hb-review-file]");
    const dateInput = document.querySelector("input[data-hb-review-date]");
    const notice = document.querySelector("[data-hb-review-notice]");
    if (!dateInput.value) dateInput.value = todayIso();
    let file = null;
    const draw = () => { if (file) drawReview(root, data, file, dateInput.value || todayIso()); };
    input.addEventListener("change", async () => {
      const chosen = input.files[0];
      if (!chosen) return;
      let parsed;
      try { parsed = JSON.parse(await chosen.text()); } catch (error) { parsed = undefined; }
      // The same checks, and the same reasons, as importing the file on a checklist page.
      const problem = parsed === undefined ? T.notJson : window.gmHandbook.importProblem(parsed);
      if (problem) {
        file = null;
        root.replaceChildren();
        notice.textContent = T.notOpened(chosen.name, problem);
        return;
      }
      notice.textContent = "";
      file = parsed;
      draw();
    });
    dateInput.addEventListener("change", draw);
  }

  const ready = (fn) => (document.readyState === "loading" ? document.addEventListener("DOMContentLoaded", fn) : fn());
  // Material's instant navigation swaps pages without a reload; document$ tells us when a new one is in place.
  ready(() => {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(setUp);
    } else {
      setUp();
    }
  });

  function setUp() {
    setUpCopy();
    setUpComparison();
    setUpReview();
  }
})();

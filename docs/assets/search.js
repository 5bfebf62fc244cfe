// Search that finds nothing is not a dead end: under the result count, point at the glossary and the role guides.
// Material's texts ("No matching documents", "Missing: …") come from its translations and cannot hold links.
(() => {
  // Every text a reader sees or hears, in the page's language (<html lang="zh"> is Chinese, anything else English).
  // `none` and `partial` get the two links, already made, and return the hint's markup.
  const WORDS = {
    en: {
      glossary: "glossary",
      roles: "role guides",
      none: (glossary, roles) => `Nothing in the handbook matches that. Check the spelling or try a shorter or plainer word; the
    ${glossary} explains the handbook's own words, and the ${roles} list
    what each role does.`,
      partial: (glossary, roles) => `No entry holds every word you typed (see "Missing" under each result). The
    ${glossary} explains the handbook's own words, and the ${roles} list
    what each role does.`,
      materialNone: "No matching documents",
    },
    zh: {
      glossary: "术语表",
      roles: "岗位指南",
      none: (glossary, roles) => `手册中没有与之匹配的内容。请检查是否有错别字，或换一个更短、更常用的词；${glossary}解释了手册中的专用词，` +
        `${roles}介绍了各岗位的工作。`,
      partial: (glossary, roles) => `没有哪一条内容包含你输入的全部词语（见每条结果下方的“缺少”）。${glossary}解释了手册中的专用词，` +
        `${roles}介绍了各岗位的工作。`,
      materialNone: "没有找到符合条件的结果",
    },
  };
  const T = WORDS[String(document.documentElement.lang || "").startsWith("zh") ? "zh" : "en"];

  const result = document.querySelector(".md-search-result");
  const meta = result && result.querySelector(".md-search-result__meta");
  const input = document.querySelector("input.md-search__input");
  if (!meta || !input) return;

  // The site's own links to the two pages, as the navigation writes them (so they work from file:// too).
  const link = (name, words) => {
    const nav = [...document.querySelectorAll(".md-nav a.md-nav__link[href]")]
      .find(a => new RegExp(`(^|/)${name}(/|/index\\.html|\\.html)$`).test(new URL(a.href).pathname));
    return nav ? `<a href="${nav.href}">${words}</a>` : words;
  };
  const hint = document.createElement("p");
  hint.className = "hb-search-hint";
  hint.hidden = true;
  hint.setAttribute("aria-live", "polite");
  meta.after(hint);

  const NONE = T.none(link("glossary", T.glossary), link("roles", T.roles));
  const PARTIAL = T.partial(link("glossary", T.glossary), link("roles", T.roles));

  // Material's own "nothing found" text, from its translations in the page's configuration.
  const config = JSON.parse(document.getElementById("__config")?.textContent || "{}");
  const none = (config.translations || {})["search.result.none"] || T.materialNone;
  let shown = "";
  const update = () => {
    const items = result.querySelectorAll(".md-search-result__list > .md-search-result__item");
    // The best item matches only some of the words when each of its entries that matched shows "Missing" (a page
    // shown only as the heading of its matching sections has score 0).
    const matched = items.length ? [...items[0].querySelectorAll(".md-search-result__article")]
      .filter(article => parseFloat(article.dataset.mdScore) > 0
        && article.querySelector(":scope > :not(.md-search-result__icon, h1, h2, nav)")) : [];
    const partial = matched.length && matched.every(article => article.querySelector(".md-search-result__terms"));
    const text = input.value.trim() === "" ? ""
      : !items.length && meta.textContent.trim() === none ? NONE
      : partial ? PARTIAL : "";
    if (text !== shown) {
      shown = text;
      hint.innerHTML = text;
      hint.hidden = !text;
    }
  };
  new MutationObserver(update).observe(result, { childList: true, subtree: true, characterData: true });
  input.addEventListener("input", update);
})();

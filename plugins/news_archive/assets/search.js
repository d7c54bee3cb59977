/* news-archive search (Pagefind): the search page, deep links (?q=) and the header box that leads there.
   window.naSearch = {searchUrl, bundle} is prepended at build time. */
(function () {
  "use strict";
  var settings = window.naSearch || { searchUrl: "search/", bundle: "pagefind/" };
  var PAGE = 10;
  var TOP = 8;
  var root = siteRoot();
  var searchPage = new URL(settings.searchUrl, root);

  function siteRoot() {
    var base = ".";
    try { base = JSON.parse(document.getElementById("__config").textContent).base || "."; } catch (e) { /* default */ }
    return new URL(base.replace(/\/?$/, "/"), location.href);
  }

  function onSearchPage() {
    var path = location.pathname.replace(/index\.html$/, "");
    return path === searchPage.pathname;
  }

  /* <site>/?q=words on any page: the search page runs that search. */
  /* Read before Material, which drops ?q= from the address when its dialog closes. */
  var initialParams = new URLSearchParams(location.search);
  var query = initialParams.get("q");
  if (query && !onSearchPage()) {
    location.replace(searchPage.href + "?q=" + encodeURIComponent(query));
    return;
  }

  function closeMaterialSearch() {
    var toggle = document.getElementById("__search");
    if (toggle && toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
  }

  /* Material's header search box (and its keyboard shortcuts) lead to the search page. */
  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (!(target instanceof HTMLInputElement) || !target.classList.contains("md-search__input")) return;
    var value = target.value.trim();
    target.blur();
    closeMaterialSearch();
    var own = document.querySelector(".na-search-input");
    if (own && onSearchPage()) { own.focus(); return; }
    location.href = searchPage.href + (value ? "?q=" + encodeURIComponent(value) : "");
  }, true);

  /* On the search page, Material has already opened its own dialog for ?q=: close it. */
  if (onSearchPage()) {
    var header = document.querySelector(".md-search__input");
    if (header) { header.value = ""; header.blur(); }
    closeMaterialSearch();
  }

  var pagefind = null;
  function loadPagefind() {
    if (!pagefind) {
      pagefind = import(new URL(settings.bundle + "pagefind.js", root).href).then(function (pf) {
        /* No web worker: one script less to download (41 KB); searches are quick on the main thread. */
        return Promise.resolve(pf.options({ baseUrl: root.pathname, noWorker: true })).then(function () { return pf; });
      });
    }
    return pagefind;
  }

  function init() {
    var box = document.querySelector("[data-na-search]");
    if (!box || box.dataset.ready) return;
    box.dataset.ready = "1";
    var ui = {
      box: box, token: 0, results: [], shown: 0,
      facets: JSON.parse(box.dataset.facets), labels: JSON.parse(box.dataset.labels),
      form: box.querySelector("form"), input: box.querySelector(".na-search-input"),
      sort: box.querySelector("select[name=sort]"), aside: box.querySelector(".na-search-facets"),
      status: box.querySelector(".na-search-status"), list: box.querySelector(".na-search-results"),
      more: box.querySelector(".na-search-more"),
    };
    var params = initialParams || new URLSearchParams(location.search);
    initialParams = null;
    var state = { q: params.get("q") || "", sort: params.get("sort") || "", filters: {} };
    Object.keys(ui.facets).forEach(function (key) { state.filters[key] = new Set(params.getAll(key)); });
    ui.input.value = state.q;
    ui.sort.value = state.sort;
    var timer = null;
    ui.input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { state.q = ui.input.value.trim(); run(ui, state); }, 200);
    });
    ui.form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      state.q = ui.input.value.trim();
      run(ui, state);
    });
    ui.sort.addEventListener("change", function () { state.sort = ui.sort.value; run(ui, state); });
    ui.aside.addEventListener("change", function (event) {
      var box = event.target;
      var set = state.filters[box.dataset.key];
      if (box.checked) set.add(box.value); else set.delete(box.value);
      run(ui, state);
    });
    ui.more.addEventListener("click", function () { showMore(ui, ui.token); });
    run(ui, state);
  }

  function writeUrl(state) {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    if (state.sort) params.set("sort", state.sort);
    Object.keys(state.filters).forEach(function (key) {
      state.filters[key].forEach(function (value) { params.append(key, value); });
    });
    var text = params.toString();
    history.replaceState(history.state, "", location.pathname + (text ? "?" + text : ""));
  }

  /* Facet counts need Pagefind's filter lists (the largest download at 10,000 articles): they
     are loaded after the first results show, then the facets are filled in. */
  function loadFacets(ui, state, pf) {
    if (ui.facetsLoading) return;
    ui.facetsLoading = true;
    pf.filters().then(function () { ui.facetsLoaded = true; run(ui, state, true); });
  }

  function run(ui, state, facetsOnly) {
    var token = facetsOnly ? ui.token : ++ui.token;
    var filters = {};
    Object.keys(state.filters).forEach(function (key) {
      if (state.filters[key].size) filters[key] = Array.from(state.filters[key]);
    });
    if (!facetsOnly) writeUrl(state);
    return loadPagefind().then(function (pf) {
      if (!state.q && !Object.keys(filters).length) {
        return pf.filters().then(function (counts) {
          ui.facetsLoaded = true;
          if (token !== ui.token) return;
          renderFacets(ui, state, counts);
          ui.results = []; ui.shown = 0;
          ui.list.replaceChildren();
          ui.more.hidden = true;
          ui.status.textContent = ui.labels.hint;
        });
      }
      var options = { filters: filters };
      if (state.sort) options.sort = { date: state.sort };
      return pf.search(state.q || null, options).then(function (search) {
        if (!search || token !== ui.token) return;
        if (ui.facetsLoaded) renderFacets(ui, state, search.filters);
        if (facetsOnly) return;
        ui.results = search.results; ui.shown = 0;
        ui.list.replaceChildren();
        var n = search.results.length;
        ui.status.textContent = n === 0 ? ui.labels.none : n === 1 ? ui.labels.one : ui.labels.results.replace("{n}", n);
        return showMore(ui, token).then(function () { loadFacets(ui, state, pf); });
      });
    }).catch(function (error) {
      ui.status.textContent = String(error);
      throw error;
    });
  }

  function showMore(ui, token) {
    var batch = ui.results.slice(ui.shown, ui.shown + PAGE);
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (pages) {
      if (token !== ui.token) return;
      pages.forEach(function (page) { ui.list.append(resultItem(page)); });
      ui.shown += batch.length;
      ui.more.hidden = ui.shown >= ui.results.length;
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* Pagefind marks hits with <mark>; nothing else from an excerpt becomes markup. */
  function excerptHtml(excerpt) {
    return String(excerpt || "").replace(/<(?!\/?mark>)[^>]*>/g, "");
  }

  function resultItem(page) {
    var item = element("li", "na-search-result");
    var link = element("a", "na-title", page.meta.title || page.url);
    link.href = page.url;
    item.append(link);
    if (page.meta.date) item.append(element("p", "na-meta", page.meta.date));
    var excerpt = element("p", "na-excerpt");
    excerpt.innerHTML = excerptHtml(page.excerpt);
    item.append(excerpt);
    return item;
  }

  function renderFacets(ui, state, counts) {
    ui.aside.replaceChildren();
    Object.keys(ui.facets).forEach(function (key) {
      var values = counts[key] || {};
      var chosen = state.filters[key];
      var names = Object.keys(values).filter(function (name) { return values[name] > 0 || chosen.has(name); });
      chosen.forEach(function (name) { if (names.indexOf(name) < 0) names.push(name); });
      if (!names.length) return;
      names.sort(key === "year"
        ? function (a, b) { return b.localeCompare(a); }
        : function (a, b) { return (values[b] || 0) - (values[a] || 0) || a.localeCompare(b); });
      var shown = names.filter(function (name, index) { return index < TOP || chosen.has(name); });
      var group = element("fieldset", "na-facet");
      group.dataset.key = key;
      group.append(element("legend", null, ui.facets[key]));
      shown.forEach(function (name) {
        var label = element("label", "na-facet-value");
        var box = element("input");
        box.type = "checkbox";
        box.value = name;
        box.dataset.key = key;
        box.checked = chosen.has(name);
        label.append(box, element("span", "na-facet-name", name), element("span", "na-count", String(values[name] || 0)));
        group.append(label);
      });
      ui.aside.append(group);
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

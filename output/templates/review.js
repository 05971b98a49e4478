// The review page's script; inlined by review.html.j2 (so: no brace-hash or double-brace sequences here).
// Records and document texts come from the JSON block; a record's detail and its evidence in the
// document text are built only when the record is opened, with DOM text nodes (never innerHTML).
"use strict";
(function () {
  const DATA = JSON.parse(document.getElementById("review-data").textContent);
  const CONTEXT = 240; // characters of text shown around the evidence
  const rows = Array.from(document.querySelectorAll("tr.record-row"));
  const detail = document.getElementById("detail");
  const searchText = [];

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function safeHref(uri) {
    if (/^https?:\/\//i.test(uri) || /^file:\/\//i.test(uri)) return uri;
    if (uri.startsWith("/")) return "file://" + encodeURI(uri);
    return null;
  }

  function link(uri, page) {
    const href = safeHref(uri);
    const label = uri + (page ? " (p. " + page + ")" : "");
    if (!href) return el("span", {}, label);
    return el("a", { href: href + (page ? "#page=" + page : ""), target: "_blank", rel: "noopener noreferrer" }, label);
  }

  function party(p) {
    if (p === null || typeof p !== "object") return String(p);
    const bits = [p.kind, p.code ? "code " + p.code : null].filter((b) => b);
    return p.name + (bits.length ? " [" + bits.join(", ") + "]" : "");
  }

  function show(value) {
    if (value === null || value === undefined || value === "") return "—";
    if (Array.isArray(value)) return value.length ? value.map(party).join("; ") : "—";
    if (typeof value === "object") {
      const parts = Object.entries(value).map(([k, v]) => k + ": " + (Array.isArray(v) ? v.join(", ") : v));
      return parts.length ? parts.join("; ") : "—";
    }
    return String(value);
  }

  function isEmpty(value) {
    return value === null || value === undefined || value === "" ||
      (Array.isArray(value) && value.length === 0) ||
      (typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0);
  }

  // Filters
  function haystack(i) {
    if (searchText[i] === undefined) {
      const r = DATA.records[i];
      const values = (DATA.fields[r.type] || []).map((f) => show(r[f]));
      const uris = (r.sources || []).map((e) => e.uri);
      searchText[i] = [r.id, r.type, ...values, ...uris].join("\n").toLowerCase();
    }
    return searchText[i];
  }

  const facetSelects = Array.from(document.querySelectorAll("select.facet"));

  function applyFilters() {
    const chosen = facetSelects.map((sel) => [sel.dataset.facet, sel.value]).filter(([, v]) => v);
    const type = document.getElementById("f-type").value;
    const doc = document.getElementById("f-doc").value;
    const conf = parseFloat(document.getElementById("f-conf").value) || 0;
    const words = document.getElementById("f-text").value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    rows.forEach((row, i) => {
      const r = DATA.records[i];
      const ok = (!type || r.type === type) && (r.confidence === undefined || r.confidence >= conf - 1e-9) &&
        (!doc || (r.sources || []).some((e) => e.uri === doc)) &&
        chosen.every(([name, v]) => (DATA.facets[i][name] || []).includes(v)) &&
        words.every((w) => haystack(i).includes(w));
      row.hidden = !ok;
      if (ok) shown += 1;
    });
    document.getElementById("shown-count").textContent = String(shown);
  }
  for (const node of [...["f-type", "f-doc", "f-conf", "f-text"].map((id) => document.getElementById(id)),
    ...facetSelects]) {
    for (const type of ["input", "change"]) node.addEventListener(type, applyFilters);
  }

  // Sortable columns: a click on a heading sorts by it, a second click the other way
  function sortValue(row, col, kind) {
    const td = row.cells[col];
    if (!td) return "";
    const raw = td.dataset.value !== undefined ? td.dataset.value : td.textContent.trim();
    if (kind !== "number") return raw;
    const n = parseFloat(raw);
    return Number.isNaN(n) ? -Infinity : n;
  }
  for (const table of document.querySelectorAll("table.sortable")) {
    table.querySelectorAll("thead th[data-sort]").forEach((th, col) => {
      th.classList.add("sort");
      th.title = "sort by " + th.textContent;
      th.addEventListener("click", () => {
        const body = table.tBodies[0];
        const desc = th.getAttribute("aria-sort") === "ascending";
        table.querySelectorAll("thead th").forEach((h) => h.removeAttribute("aria-sort"));
        th.setAttribute("aria-sort", desc ? "descending" : "ascending");
        const kind = th.dataset.sort;
        const sorted = Array.from(body.rows).filter((r) => r.cells.length > 1).sort((a, b) => {
          const x = sortValue(a, col, kind), y = sortValue(b, col, kind);
          const c = kind === "number" ? x - y : String(x).localeCompare(String(y), "ja");
          return desc ? -c : c;
        });
        sorted.forEach((r) => body.append(r));
      });
    });
  }

  // Evidence: which spans belong to a field, and which to the record as a whole
  function hasField(ev) {
    return ev.field !== null && ev.field !== undefined;
  }

  function sentenceSpans(record) {
    return (record.sources || []).map((ev, i) => [i, ev]).filter(([, ev]) => !hasField(ev));
  }

  // A field's own spans, or (fallback) the record's sentence-level spans when no span names the field.
  function spansOf(record, field) {
    const own = (record.sources || []).map((ev, i) => [i, ev]).filter(([, ev]) => ev.field === field);
    return own.length ? { spans: own, fallback: false } : { spans: sentenceSpans(record), fallback: true };
  }

  function pageStarts(doc) {
    return (doc.pages || []).map((p) => [p.start, p.page]);
  }

  function pageAt(doc, offset) {
    let page = null;
    for (const [start, n] of pageStarts(doc)) if (start <= offset) page = n;
    return page;
  }

  function windows(text, spans, whole) {
    if (whole || !spans.length) return [[0, text.length]];
    const sorted = spans.map(([, ev]) => [ev.start, ev.end]).sort((a, b) => a[0] - b[0]);
    const out = [];
    for (const [s, e] of sorted) {
      const lo = Math.max(0, s - CONTEXT), hi = Math.min(text.length, e + CONTEXT);
      const last = out[out.length - 1];
      if (last && lo <= last[1]) last[1] = Math.max(last[1], hi);
      else out.push([lo, hi]);
    }
    return out;
  }

  function renderText(doc, record, docSpans, active, whole) {
    const box = el("div", { class: "doc-text", lang: "ja" });
    const text = doc.text;
    const activeSet = new Set(active ? active.spans.map(([i]) => i) : []);
    const wins = windows(text, docSpans, whole);
    wins.forEach(([lo, hi], w) => {
      if (lo > 0) box.append(el("span", { class: "gap" }, "…"));
      const cuts = new Set([lo, hi]);
      for (const [, ev] of docSpans) {
        if (ev.start > lo && ev.start < hi) cuts.add(ev.start);
        if (ev.end > lo && ev.end < hi) cuts.add(ev.end);
      }
      const pages = new Map();
      for (const [start, n] of pageStarts(doc)) {
        if (start > lo && start < hi) { cuts.add(start); pages.set(start, n); }
      }
      const firstPage = pageAt(doc, lo);
      if (firstPage !== null) box.append(el("span", { class: "page" }, "p. " + firstPage));
      const points = Array.from(cuts).sort((a, b) => a - b);
      for (let k = 0; k + 1 < points.length; k++) {
        const a = points[k], b = points[k + 1];
        if (pages.has(a)) box.append(el("span", { class: "page" }, "p. " + pages.get(a)));
        const covering = docSpans.filter(([, ev]) => ev.start <= a && ev.end >= b);
        const piece = text.slice(a, b);
        if (!covering.length) { box.append(piece); continue; }
        const isField = covering.some(([, ev]) => hasField(ev));
        const isActive = covering.some(([i]) => activeSet.has(i));
        const fields = Array.from(new Set(covering.map(([, ev]) => ev.field).filter((f) => f))).join(" ");
        box.append(el("mark", {
          class: "ev" + (isField ? " ev-field" : " ev-sentence") + (isActive ? " ev-active" : ""),
          "data-ev": covering.map(([i]) => i).join(" "), "data-fields": fields || null,
          title: fields || "sentence",
        }, piece));
      }
      if (w === wins.length - 1 && hi < text.length) box.append(el("span", { class: "gap" }, "…"));
    });
    return box;
  }

  // One record
  let current = null; // { index, sha, field, span, whole }

  function chip(i, ev, sentence) {
    const max = sentence ? 60 : 28;
    const quote = ev.quote.length > max ? ev.quote.slice(0, max - 1) + "…" : ev.quote;
    return el("span", {
      class: "ev-chip" + (sentence ? " sentence" : "") + (current.span === i ? " active" : ""), "data-ev": String(i),
      title: ev.uri + (ev.page ? " p. " + ev.page : "") + (ev.how ? " — " + ev.how : "") + (ev.rule ? " [" + ev.rule + "]" : ""),
      onclick: (e) => {
        e.stopPropagation();
        current.span = current.span === i ? null : i;
        current.field = null;
        current.sha = ev.sha256;
        renderDetail();
      },
    }, (ev.page ? "p." + ev.page + " " : "") + "「" + quote + "」", ev.how ? el("span", { class: "how" }, ev.how) : null);
  }

  function renderDetail() {
    const r = DATA.records[current.index];
    const fields = DATA.fields[r.type] || [];
    const docs = [];
    for (const ev of r.sources || []) if (!docs.includes(ev.sha256)) docs.push(ev.sha256);
    if (!current.sha || !docs.includes(current.sha)) current.sha = docs[0];
    const active = current.field ? spansOf(r, current.field) :
      current.span !== null ? { spans: [[current.span, r.sources[current.span]]], fallback: false } : null;

    const table = el("table", { class: "fields" });
    for (const f of fields) {
      const value = r[f];
      const cell = el("td", {});
      if (!isEmpty(value)) {
        const { spans, fallback } = spansOf(r, f);
        if (fallback) {
          cell.append(el("span", { class: "ev-chip none", title: "no span names this field: see the record's sentences" },
            spans.length ? "sentence ↓" : "no evidence span"));
        } else {
          for (const [i, ev] of spans) cell.append(chip(i, ev, false));
        }
      }
      table.append(el("tr", {
        class: "field-row" + (current.field === f ? " active" : ""), "data-field": f,
        onclick: () => {
          current.field = current.field === f ? null : f;
          current.span = null;
          const own = current.field ? spansOf(r, f).spans : [];
          if (own.length && !own.some(([, ev]) => ev.sha256 === current.sha)) current.sha = own[0][1].sha256;
          renderDetail();
        },
      }, el("td", {}, f), el("td", {}, show(value)), cell));
    }

    const sentences = sentenceSpans(r);
    const sentenceBox = sentences.length ? el("div", { class: "sentences" },
      el("div", { class: "label" }, "The record as a whole (sentence-level evidence):"),
      ...sentences.map(([i, ev]) => chip(i, ev, true))) : null;

    const tabs = el("div", { class: "doc-tabs" });
    for (const sha of docs) {
      const uri = (r.sources.find((e) => e.sha256 === sha) || {}).uri || sha;
      const n = r.sources.filter((e) => e.sha256 === sha).length;
      tabs.append(el("button", {
        type: "button", class: sha === current.sha ? "active" : "", "data-sha": sha,
        onclick: () => { current.sha = sha; current.whole = false; renderDetail(); },
      }, uri.split(/[\/\\]/).filter(Boolean).pop() + " (" + n + ")"));
    }

    const doc = DATA.texts[current.sha];
    const docSpans = (r.sources || []).map((ev, i) => [i, ev]).filter(([, ev]) => ev.sha256 === current.sha);
    let docBox;
    if (!doc) {
      docBox = el("p", { class: "error" }, "The text of this document is not in documents.jsonl.");
    } else {
      const firstUri = docSpans.length ? docSpans[0][1].uri : doc.uri;
      const firstPage = docSpans.length ? docSpans[0][1].page : null;
      docBox = el("div", {},
        el("div", { class: "doc-head" }, link(firstUri, firstPage), doc.title ? " — " + doc.title : "", " ",
          el("button", { type: "button", onclick: () => { current.whole = !current.whole; renderDetail(); } },
            current.whole ? "evidence only" : "whole text")),
        renderText(doc, r, docSpans, active, current.whole));
    }

    const notes = (r.ambiguous || []).length ? el("div", { class: "ambiguous" },
      el("div", { class: "label" }, "Names left without a code (the documents do not say which body they are):"),
      ...r.ambiguous.map((a) => el("div", {}, a.name + " (" + a.field + "): " +
        a.candidates.map((c) => c.name + " " + c.code).join(" / ")))) : null;
    detail.replaceChildren(
      el("h3", {}, rows[current.index].cells[1].firstChild.textContent),
      el("div", { class: "id" }, r.id + " · " + r.type + " · confidence " + r.confidence + " · ",
        el("a", { class: "permalink", href: "#record=" + encodeURIComponent(r.id) }, "link")),
      table, notes, sentenceBox, tabs, docBox);
    const target = detail.querySelector("mark.ev-active") || detail.querySelector("mark.ev-field") ||
      detail.querySelector("mark.ev");
    if (target) {
      const box = detail.querySelector(".doc-text");
      box.scrollTop = Math.max(0, target.offsetTop - box.offsetTop - 60);
    }
  }

  function openRecord(i, fromLink) {
    rows.forEach((row) => row.classList.toggle("selected", Number(row.dataset.index) === i));
    current = { index: i, sha: null, field: null, span: null, whole: false };
    renderDetail();
    if (!fromLink) history.replaceState(null, "", "#record=" + encodeURIComponent(DATA.records[i].id));
  }

  rows.forEach((row) => {
    const i = Number(row.dataset.index);
    row.addEventListener("click", () => openRecord(i));
    row.addEventListener("keydown", (e) => { if (e.key === "Enter") openRecord(i); });
  });

  // The per-document view: a document's whole text with the evidence of every record read from it
  const dvSelect = document.getElementById("dv-doc");
  const dvBody = document.getElementById("dv-body");

  function recordLink(i) {
    const r = DATA.records[i];
    return el("a", { href: "#record=" + encodeURIComponent(r.id), class: "record-link" },
      rows[i].cells[1].firstChild.textContent.trim());
  }

  function renderDocument(n) {
    const d = DATA.documents[n];
    if (!d) { dvBody.replaceChildren(el("p", { class: "hint" }, "No document chosen.")); return; }
    const spans = []; // [record index, evidence]
    const mine = [];
    DATA.records.forEach((r, i) => {
      let hit = false;
      for (const ev of r.sources || []) if (ev.uri === d.uri && ev.sha256 === d.sha256) { spans.push([i, ev]); hit = true; }
      if (hit) mine.push(i);
    });
    const head = el("div", { class: "doc-head" }, link(d.uri, null), d.title ? " — " + d.title : "", " ",
      el("span", { class: "status status-" + d.status }, d.status), " ",
      el("a", { class: "permalink", href: "#doc=" + n }, "link"));
    const list = el("div", { class: "dv-records" });
    if (!mine.length) {
      list.append(el("p", { class: "flag no-record-flag" }, d.status === "ok" ?
        "This document gave no record. If it states an agreement, a summit or an ordinance, that is a miss." :
        "This document was not read: " + (d.error || d.status)));
    } else {
      list.append(el("div", { class: "label" }, mine.length + " record" + (mine.length > 1 ? "s" : "") + " from this document:"));
      const ul = el("ul", {});
      for (const i of mine) ul.append(el("li", {}, el("span", { class: "tag tag-" + DATA.records[i].type }, DATA.records[i].type), " ", recordLink(i)));
      list.append(ul);
    }
    const doc = DATA.texts[d.sha256];
    let box;
    if (!doc) {
      box = el("p", { class: "hint" }, "No text.");
    } else {
      box = el("div", { class: "doc-text whole", lang: "ja" });
      const text = doc.text;
      const cuts = new Set([0, text.length]);
      for (const [, ev] of spans) { cuts.add(ev.start); cuts.add(ev.end); }
      const pages = new Map((doc.pages || []).map((p) => [p.start, p.page]));
      for (const start of pages.keys()) cuts.add(start);
      const points = Array.from(cuts).filter((x) => x >= 0 && x <= text.length).sort((a, b) => a - b);
      for (let k = 0; k + 1 < points.length; k++) {
        const a = points[k], b = points[k + 1];
        if (pages.has(a)) box.append(el("span", { class: "page" }, "p. " + pages.get(a)));
        const covering = spans.filter(([, ev]) => ev.start <= a && ev.end >= b);
        const piece = text.slice(a, b);
        if (!covering.length) { box.append(piece); continue; }
        const recs = Array.from(new Set(covering.map(([i]) => i)));
        const fields = Array.from(new Set(covering.map(([, ev]) => ev.field).filter((f) => f)));
        const hows = Array.from(new Set(covering.map(([, ev]) => ev.how).filter((h) => h)));
        box.append(el("mark", {
          class: "ev" + (fields.length ? " ev-field" : " ev-sentence"), "data-records": recs.map((i) => DATA.records[i].id).join(" "),
          title: recs.map((i) => DATA.records[i].id).join(", ") + (fields.length ? " — " + fields.join(", ") : "") +
            (hows.length ? " (" + hows.join("; ") + ")" : ""),
          onclick: () => {  // open it now (hashchange comes later), and give the page its link
            const id = DATA.records[recs[0]].id;
            history.pushState(null, "", "#record=" + encodeURIComponent(id));
            route();
          },
        }, piece));
      }
    }
    dvBody.replaceChildren(head, list, box);
  }

  dvSelect.addEventListener("change", () => {
    if (dvSelect.value === "") { renderDocument(-1); return; }
    renderDocument(Number(dvSelect.value));
    history.replaceState(null, "", "#doc=" + dvSelect.value);
  });

  // Links: #record=<id> opens a record, #doc=<n> shows a document in the document view
  function route() {
    const hash = decodeURIComponent(location.hash.slice(1));
    if (hash.startsWith("record=")) {
      const i = DATA.records.findIndex((r) => r.id === hash.slice(7));
      if (i >= 0) {
        openRecord(i, true);
        rows[i].scrollIntoView({ block: "nearest" });
        document.getElementById("records").scrollIntoView();
      }
    } else if (hash.startsWith("doc=")) {
      const n = Number(hash.slice(4));
      if (DATA.documents[n]) {
        dvSelect.value = String(n);
        renderDocument(n);
        document.getElementById("document-view").scrollIntoView();
      }
    }
  }
  window.addEventListener("hashchange", route);
  route();
})();

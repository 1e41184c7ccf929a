// The article view: click a marked span to open the records covering it (text and offsets shown).
// Records are put on the page with textContent only: article text never becomes markup.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("evidence-data").textContent);
  const byId = new Map(data.annotations.map((a) => [a.id, a]));
  const body = document.getElementById("record-body");
  const hint = document.getElementById("record-hint");

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  function fieldRows(record) {
    const dl = el("dl", null, "fields");
    for (const [key, value] of Object.entries(record)) {
      if (value === null || value === undefined || key === "article_id") continue;
      dl.appendChild(el("dt", key));
      dl.appendChild(el("dd", typeof value === "object" ? JSON.stringify(value) : value));
    }
    return dl;
  }

  function card(annotation) {
    const box = el("section", null, "record " + annotation.kind);
    box.dataset.id = annotation.id;
    const head = el("h3", null);
    head.appendChild(el("span", annotation.kind, "seg " + annotation.style));
    head.appendChild(document.createTextNode(" " + annotation.label));
    box.appendChild(head);
    box.appendChild(el("p", "[" + annotation.start + ", " + annotation.end + ")", "offsets"));
    box.appendChild(el("blockquote", textOf(annotation.start, annotation.end), "evidence-text"));
    box.appendChild(fieldRows(annotation.record));
    return box;
  }

  // The article text between two offsets, read back from the marked segments on the page (every
  // segment inside an annotation is marked). Offsets are Python's code points, not JS's UTF-16
  // units, so they are compared with the segments' data-start/data-end, never used to slice.
  function textOf(start, end) {
    let out = "";
    document.querySelectorAll("#article-text .seg[data-ids]").forEach((seg) => {
      if (Number(seg.dataset.start) >= start && Number(seg.dataset.end) <= end) out += seg.textContent;
    });
    return out;
  }

  function show(ids) {
    body.replaceChildren();
    hint.hidden = true;
    for (const id of ids) {
      const annotation = byId.get(id);
      if (annotation) body.appendChild(card(annotation));
    }
  }

  function markFocused(predicate) {
    let first = null;
    document.querySelectorAll(".seg[data-ids]").forEach((seg) => {
      const on = predicate(seg);
      seg.classList.toggle("focused", on);
      if (on && !first) first = seg;
    });
    if (first) first.scrollIntoView({ block: "center" });
    return first;
  }

  document.getElementById("article-text").addEventListener("click", (event) => {
    const seg = event.target.closest(".seg[data-ids]");
    if (!seg) return;
    const ids = seg.dataset.ids.split(" ");
    show(ids);
    markFocused((s) => s.dataset.ids.split(" ").some((i) => ids.includes(i)));
  });
  document.getElementById("article-text").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && event.target.matches(".seg[data-ids]")) event.target.click();
  });

  // ?focus=<record id> opens that record; ?start=&end= marks a range (a role, a place mention).
  const params = new URLSearchParams(window.location.search);
  const focus = params.get("focus");
  if (focus && byId.has(focus)) {
    show([focus]);
    markFocused((s) => s.dataset.ids.split(" ").includes(focus));
  } else if (params.has("start") && params.has("end")) {
    const start = Number(params.get("start")), end = Number(params.get("end"));
    const first = markFocused((s) => Number(s.dataset.start) < end && start < Number(s.dataset.end));
    if (first) show(first.dataset.ids.split(" "));
  }
})();

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
    if (data.editable[annotation.kind]) box.appendChild(reviewTools(annotation));
    box.appendChild(fieldRows(annotation.record));
    return box;
  }

  // --- corrections: confirm, reject, edit a span's record; add one over selected text ----------
  // Each is one POST to /api/corrections (JSON, same origin); the page is then reloaded, so what
  // it shows is always the store's reviewed record.
  const form = document.getElementById("correction-form");

  function post(body) {
    return fetch("/api/corrections", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": data.csrf },
      body: JSON.stringify(body),
    }).then((r) => r.json().then((answer) => {
      if (!r.ok) throw new Error(answer.error + (answer.hint ? " (" + answer.hint + ")" : ""));
      return answer;
    }));
  }

  function shown(value) {
    if (value === null || value === undefined) return "";
    if (typeof value === "object") return value.name || value.value || "";
    return String(value);
  }

  function input(name, value, choices) {
    const label = el("label", name + " ");
    let field;
    if (choices) {
      field = el("select");
      for (const choice of ["", ...choices]) {
        const option = el("option", choice);
        option.value = choice;
        field.appendChild(option);
      }
    } else {
      field = el("input");
    }
    field.name = name;
    field.value = value;
    label.appendChild(field);
    return label;
  }

  function send(bodies, status) {
    status.textContent = "saving…";
    bodies.reduce((done, body) => done.then(() => post(body)), Promise.resolve())
      .then(() => window.location.reload())
      .catch((error) => { status.textContent = String(error.message || error); });
  }

  function common() {
    return [input("reason", ""), input("author", window.localStorage.getItem("wirescope-author") || "")];
  }

  function who(box) {
    const author = box.querySelector("[name=author]").value;
    window.localStorage.setItem("wirescope-author", author);
    return { reason: box.querySelector("[name=reason]").value, author: author };
  }

  function reviewTools(annotation) {
    const tools = el("div", null, "review-tools");
    const record = annotation.record;
    if (record.reviewed) {
      tools.appendChild(el("span", "reviewed", "badge reviewed"));
      if (record.machine) tools.appendChild(el("span", " machine: " + JSON.stringify(record.machine), "machine"));
    }
    const status = el("p", null, "status");
    for (const action of ["confirm", "reject"]) {
      const button = el("button", action === "confirm" ? "Confirm" : "Reject", action);
      button.type = "button";
      button.addEventListener("click", () => send([{ action: action, target: annotation.id }], status));
      tools.appendChild(button);
    }
    const edit = el("button", "Edit", "edit");
    edit.type = "button";
    edit.addEventListener("click", () => editForm(annotation, tools, status));
    tools.appendChild(edit);
    tools.appendChild(status);
    return tools;
  }

  function editForm(annotation, tools, status) {
    const spec = data.editable[annotation.kind];
    const box = el("form", null, "edit-form");
    const before = {};
    for (const name of spec.fields) {
      const value = name === "actor" && annotation.kind === "mention" ? annotation.record.actor_id : annotation.record[name];
      before[name] = shown(annotation.kind === "place" && name === "place" ? annotation.record : value);
      box.appendChild(input(name, before[name], spec.choices[name]));
    }
    common().forEach((x) => box.appendChild(x));
    const save = el("button", "Save", "save");
    box.appendChild(save);
    box.addEventListener("submit", (event) => {
      event.preventDefault();
      const changed = spec.fields.filter((name) => box.querySelector("[name=" + name + "]").value !== before[name]);
      const bodies = changed.map((name) => ({
        action: "set", target: annotation.id, field: name,
        value: box.querySelector("[name=" + name + "]").value || null, ...who(box),
      }));
      if (bodies.length) send(bodies, status); else status.textContent = "nothing changed";
    });
    tools.appendChild(box);
  }

  // Offsets count code points, as the store's do: a text node's UTF-16 length is not used.
  function offsetOf(node, offset) {
    const root = document.getElementById("article-text");
    if (!root.contains(node) || node.nodeType !== Node.TEXT_NODE) return null;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let total = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n === node) return total + Array.from(n.data.slice(0, offset)).length;
      total += Array.from(n.data).length;
    }
    return null;
  }

  const ADD_FIELDS = { event: ["type", "modality"], quote: ["kind", "speaker"], time: ["value"], mention: ["label"], place: ["place"] };

  function addForm(start, end, text) {
    form.replaceChildren();
    form.hidden = false;
    form.appendChild(el("h3", "Add an annotation"));
    form.appendChild(el("blockquote", text, "evidence-text"));
    form.appendChild(el("p", "[" + start + ", " + end + ")", "offsets"));
    const box = el("form", null, "add-form");
    const kinds = Object.keys(ADD_FIELDS);
    box.appendChild(input("kind-of", "event", kinds));
    const fields = el("div", null, "add-fields");
    box.appendChild(fields);
    const kindSelect = box.querySelector("[name=kind-of]");
    function refill() {
      fields.replaceChildren();
      const kind = kindSelect.value;
      for (const name of ADD_FIELDS[kind] || []) fields.appendChild(input(name, "", (data.editable[kind].choices || {})[name]));
    }
    kindSelect.addEventListener("change", refill);
    refill();
    common().forEach((x) => box.appendChild(x));
    const status = el("p", null, "status");
    box.appendChild(el("button", "Add", "add"));
    box.appendChild(status);
    box.addEventListener("submit", (event) => {
      event.preventDefault();
      const kind = kindSelect.value, value = {};
      for (const name of ADD_FIELDS[kind]) {
        const v = fields.querySelector("[name=" + name + "]").value;
        if (v) value[name] = v;
      }
      send([{ action: "add", article_id: data.article_id, kind: kind, start: start, end: end, value: value, ...who(box) }], status);
    });
    form.appendChild(box);
  }

  document.getElementById("article-text").addEventListener("mouseup", () => {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return;
    const range = selection.getRangeAt(0);
    const start = offsetOf(range.startContainer, range.startOffset);
    const end = offsetOf(range.endContainer, range.endOffset);
    if (start !== null && end !== null && end > start) addForm(start, end, selection.toString());
  });

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

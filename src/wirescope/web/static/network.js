// The actor network with cytoscape: actors as nodes, ties as directed edges; click one for evidence.
(function () {
  "use strict";
  const graph = JSON.parse(document.getElementById("network-data").textContent);
  const panel = document.getElementById("tie-body");
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));

  const elements = graph.nodes.map((n) => ({ data: { id: n.id, label: n.name, type: n.type || "" } }))
    .concat(graph.edges.map((e) => ({
      data: { id: e.id, source: e.source, target: e.target, label: e.tie, weight: e.weight,
              asserted: e.modalities.includes("asserted") ? "yes" : "no" },
    })));

  const cy = cytoscape({
    container: document.getElementById("network"),
    elements: elements,
    layout: { name: graph.nodes.length > 2 ? "cose" : "grid", animate: false },
    style: [
      { selector: "node", style: { label: "data(label)", "font-size": 11, "background-color": "#2563eb", width: 18, height: 18 } },
      { selector: "node[type = 'PERSON']", style: { "background-color": "#0f766e" } },
      { selector: "edge", style: { label: "data(label)", "font-size": 9, "curve-style": "bezier", "target-arrow-shape": "triangle",
          width: "mapData(weight, 1, 10, 1.5, 6)", "line-color": "#6b7280", "target-arrow-color": "#6b7280" } },
      { selector: "edge[asserted = 'no']", style: { "line-style": "dashed" } },
      { selector: ":selected", style: { "line-color": "#d97706", "background-color": "#d97706" } },
    ],
  });

  function evidenceList(edge) {
    panel.replaceChildren();
    const head = document.createElement("p");
    head.textContent = names.get(edge.source) + " " + edge.tie + " " + names.get(edge.target) + " (" + edge.modalities.join(", ") + ")";
    panel.appendChild(head);
    const list = document.createElement("ol");
    for (const ev of edge.evidence) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = "/articles/" + encodeURIComponent(ev.article_id) + "?focus=" + encodeURIComponent(ev.record_id);
      a.textContent = "“" + ev.text + "”";
      li.appendChild(a);
      list.appendChild(li);
    }
    panel.appendChild(list);
  }

  const byId = new Map(graph.edges.map((e) => [e.id, e]));
  cy.on("tap", "edge", (event) => evidenceList(byId.get(event.target.id())));
  cy.on("tap", "node", (event) => {
    const id = event.target.id();
    panel.replaceChildren();
    const p = document.createElement("p");
    p.textContent = names.get(id) + ": " + graph.edges.filter((e) => e.source === id || e.target === id).length + " tie(s)";
    panel.appendChild(p);
    const a = document.createElement("a");
    a.href = "/list/events?actor=" + encodeURIComponent(id);
    a.textContent = "events of this actor";
    panel.appendChild(a);
  });
  window.wirescopeNetwork = cy;
})();

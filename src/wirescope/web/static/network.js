// The actor network with cytoscape: actors as nodes, ties as directed edges; click one for evidence.
// Laid out by fCoSE (cytoscape-fcose), which counts each node's label in its size so that labels
// do not overlap; a tie is as thick as the independent stories that report it.
(function () {
  "use strict";
  if (window.cytoscapeFcose) { cytoscape.use(window.cytoscapeFcose); }
  const FAMILY = { attacks: "#b91c1c", coerces: "#b91c1c", meets: "#15803d", supports: "#15803d", aids: "#15803d" };
  const graph = JSON.parse(document.getElementById("network-data").textContent);
  const panel = document.getElementById("tie-body");
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));

  const elements = graph.nodes.map((n) => ({ data: { id: n.id, label: n.name, type: n.type || "" } }))
    .concat(graph.edges.map((e) => ({
      data: { id: e.id, source: e.source, target: e.target, label: e.tie, weight: e.weight, stories: e.stories,
              colour: FAMILY[e.tie] || "#6d28d9", asserted: e.modalities.includes("asserted") ? "yes" : "no" },
    })));

  const cy = cytoscape({
    container: document.getElementById("network"),
    elements: elements,
    layout: graph.nodes.length > 2 && window.cytoscapeFcose
      ? { name: "fcose", animate: false, randomize: true, nodeDimensionsIncludeLabels: true,
          nodeRepulsion: 12000, idealEdgeLength: 140, nodeSeparation: 120, packComponents: true }
      : { name: "grid", animate: false },
    style: [
      { selector: "node", style: { label: "data(label)", "font-size": 12, color: "#1f2328", "text-valign": "bottom",
          "text-margin-y": 3, "text-background-color": "#fff", "text-background-opacity": 0.85,
          "background-color": "#1d4ed8", width: 18, height: 18 } },
      { selector: "node[type = 'PERSON']", style: { "background-color": "#0f766e" } },
      { selector: "edge", style: { label: "data(label)", "font-size": 9, "curve-style": "bezier", "target-arrow-shape": "triangle",
          width: "mapData(stories, 1, 6, 1.5, 7)", "line-color": "data(colour)", "target-arrow-color": "data(colour)",
          color: "#374151", "text-rotation": "autorotate", "text-background-color": "#fff", "text-background-opacity": 0.8 } },
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

// The map: a world outline from the bundled world-atlas, places and located events as circles.
// No tile layer: nothing is fetched from outside wirescope.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("map-data").textContent);
  const map = L.map("map", { worldCopyJump: false, attributionControl: false }).setView([34.5, 69.5], 5);
  const colour = { asserted: "#1b7f3b", negated: "#b3261e", hypothetical: "#7a5cc2", claimed: "#d08700" };

  function popup(title, lines, href) {
    const box = document.createElement("div");
    const head = document.createElement("strong");
    head.textContent = title;
    box.appendChild(head);
    for (const line of lines) {
      const p = document.createElement("div");
      p.textContent = line;
      box.appendChild(p);
    }
    if (href) {
      const a = document.createElement("a");
      a.href = href;
      a.textContent = "open the evidence";
      box.appendChild(a);
    }
    return box;
  }

  fetch("/static/vendor/world-atlas/countries-110m.json")
    .then((r) => r.json())
    .then((world) => {
      L.geoJSON(topojson.feature(world, world.objects.countries), {
        style: { color: "#8a8f98", weight: 1, fillColor: "#eef0f2", fillOpacity: 1 },
      }).addTo(map).bringToBack();
    });

  const points = [];
  for (const p of data.places) {
    points.push([p.latitude, p.longitude]);
    L.circleMarker([p.latitude, p.longitude], { radius: 4 + Math.min(p.mention_count, 8), color: "#1d4ed8", weight: 1, fillOpacity: 0.35 })
      .bindPopup(popup(p.name, [p.mention_count + " mention(s)", p.feature || "", p.country || ""]))
      .addTo(map);
  }
  for (const e of data.events) {
    const kind = e.historical ? "historical" : e.modality;
    points.push([e.latitude, e.longitude]);
    L.circleMarker([e.latitude, e.longitude], { radius: 6, color: colour[kind] || "#555", weight: 2, dashArray: kind === "asserted" ? null : "3 3", fillOpacity: 0.6 })
      .bindPopup(popup(e.type + " (" + kind + ")", [e.place_name, e.day || "", e.evidence.text],
        "/articles/" + encodeURIComponent(e.article_id) + "?focus=" + encodeURIComponent(e.id)))
      .addTo(map);
  }
  if (points.length) map.fitBounds(points, { padding: [40, 40], maxZoom: 8 });
})();

"""Places: toponyms resolved to GeoNames entries in context, relative locations kept as offsets."""

from __future__ import annotations

import io
import json

import pytest
from tools.build_demonyms import OUT, build

import wirescope
from tests.conftest import SHARED, need_shared
from wirescope.annotate.places.resolve import candidates, place_for_span, read_phrase
from wirescope.geo import destination, gazetteer, km_between
from wirescope.record import Span


def _places(text: str):
    import wirescope
    from wirescope.settings import load_settings

    article = wirescope.process(text, published="2021-08-25", settings=load_settings({"pipeline": "parse,places"}))
    return article, {p.name: p for p in article.places}


@pytest.mark.parametrize(
    ("phrase", "base", "feature", "kind"),
    [
        ("Panjshir Valley", "Panjshir", "valley", "natural"),
        ("Kabul province", "Kabul", "admin1", "admin1"),
        ("Kabul airport", "Kabul", "airport", "facility"),
        ("Mount Everest", "Everest", "mountain", "natural"),
        ("Kabul", "Kabul", None, None),
    ],
)
def test_the_phrase_says_what_kind_of_place_it_is(phrase, base, feature, kind):
    t = read_phrase(phrase, Span(0, len(phrase)))
    assert (t.base, t.feature, t.kind) == (base, feature, kind)


def test_a_feature_word_after_the_name_is_taken_in():
    text = "fighters along the Panjshir valley"
    start = text.index("Panjshir")
    t = read_phrase(text, Span(start, start + len("Panjshir")))
    assert (text[t.span.start : t.span.end], t.kind) == ("Panjshir valley", "natural")


@pytest.mark.parametrize(
    ("name", "kind", "country", "geonames_id"),
    [
        ("Kabul", "city", "AF", 1138958),
        ("Afghanistan", "country", "AF", 1149361),
        ("Panjshir", "admin1", "AF", 6957555),  # an alias of Panjshayr
        ("Bazarak", "city", "AF", 1429434),  # spelled without the gazetteer's macrons
        ("U.S.", "country", "US", 6252001),
    ],
)
def test_gazetteer_lookups(name, kind, country, geonames_id):
    hits = [e for e in gazetteer().lookup(name) if e.kind == kind]
    assert any(e.country == country and e.geonames_id == geonames_id for e in hits)


def test_a_region_is_located_by_its_towns():
    panjshir = next(e for e in gazetteer().lookup("Panjshir") if e.kind == "admin1")
    assert km_between(panjshir.latitude, panjshir.longitude, 35.3, 69.5) < 60


def test_distances_and_offsets():
    assert km_between(34.53, 69.17, 34.53, 69.17) == 0
    lat, lon = destination(34.53, 69.17, 160.9, 0)  # 100 miles north of Kabul
    assert km_between(34.53, 69.17, lat, lon) == pytest.approx(160.9, rel=1e-3)
    assert lat > 34.53 and lon == pytest.approx(69.17)


def test_the_seed_places(seed_article, seed_gold):
    for gold in seed_gold["places"]:
        matches = [
            p for p in seed_article.places if gold["text"].lower() in p.name.lower() and p.country == gold["country"]
        ]
        assert matches, gold["text"]
        if "lat" in gold:
            assert any(
                km_between(p.latitude, p.longitude, gold["lat"], gold["lon"]) <= gold["tolerance_km"]
                for p in matches
                if p.latitude is not None
            ), gold["text"]  # offsets have no point


def test_a_valley_is_never_resolved_to_a_town(seed_article):
    valley = next(p for p in seed_article.places if p.name == "Panjshir Valley")
    assert valley.feature == "valley" and valley.geonames_id is None and valley.precision == 2
    mentions = [seed_article.text_of(s) for s in valley.mentions]
    assert "Panjshir valley" in mentions  # lower-case "valley", missed by the recogniser
    assert "the valley" in mentions  # a reference back to it


def test_a_relative_location_is_an_offset_from_its_anchor(seed_article):
    offset = next(p for p in seed_article.places if p.feature == "offset")
    kabul = next(p for p in seed_article.places if p.name == "Kabul")
    assert offset.name == "about 100 miles north of Kabul"
    assert (offset.anchor_id, offset.offset_km, offset.bearing) == (kabul.id, 160.9, 0)
    assert offset.latitude is None  # no pin more precise than the text


def test_place_ids_are_stable_across_articles():
    _, first = _places("Fighting was reported in Kabul on Monday.\n")
    _, second = _places("Crowds gathered at the airport in Kabul.\n")
    assert first["Kabul"].id == second["Kabul"].id


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("The Taliban entered Kandahar and then Herat in Afghanistan.\n", "Kandahar", "AF"),
        ("Protesters marched in Gaza as Israeli jets flew over Israel.\n", "Gaza", "PS"),
    ],
)
def test_country_focus_chooses_among_namesakes(text, name, country):
    _, found = _places(text)
    assert found[name].country == country


def test_an_unknown_place_stays_unresolved():
    _, found = _places("The convoy reached Zzyzxqor in Afghanistan.\n")
    unknown = [p for p in found.values() if p.name == "Zzyzxqor"]
    if unknown:  # whether the recogniser tags it at all is the model's business
        assert unknown[0].latitude is None and unknown[0].geonames_id is None


def test_place_for_span_prefers_the_place_the_event_happened_in():
    article, _ = _places("The United States said fighters attacked a checkpoint in Kabul.\n")
    start = article.text.index("attacked")
    place = place_for_span(article, Span(start, start + len("attacked")))
    assert place is not None and place.name == "Kabul" and place.precision == 1


def test_geojson_is_rfc_7946_lon_lat():
    from wirescope.query.geojson import write_geojson
    from wirescope.query.records import place_records

    article, _ = _places("Fighting was reported in Kabul.\n")
    out = io.StringIO()
    write_geojson(place_records([article]), "places", out)
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection"
    kabul = next(f for f in collection["features"] if f["properties"]["name"] == "Kabul")
    lon, lat = kabul["geometry"]["coordinates"]
    assert (round(lat), round(lon)) == (35, 69)  # [longitude, latitude], not the other way round


def test_geojson_refuses_other_kinds():
    from wirescope.errors import ConfigError
    from wirescope.query.geojson import write_geojson

    with pytest.raises(ConfigError, match="places"):
        write_geojson([], "events", io.StringIO())


def test_places_round_trip_through_the_store_in_text_order(seed_article, store):
    # Regression: the offset place used to come last though its mention comes before Kabul's.
    store.save(seed_article)
    assert store.article(seed_article.id).places == seed_article.places
    firsts = [p.mentions[0].start for p in seed_article.places]
    assert firsts == sorted(firsts)


def test_an_older_database_gains_the_offset_columns(tmp_path):
    from sqlalchemy import create_engine, inspect, text

    from wirescope.store.migrations import _add_place_offsets

    engine = create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE places (id VARCHAR(40) PRIMARY KEY, name TEXT NOT NULL)"))
        _add_place_offsets(conn)
        _add_place_offsets(conn)  # a second run finds them there and adds nothing
        columns = {c["name"] for c in inspect(conn).get_columns("places")}
    assert {"anchor_id", "offset_km", "bearing"} <= columns


def test_wirescope_places_format_geojson(tmp_path):
    from click.testing import CliRunner

    from wirescope.cli import cli

    story = tmp_path / "story.txt"
    story.write_text(
        "Taliban fighters massed in the Panjshir Valley, about 100 miles north of Kabul.\n", encoding="utf-8"
    )
    db = str(tmp_path / "w.db")
    env = {"WIRESCOPE_PIPELINE": "parse,places"}
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(story), "--db", db], env=env).exit_code == 0
    result = runner.invoke(cli, ["places", "--format", "geojson", "--db", db], env=env)
    assert result.exit_code == 0, result.output
    features = {f["properties"]["name"]: f for f in json.loads(result.output)["features"]}
    assert features["Kabul"]["geometry"]["coordinates"] == [69.17233, 34.52813]
    offset = features["about 100 miles north of Kabul"]
    assert offset["geometry"] is None and offset["properties"]["anchor_id"] == features["Kabul"]["id"]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Police said the protest in Hyderabad was peaceful.\n", "IN"),  # the more populous namesake
        ("Pakistani police said the protest in Hyderabad was peaceful.\n", "PK"),  # no country named
    ],
)
def test_nationality_words_point_the_country_focus(text, country):
    _, found = _places(text)
    assert found["Hyderabad"].country == country


# --- issue 14: demonyms, data bugs, US states, the article's own context ----------------------------


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("American", "US"),
        ("Palestinian", "PS"),
        ("Israeli", "IL"),
        ("Russian", "RU"),
        ("Afghans", "AF"),
        ("North Korean", "KP"),
        ("Swiss", "CH"),
    ],
)
def test_nationality_words_name_their_country(word, country):
    assert [e.country for e in gazetteer().by_demonym(word)] == [country]


def test_regression_american_is_not_the_northern_mariana_islands():
    _, places = _places("American and Afghan officials met in Doha.")
    assert places["United States"].country == "US"
    assert [p.country for p in places.values() if p.name != "Doha"].count("MP") == 0


def test_regression_palestine_is_not_placed_in_new_guinea():
    palestine = gazetteer().country("PS")
    assert km_between(palestine.latitude, palestine.longitude, 31.9, 35.2) < 100


def test_a_demonym_is_not_where_an_event_happened():
    from wirescope.annotate.places.resolve import place_for_span

    article, _ = _places("American officials said the talks would go on.")
    assert place_for_span(article, Span(0, 20)) is None


@pytest.mark.parametrize(
    ("text", "name", "state"),
    [
        ("Police in Paris, Texas, said the fire spread. Paris is small.", "Paris", "Texas"),
        ("The mayor of Lebanon, Ind., spoke. Lebanon has 15,000 people.", "Lebanon", "Indiana"),
        ("Officials in Alexandria, Va., said the vote was close.", "Alexandria", "Virginia"),
        ("He flew from Charleston, W.Va., on Monday.", "Charleston", "West Virginia"),
        ("He landed in Washington, D.C., on Monday.", "Washington", "District of Columbia"),
    ],
)
def test_a_town_followed_by_its_state_is_the_town_in_that_state(text, name, state):
    _, places = _places(text)
    assert (places[name].country, places[name].admin1) == ("US", state)


def test_a_state_the_article_names_beats_a_famous_namesake():
    _, places = _places("Storms hit Texas on Monday. In Paris, the county seat, roofs were torn off.")
    assert places["Paris"].admin1 == "Texas"


@pytest.mark.parametrize(("abbreviation", "state"), [("W.Va.", "West Virginia"), ("Ky.", "Kentucky")])
def test_state_abbreviations_resolve_to_the_state(abbreviation, state):
    entries = candidates(read_phrase(abbreviation, Span(0, len(abbreviation))))
    assert entries and entries[0].name == state and entries[0].kind == "admin1"


def test_the_shipped_demonyms_are_what_the_build_script_makes():

    source = need_shared(SHARED / "kb" / "countryinfo" / "CountryInfo.120116.txt")
    assert json.loads(OUT.read_text(encoding="utf-8"))["demonyms"] == build(source)


# --- issue 13: capitals that are not countries ------------------------------------------------------


@pytest.mark.parametrize("name", ["LA", "EL", "AL"])
def test_two_capitals_are_a_country_only_when_news_writes_it_so(name):
    """Regression: MUC-4's capitals gave "LA UNION", "LA PAZ" the country Laos (ISO code LA)."""
    assert not [e for e in gazetteer().lookup(name) if e.kind == "country"]


@pytest.mark.parametrize(("name", "country"), [("US", "US"), ("UK", "GB"), ("DRC", "CD"), ("U.K.", "GB")])
def test_codes_news_writes_as_names_are_countries(name, country):
    assert any(e.kind == "country" and e.country == country for e in gazetteer().lookup(name))


def test_us_in_text_written_in_capitals_is_the_pronoun():
    capitals = wirescope.process("THE GUERRILLAS ATTACKED US YESTERDAY NEAR THE BRIDGE.", clean=False)
    assert "United States" not in {p.name for p in capitals.places}
    mixed = wirescope.process("The US embassy in Kabul was closed.", clean=False)
    assert "United States" in {p.name for p in mixed.places}


def test_a_place_the_gazetteer_lacks_lies_in_the_region_named_after_its_comma():
    _, places = _places("Fighting was reported in Nad-e Ali district, Helmand province, on Tuesday.")
    district = places["Nad-e Ali"]
    assert (district.country, district.admin1, district.precision) == ("AF", "Helmand", 3)
    assert district.geonames_id is None  # Helmand's entry is not the district's
    assert (district.latitude, district.longitude) == (places["Helmand"].latitude, places["Helmand"].longitude)


def test_a_place_placed_in_its_region_once_is_in_it_wherever_the_article_names_it():
    _, places = _places(
        "Fighting was reported in Nad-e Ali district, Helmand province. Elders in Nad-e Ali said the road was shut."
    )
    assert places["Nad-e Ali"].admin1 == "Helmand" and len(places["Nad-e Ali"].mentions) == 2


def test_a_known_place_keeps_its_own_entry_before_a_region():
    _, places = _places("Fighting was reported in Gereshk, Helmand province, on Tuesday.")
    assert places["Gereshk"].geonames_id == 1141540 and places["Gereshk"].precision == 1


@pytest.mark.parametrize(
    "text",
    [
        "THE ATTORNEY GENERAL OF THE REPUBLIC SPOKE TODAY IN SAN SALVADOR.",
        "The bill was debated in Congress before the vote in Kabul.",
    ],
)
def test_a_common_noun_tagged_as_a_place_is_no_place(text):
    """ "the Republic" and "Congress" alone are no towns, though the gazetteer has a Republic,
    Missouri and a Congress, Arizona; the town named beside them is still found."""
    names = {p.name for p in wirescope.process(text, clean=False).places}
    assert not names & {"REPUBLIC", "Republic", "Congress"}
    assert names & {"SAN SALVADOR", "Kabul"}

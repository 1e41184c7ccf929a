"""The pipeline checks its order once, when it is built, and takes plugins at a named position."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from wirescope.annotate import build_pipeline, default_annotators
from wirescope.annotate.pipeline import CLEAN_FIELDS, Pipeline, annotator, insert_after
from wirescope.errors import ConfigError
from wirescope.settings import Settings


def wrong_orders():
    """Every default step moved to just before a step that adds something it requires."""
    steps = default_annotators(Settings())
    for _i, step in enumerate(steps):
        for need in step.requires:
            if need in CLEAN_FIELDS:
                continue
            adder = next(k for k, s in enumerate(steps) if need in s.adds)
            order = [s for s in steps if s is not step]
            order.insert(order.index(steps[adder]), step)
            yield pytest.param(order, step.name, need, id=f"{step.name} before {steps[adder].name} ({need})")


def test_every_default_step_declares_what_it_reads():
    # The default order is valid; each step's requirements are what an earlier step adds.
    Pipeline(default_annotators(Settings()))
    declared = {s.name: set(s.requires) for s in default_annotators(Settings())}
    assert {"times", "places", "quotes", "actors"} <= declared["events"]
    assert "times" in declared["quotes"]


@pytest.mark.parametrize("order, name, need", list(wrong_orders()))
def test_a_wrong_order_is_refused_with_the_fix(order, name, need):
    with pytest.raises(ConfigError) as refused:
        Pipeline(order)
    assert f"annotator {name!r} requires" in str(refused.value) and need in str(refused.value)
    assert "earlier in the pipeline" in refused.value.hint


def test_a_plugin_goes_right_after_the_step_it_names():
    @annotator("after-places", requires=("places",), after="places")
    def after_places(article):
        return article

    names = [s.name for s in insert_after(default_annotators(Settings()), after_places)]
    assert names[names.index("places") + 1] == "after-places"


def test_a_plugin_naming_a_missing_step_is_refused():
    @annotator("orphan", after="translation")
    def orphan(article):
        return article

    with pytest.raises(ConfigError, match="runs after 'translation'"):
        insert_after(default_annotators(Settings()), orphan)


def test_an_unknown_plugin_name_is_refused():
    with pytest.raises(ConfigError, match="unknown annotators \\['no-such-plugin'\\]"):
        build_pipeline(Settings(plugins="no-such-plugin"))


PLUGIN_MODULE = '''
"""A plugin for the test: keeps only the quotes in quotation marks."""
from dataclasses import replace

from wirescope.annotate import annotator


@annotator("direct-only", requires=("quotes",), adds=("quotes",), after="quotes")
def direct_only(article):
    return replace(article, quotes=tuple(q for q in article.quotes if q.kind == "direct"))
'''

PLUGIN_SETUP = """
from setuptools import setup

setup(name="wirescope-test-plugin", version="1.0", py_modules=["wirescope_test_plugin"],
      entry_points={"wirescope.annotators": ["direct-only = wirescope_test_plugin:direct_only"]})
"""

# A direct quote and an indirect one.
TEXT = (
    "“We hold every road into the valley,” said Nadia Karimi, a commander.\n\n"
    "Omar Farouk said his men were ready to leave the city."
)

PROBE = textwrap.dedent(f"""
    import json, wirescope
    from wirescope.annotate import build_pipeline
    from wirescope.settings import load_settings
    article = wirescope.process({TEXT!r}, clean=False)
    print(json.dumps({{"steps": build_pipeline(load_settings()).names,
                       "speakers": [q.speaker.name for q in article.quotes if q.speaker]}}))
""")


@pytest.fixture(scope="module")
def installed_plugin(tmp_path_factory):
    """The plugin package, installed with pip into a folder put on the test process's path."""
    source, target = tmp_path_factory.mktemp("plugin-src"), tmp_path_factory.mktemp("plugin-site")
    (source / "wirescope_test_plugin.py").write_text(PLUGIN_MODULE, encoding="utf-8")
    (source / "setup.py").write_text(PLUGIN_SETUP, encoding="utf-8")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--target",
            str(target),
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    return target


def run_probe(site, plugins: str | None) -> dict:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), *sys.path])}
    env.pop("WIRESCOPE_PLUGINS", None)
    if plugins is not None:
        env["WIRESCOPE_PLUGINS"] = plugins
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_an_installed_plugin_runs_where_it_asked_when_enabled(installed_plugin):
    enabled = run_probe(installed_plugin, "direct-only")
    steps = enabled["steps"]
    assert steps[steps.index("quotes") + 1] == "direct-only"
    assert enabled["speakers"] == ["Nadia Karimi"]


def test_an_installed_plugin_does_not_run_unless_enabled(installed_plugin):
    plain = run_probe(installed_plugin, None)
    assert "direct-only" not in plain["steps"]
    assert plain["speakers"] == ["Nadia Karimi", "Omar Farouk"]

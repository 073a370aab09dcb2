"""The pytest plugin (entry point pytest11), run by pytest itself through pytester: claim
files collected as tests only where a project opts in, one test per check, the
explanation as the failure report and the check's YAML line as its location."""

from __future__ import annotations

from pathlib import Path

import pytest

CLAIMS = """\
source:
  publisher: Example Wire
  title: Test story
  url: https://example.org/a
  published: 2024-01-02
figures:
  total:
    stated: about 1,250 people
    quote: "about 1,250 people"
  part:
    stated: 760 people
    quote: "760 of them"
  share:
    stated: around 61%
    quote: "around 61%"
  wrong:
    stated: 20%
    quote: "a fifth"
checks:
  - id: share-holds
    claim: 760 of 1,250 is around 61%
    assert: part / total == share
  - id: share-wrong
    claim: 760 of 1,250 is a fifth
    assert: part / total == wrong
  - id: share-recorded
    claim: the report's own slip, recorded
    assert: part / total == wrong
    expect: inconsistent
"""


@pytest.fixture
def newsroom(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makepyprojecttoml('[tool.pytest.ini_options]\nclaimcheck_paths = ["claims"]\n')
    claims = pytester.mkdir("claims")
    (claims / "story.yaml").write_text(CLAIMS, encoding="utf-8")
    pytester.makepyfile(test_plain="def test_plain():\n    assert True\n")
    return pytester


def test_one_test_per_check_with_recorded_findings_as_xfail(newsroom: pytest.Pytester) -> None:
    result = newsroom.runpytest_subprocess("-rfxX")
    result.assert_outcomes(passed=2, failed=1, xfailed=1)
    result.stdout.fnmatch_lines([
        "*claims/story.yaml:23:5: share-wrong is inconsistent*",
        "*stated: '20%' = 20%*",
        "*recomputed: 60.8%*",
        "*FAILED claims/story.yaml::share-wrong*",
        "*XFAIL claims/story.yaml::share-recorded*inconsistent (as expected)*",
    ])
    assert "Traceback" not in result.stdout.str()


def test_items_carry_the_check_line(newsroom: pytest.Pytester) -> None:
    items = newsroom.getitems(newsroom.path / "claims" / "story.yaml")
    assert [(i.name, i.location) for i in items] == [
        ("share-holds", ("claims/story.yaml", 19, "claim check share-holds")),
        ("share-wrong", ("claims/story.yaml", 22, "claim check share-wrong")),
        ("share-recorded", ("claims/story.yaml", 25, "claim check share-recorded")),
    ]


def test_nothing_is_collected_without_opting_in(pytester: pytest.Pytester) -> None:
    (pytester.mkdir("claims") / "story.yaml").write_text(CLAIMS, encoding="utf-8")
    pytester.makepyfile(test_plain="def test_plain():\n    assert True\n")
    pytester.runpytest_subprocess().assert_outcomes(passed=1)
    # YAML under a path named: still nothing
    pytester.runpytest_subprocess("claims").assert_outcomes()
    # ... and the command-line option opts in
    pytester.runpytest_subprocess("--claimcheck", "claims").assert_outcomes(passed=2, failed=1,
                                                                 xfailed=1)


def test_named_tests_run_alone(newsroom: pytest.Pytester) -> None:
    newsroom.runpytest_subprocess("test_plain.py").assert_outcomes(passed=1)


def test_fail_on_from_the_ini(newsroom: pytest.Pytester) -> None:
    newsroom.makepyprojecttoml('[tool.pytest.ini_options]\nclaimcheck_paths = ["claims"]\n'
                               'claimcheck_fail_on = "never"\n')
    newsroom.runpytest_subprocess().assert_outcomes(passed=4)
    newsroom.makepyprojecttoml('[tool.pytest.ini_options]\nclaimcheck_paths = ["claims"]\n'
                               'claimcheck_fail_on = "sometimes"\n')
    result = newsroom.runpytest_subprocess()
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*claimcheck_fail_on must be one of*"])


def test_a_broken_file_is_one_failing_test_with_its_diagnostics(
        newsroom: pytest.Pytester) -> None:
    (newsroom.path / "claims" / "broken.yaml").write_text("figures: [\n", encoding="utf-8")
    result = newsroom.runpytest_subprocess()
    result.assert_outcomes(passed=2, failed=2, xfailed=1)
    result.stdout.fnmatch_lines(["*claims/broken.yaml: cannot be checked*",
                                 "*claims/broken.yaml:2:1: error?yaml-syntax?*"])


def test_the_project_suite_collects_its_own_claims(pytester: pytest.Pytester) -> None:
    root = Path(__file__).resolve().parent.parent
    result = pytester.runpytest_subprocess("--collect-only", "-p", "no:cacheprovider",
                                           "--rootdir", str(root), str(root / "claims"))
    # the project's own pyproject.toml opts in: one test per check of the bundled claims
    result.stdout.fnmatch_lines(["*state-smuggling.yaml::transshipped-mass-restated",
                                 "*23 tests collected*"])


def test_the_option_joins_named_tests_and_strict_fails_warnings(
        newsroom: pytest.Pytester) -> None:
    result = newsroom.runpytest_subprocess("--claimcheck", "claims", "test_plain.py")
    result.assert_outcomes(passed=2, failed=1, xfailed=1)
    # claimcheck.toml's strict = true: lint warnings fail, as with `claimcheck verify`
    (newsroom.path / "claimcheck.toml").write_text("strict = true\n", encoding="utf-8")
    (newsroom.path / "claims" / "story.yaml").write_text(
        CLAIMS.replace('    quote: "760 of them"\n', ""), encoding="utf-8")
    result = newsroom.runpytest_subprocess()
    result.assert_outcomes(passed=2, failed=2, xfailed=1)
    result.stdout.fnmatch_lines(["*warning?no-quote?*"])

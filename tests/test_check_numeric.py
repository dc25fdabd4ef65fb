"""Numeric self-contradictions and rebuttals on hand-made records (articles written for the tests)."""

from __future__ import annotations

import pytest

from onrecord.check import MemoryHistory, check_records, explain
from test_check_helpers import actor, article, claim

GOV = actor("Amara Velt")
OTHER = actor("Jonas Pike")


def run(*records):  # type: ignore[no-untyped-def]
    history = MemoryHistory(records)
    return check_records(list(records), history), history


def test_part_later_far_above_whole_earlier_is_flagged() -> None:
    text = (
        "In March, Velt said that Nordland had suffered 300,000 casualties, dead and wounded together. "
        "Velt said on Monday that almost 500,000 Nordland soldiers have been killed."
    )
    art = article("art-a", text, "2025-04-22")
    early = claim(art, "300,000", "Nordland casualties dead and wounded", 300_000, asserter=GOV.id, said="2025-03")
    late = claim(
        art,
        "almost 500,000",
        "Nordland soldiers killed",
        500_000,
        asserter=GOV.id,
        said="2025-04-21",
        qualifier="approx",
    )
    conflicts, history = run(art, GOV, early, late)
    assert [c.kind for c in conflicts] == ["self_contradiction"]
    c = conflicts[0]
    assert set(c.claim_ids) == {early.id, late.id}
    assert "%" in c.explanation and "days" in c.explanation
    assert "Velt" in explain(c, history)


def test_cumulative_count_rising_at_plausible_pace_is_not_flagged() -> None:
    text = (
        "In January Velt said 10,000 Nordland soldiers had died. In June Velt said 13,500 Nordland soldiers had died."
    )
    art = article("art-b", text, "2025-06-30")
    a = claim(art, "10,000", "Nordland soldiers died", 10_000, asserter=GOV.id, said="2025-01")
    b = claim(art, "13,500", "Nordland soldiers died", 13_500, asserter=GOV.id, said="2025-06")
    assert run(art, GOV, a, b)[0] == []


def test_cumulative_count_that_shrinks_is_flagged() -> None:
    text = (
        "In May Velt said 8,000 Nordland civilians had been killed. "
        "In July Velt said 5,000 Nordland civilians had been killed."
    )
    art = article("art-c", text, "2025-07-30")
    a = claim(art, "8,000", "Nordland civilians killed", 8000, asserter=GOV.id, said="2025-05")
    b = claim(art, "5,000", "Nordland civilians killed", 5000, asserter=GOV.id, said="2025-07")
    conflicts = run(art, GOV, a, b)[0]
    assert len(conflicts) == 1 and "cannot fall" in conflicts[0].explanation


def test_revised_figure_is_not_a_contradiction() -> None:
    text = (
        "In May Velt said 8,000 Nordland civilians had been killed. "
        "In July Velt revised the toll to 5,000 Nordland civilians killed."
    )
    art = article("art-c2", text, "2025-07-30")
    a = claim(art, "8,000", "Nordland civilians killed", 8000, asserter=GOV.id, said="2025-05")
    b = claim(art, "5,000", "Nordland civilians killed", 5000, asserter=GOV.id, said="2025-07")
    assert run(art, GOV, a, b)[0] == []


@pytest.mark.parametrize(
    ("subject_b", "asserter_b"),
    [
        ("Sudria soldiers died", GOV.id),  # another country
        ("Nordland soldiers died", OTHER.id),  # another speaker
        ("Nordland civilians died", GOV.id),  # another population
    ],
)
def test_different_scope_or_speaker_is_not_paired(subject_b: str, asserter_b: str) -> None:
    text = "In May Velt said 8,000 Nordland soldiers had died. In July a figure of 5,000 was given."
    art = article("art-d", text, "2025-07-30")
    a = claim(art, "8,000", "Nordland soldiers died", 8000, asserter=GOV.id, said="2025-05")
    b = claim(art, "5,000", subject_b, 5000, asserter=asserter_b, said="2025-07")
    assert run(art, GOV, OTHER, a, b)[0] == []


def test_different_years_are_different_scopes() -> None:
    text = "Velt said exports reached $40 billion in 2023. Velt said exports reached $25 billion in 2024."
    art = article("art-e", text, "2025-02-01")
    a = claim(art, "$40 billion", "exports", 40e9, asserter=GOV.id, said="2025-01-10", unit="USD", time_scope="2023")
    b = claim(art, "$25 billion", "exports", 25e9, asserter=GOV.id, said="2025-01-10", unit="USD", time_scope="2024")
    assert run(art, GOV, a, b)[0] == []


def test_same_closed_period_with_disjoint_figures_is_flagged() -> None:
    text = (
        "In February Velt said Chile's exports reached $40 billion in 2024. "
        "In April Velt said Chile's exports were $25 billion in 2024."
    )
    art = article("art-f", text, "2025-04-30")
    a = claim(
        art, "$40 billion", "Chile's exports", 40e9, asserter=GOV.id, said="2025-02", unit="USD", time_scope="2024"
    )
    b = claim(
        art, "$25 billion", "Chile's exports", 25e9, asserter=GOV.id, said="2025-04", unit="USD", time_scope="2024"
    )
    conflicts = run(art, GOV, a, b)[0]
    assert [c.kind for c in conflicts] == ["self_contradiction"]


def test_part_above_whole_at_the_same_time() -> None:
    text = "On Monday Velt said 500 Nordland soldiers died, and that 400 were dead or wounded in all."
    art = article("art-g", text, "2025-03-04")
    a = claim(art, "500", "Nordland soldiers died", 500, asserter=GOV.id, said="2025-03-03")
    b = claim(art, "400", "Nordland soldiers dead or wounded", 400, asserter=GOV.id, said="2025-03-03")
    assert [c.kind for c in run(art, GOV, a, b)[0]] == ["self_contradiction"]


def test_part_below_whole_is_fine() -> None:
    text = "On Monday Velt said 500 Nordland soldiers died, and that 1,000 were casualties in all."
    art = article("art-h", text, "2025-03-04")
    a = claim(art, "500", "Nordland soldiers died", 500, asserter=GOV.id, said="2025-03-03")
    b = claim(art, "1,000", "Nordland casualties", 1000, asserter=GOV.id, said="2025-03-03")
    assert run(art, GOV, a, b)[0] == []


def test_approximate_figures_that_overlap_do_not_fire() -> None:
    text = "On Monday Velt said some 100 Nordland soldiers died. On Monday Velt also said 97 Nordland soldiers died."
    art = article("art-i", text, "2025-03-04")
    a = claim(art, "some 100", "Nordland soldiers died", 100, asserter=GOV.id, said="2025-03-03", qualifier="approx")
    b = claim(art, "97", "Nordland soldiers died", 97, asserter=GOV.id, said="2025-03-03")
    assert run(art, GOV, a, b)[0] == []


def test_unknown_scope_across_articles_abstains() -> None:
    first = article("art-j1", "In May Velt said 8,000 had died.", "2025-05-30")
    second = article("art-j2", "In July Velt said 5,000 had died.", "2025-07-30")
    a = claim(first, "8,000", "died", 8000, asserter=GOV.id, said="2025-05")
    b = claim(second, "5,000", "died", 5000, asserter=GOV.id, said="2025-07")
    assert run(first, second, GOV, a, b)[0] == []


def test_unscoped_figures_in_one_article_share_its_subject() -> None:
    text = "In May Velt said 8,000 had died. In July Velt said 5,000 had died."
    art = article("art-j", text, "2025-07-30")
    a = claim(art, "8,000", "died", 8000, asserter=GOV.id, said="2025-05")
    b = claim(art, "5,000", "died", 5000, asserter=GOV.id, said="2025-07")
    assert [c.kind for c in run(art, GOV, a, b)[0]] == ["self_contradiction"]


def test_rebuttal_of_a_figure_by_another_source() -> None:
    text = (
        "Velt said on Monday that 2,000 Nordland soldiers had died in the offensive. "
        "However, according to Pike, only 600 Nordland soldiers had died."
    )
    art = article("art-k", text, "2025-03-04")
    a = claim(art, "2,000", "Nordland soldiers died", 2000, asserter=GOV.id, said="2025-03-03")
    b = claim(art, "600", "Nordland soldiers died", 600, asserter=OTHER.id, said="2025-03-04")
    conflicts = run(art, GOV, OTHER, a, b)[0]
    assert [c.kind for c in conflicts] == ["rebutted_in_text"]


def test_conflict_ids_are_stable_and_pairs_are_not_doubled() -> None:
    text = (
        "In May Velt said 8,000 Nordland civilians had been killed. "
        "In July Velt said 5,000 Nordland civilians had been killed."
    )
    art = article("art-l", text, "2025-07-30")
    a = claim(art, "8,000", "Nordland civilians killed", 8000, asserter=GOV.id, said="2025-05")
    b = claim(art, "5,000", "Nordland civilians killed", 5000, asserter=GOV.id, said="2025-07")
    first, _ = run(art, GOV, a, b)
    second, _ = run(art, GOV, b, a)
    assert len(first) == 1 and [c.id for c in first] == [c.id for c in second]


def test_figures_for_two_regions_given_at_once_are_not_paired() -> None:
    text = (
        "On Monday Velt said 5,000 Nordland troops were deployed in the north. "
        "Velt said 9,000 Nordland troops were deployed in the east."
    )
    art = article("art-m", text, "2025-03-04")
    a = claim(art, "5,000", "Nordland troops deployed", 5000, asserter=GOV.id, said="2025-03-03")
    b = claim(art, "9,000", "Nordland troops deployed", 9000, asserter=GOV.id, said="2025-03-03")
    assert run(art, GOV, a, b)[0] == []


def test_unscoped_list_given_at_once_is_not_paired() -> None:
    text = "On Monday Velt said 40 people died. Velt said 25 people died."
    art = article("art-n", text, "2025-03-04")
    a = claim(art, "40", "people died", 40, asserter=GOV.id, said="2025-03-03")
    b = claim(art, "25", "people died", 25, asserter=GOV.id, said="2025-03-03")
    assert run(art, GOV, a, b)[0] == []


def test_a_toll_reported_as_rising_is_not_implausible_growth() -> None:
    text = (
        "On Monday Velt said 12,000 Nordland people had died in the earthquake. "
        "On Friday Velt said the toll had climbed to 35,000 Nordland people dead."
    )
    art = article("art-q", text, "2025-03-08")
    a = claim(art, "12,000", "Nordland people died", 12_000, asserter=GOV.id, said="2025-03-03")
    b = claim(art, "35,000", "Nordland people dead", 35_000, asserter=GOV.id, said="2025-03-07")
    assert run(art, GOV, a, b)[0] == []


def test_the_same_jump_without_a_rise_cue_is_flagged() -> None:
    text = "On Monday Velt said 12,000 Nordland people had died. On Friday Velt said 35,000 Nordland people were dead."
    art = article("art-q2", text, "2025-03-08")
    a = claim(art, "12,000", "Nordland people died", 12_000, asserter=GOV.id, said="2025-03-03")
    b = claim(art, "35,000", "Nordland people dead", 35_000, asserter=GOV.id, said="2025-03-07")
    assert [c.kind for c in run(art, GOV, a, b)[0]] == ["self_contradiction"]


def _year_figures(first: str, second: str, subject_a: str, subject_b: str):  # type: ignore[no-untyped-def]
    a1 = article("art-s1", first, "2024-02-06")
    a2 = article("art-s2", second, "2024-06-12")
    ca = claim(a1, "€310 million", subject_a, 310e6, asserter=GOV.id, said="2024-02-05", unit="EUR", time_scope="2023")
    cb = claim(a2, "€240 million", subject_b, 240e6, asserter=GOV.id, said="2024-06-11", unit="EUR", time_scope="2023")
    return run(a1, a2, GOV, ca, cb)[0]


def test_one_closed_year_restated_in_other_verbs_is_flagged() -> None:
    found = _year_figures(
        "Velt said that Nordland's wine exports reached €310 million in 2023.",
        "Velt said that Nordland's wine exports amounted to €240 million in 2023.",
        "Nordland's wine exports reached",
        "Nordland wine exports amounted",
    )
    assert [c.kind for c in found] == ["self_contradiction"]


def test_a_narrower_product_is_another_measure() -> None:
    found = _year_figures(
        "Velt said that Nordland's wine exports reached €310 million in 2023.",
        "Velt said that Nordland's sparkling wine exports reached €240 million in 2023.",
        "Nordland's wine exports reached",
        "Nordland's sparkling wine exports reached",
    )
    assert found == []


def test_one_speakers_same_words_pair_across_articles_naming_no_country() -> None:
    # no country anywhere: one speaker's "exports" in two articles about the same (unnamed) country
    found = _year_figures(
        "Velt said that the country's exports reached €310 million in 2023.",
        "Velt said that exports reached €240 million in 2023.",
        "exports reached",
        "exports reached",
    )
    assert [c.kind for c in found] == ["self_contradiction"]


def test_an_elliptical_rebuttal_takes_the_first_figures_scope_and_period() -> None:
    text = "Velt said on Monday that turnout in the Nordland vote was 61% on Sunday. But Pike said turnout was 48%."
    art = article("art-e", text, "2025-05-27")
    a = claim(art, "61%", "turnout in Nordland vote", 61, asserter=GOV.id, said="2025-05-26", unit="%",
              time_scope="2025-05-25")  # fmt: skip
    b = claim(art, "48%", "turnout", 48, asserter=OTHER.id, said="2025-05-27", unit="%")
    assert [c.kind for c in run(art, GOV, OTHER, a, b)[0]] == ["rebutted_in_text"]


def test_a_rebuttal_naming_another_measure_is_no_ellipsis() -> None:
    text = "Velt said on Monday that Nordland created 40,000 jobs in May. But Pike said 55,000 jobs were lost."
    art = article("art-f", text, "2025-06-03")
    a = claim(art, "40,000", "Nordland created jobs", 40_000, asserter=GOV.id, said="2025-06-02", time_scope="2025-05")
    b = claim(art, "55,000", "jobs lost", 55_000, asserter=OTHER.id, said="2025-06-03")
    assert run(art, GOV, OTHER, a, b)[0] == []


def test_the_value_a_change_starts_from_is_not_a_figure_of_now() -> None:
    text = "Velt said on Monday that the Nordland death toll had risen to 36 from 30."
    art = article("art-g", text, "2025-02-04")
    a = claim(art, "36", "Nordland death toll risen", 36, asserter=GOV.id, said="2025-02-03")
    b = claim(art, "30", "Nordland death toll risen", 30, asserter=GOV.id, said="2025-02-03")
    assert run(art, GOV, a, b)[0] == []


def test_two_figures_of_one_measure_in_one_sentence_are_a_list_not_a_contradiction() -> None:
    text = "On Monday Velt said 100,000, 200,000 or 250,000 Nordland soldiers died."
    art = article("art-list", text, "2025-03-04")
    a = claim(art, "100,000", "Nordland soldiers died", 100_000, asserter=GOV.id, said="2025-03-03")
    b = claim(art, "250,000", "Nordland soldiers died", 250_000, asserter=GOV.id, said="2025-03-03")
    assert run(art, GOV, a, b)[0] == []
    # the same two figures in two sentences of one statement do contradict each other
    text2 = "On Monday Velt said 100,000 Nordland soldiers died. On Monday Velt said 250,000 Nordland soldiers died."
    art2 = article("art-two", text2, "2025-03-04")
    a2 = claim(art2, "100,000", "Nordland soldiers died", 100_000, asserter=GOV.id, said="2025-03-03")
    b2 = claim(art2, "250,000", "Nordland soldiers died", 250_000, asserter=GOV.id, said="2025-03-03")
    assert [c.kind for c in run(art2, GOV, a2, b2)[0]] == ["self_contradiction"]

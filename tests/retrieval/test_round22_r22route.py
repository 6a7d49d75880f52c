"""Round 22 (issue 11): the right article for a plain question whose everyday words a neighbouring article shares.

An article about one group of pupils (girls in techniek, the migrant figures, placement discrimination) or about one
programme (the AanDeBak job guarantee) does not answer a question that does not speak of that group or programme:
"why do so few young people here choose techniek?" is the region's choices, not why so few girls do. A question that
names switching school, a parent helping the child choose, or whether techniek means a sure job goes to the article
with that section. The questions here are our own and not in the eval sets.
"""

from __future__ import annotations

import pytest

from retrieval.assistant import Assistant


def _article(topic: str | None) -> str:
    return (topic or "").split("#", 1)[0]


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("why do so few kids here go into tech", {"meisjes_techniek", "stage_discriminatie"}),
        ("my daughter wants to do tech, is that odd?", {"stage_discriminatie"}),
        ("بنتي بغات تقرا التقنية", {"stage_discriminatie"}),
        ("firma nie chce przyjac syna na staz", {"meisjes_techniek"}),
    ],
)
def test_a_group_article_is_missing_when_the_question_does_not_name_its_group(text: str, missing: set[str]) -> None:
    whole = {article for article, section in Assistant._missing_subjects(text) if section is None}
    assert missing <= whole
    named = {"meisjes_techniek", "stage_discriminatie"} - missing
    assert not (named & whole)


@pytest.mark.parametrize(
    ("text", "article"),
    [
        ("kan hij na het tweede jaar naar een andere school met techniek?", "geen_techniekprofiel"),
        ("okulunda teknik yok, baska okula gecebilir mi", "geen_techniekprofiel"),
        ("як я можу допомогти сину обрати навчання?", "rol_ouders"),
        ("czy technika to pewna praca?", "techniek_kansrijk"),
    ],
)
def test_a_named_everyday_subject_favours_its_article(text: str, article: str) -> None:
    assert article in Assistant._named_subjects(text)


def test_the_aandebak_guarantee_does_not_count_as_a_sure_job_in_techniek() -> None:
    assert "techniek_kansrijk" not in Assistant._named_subjects(
        "is de aandebak garantie echt zeker werk in de techniek?"
    )


def test_why_so_few_young_people_choose_techniek_is_the_region_not_the_girls(assistant: Assistant) -> None:
    answer = assistant.ask("czemu u nas w regionie mlodzi tak rzadko ida do techniki", use_llm=False)
    assert _article(answer.topic) == "artikel:keuzes_in_de_regio", answer.topic


def test_a_travel_worry_about_a_son_is_the_travel_article(assistant: Assistant) -> None:
    answer = assistant.ask(
        "syn by musial jechac godzine autobusem do szkoly technicznej, czy to tu normalne?", use_llm=False
    )
    assert _article(answer.topic) == "artikel:reisafstand", answer.topic


def test_switching_school_without_a_techniek_profiel_is_not_the_licence(assistant: Assistant) -> None:
    answer = assistant.ask(
        "can my son change to another school after year two, his school has no tech profile", use_llm=False
    )
    assert _article(answer.topic) == "artikel:geen_techniekprofiel", answer.topic


def test_helping_the_child_choose_is_the_parents_article(assistant: Assistant) -> None:
    answer = assistant.ask("jak moge pomoc synowi wybrac szkole, sama malo rozumiem z tego systemu", use_llm=False)
    assert _article(answer.topic) == "artikel:rol_ouders", answer.topic


def test_a_sure_job_in_techniek_is_not_the_aandebak_guarantee(assistant: Assistant) -> None:
    answer = assistant.ask("is a tech mbo a guaranteed job for my son?", use_llm=False)
    assert _article(answer.topic) in {"artikel:techniek_kansrijk", "artikel:baankansen_na_diploma"}, answer.topic


def test_a_levantine_girls_worry_is_the_girls_article(assistant: Assistant) -> None:
    answer = assistant.ask("بنتي حابة الكهربا بس خايفة تكون البنت الوحيدة بالصف", use_llm=False)
    assert _article(answer.topic) == "artikel:meisjes_techniek", answer.topic

"""Round 15 (issue 11): a figure question that names a region gets that region's figure, whatever language or script
names the region (Güney Hollanda, جنوب هولندا, Південна Голландія, Holandia Południowa; Lahey, لاهاي, Гаага, Haga).

- regions_named reads the region in six languages; the region Rotterdam Den Haag itself is not its two towns, and
  Zuid-Holland is not the country ("Güney Hollanda" / "Hollanda");
- inside one article the section whose figures are the asked region's wins (the Zuid-Holland BBL share, not the
  national section that also gives one Zuid-Holland figure);
- in the figure fit the region counts in any script, and a figure given for the region alone fits better than one in
  a list of many places' figures.
The questions here are our own and not in the eval sets.
"""

from __future__ import annotations

import pytest

from retrieval.assistant import Assistant, region_words, regions_named


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("hoeveel mbo'ers in zuid holland doen bbl", {"zuid-holland"}),
        ("Güney Hollanda'daki öğrenciler", {"zuid-holland"}),
        ("طلاب جنوب هولندا", {"zuid-holland"}),
        ("студенти у Південній Голландії", {"zuid-holland"}),
        ("studenci w Holandii Południowej", {"zuid-holland"}),
        ("tüm Hollanda'da", {"nederland"}),
        ("Lahey'deki okullar", {"den-haag"}),
        ("بلاهاي", {"den-haag"}),
        ("у Гаазі", {"den-haag"}),
        ("w Hadze", {"den-haag"}),
        # the region itself, not its two towns
        ("In de regio Rotterdam Den Haag", {"regio"}),
        ("منطقة روتردام-لاهاي", {"regio"}),
        ("регіон Роттердам–Гаага", {"regio"}),
        # Rotterdam-Zuid is not Rotterdam's figure; no region at all
        ("scholen op rotterdam zuid", set()),
        ("hoeveel meisjes doen techniek", set()),
    ],
)
def test_regions_are_read_in_six_languages(text: str, regions: set[str]) -> None:
    assert regions_named(text) == regions


def test_the_words_of_a_region_name_are_the_region_not_the_country() -> None:
    assert region_words("ile osób w Holandii Południowej robi bbl") == "holandii południowej"
    assert region_words("hoeveel procent doet bbl") == ""


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("welk deel van de techniekstudenten op het mbo in zuid holland werkt en leert tegelijk, in procenten?", "nl"),
        ("Güney Hollanda'da teknik mbo öğrencilerinin ne kadarı BBL ile çalışarak okuyor, yüzde kaç?", "tr"),
        ("كم في المية من طلاب التقنية في mbo بجنوب هولندا بيشتغلوا وبيدرسوا مع بعض (BBL)؟", "ar"),
        ("jaka część studentów technicznych mbo w Holandii Południowej robi BBL, ile procent?", "pl"),
    ],
)
def test_the_asked_regions_section_answers_inside_one_article(assistant: Assistant, question: str, lang: str) -> None:
    """The Zuid-Holland BBL share of the technical mbo students (52%), not the national section (30%) that also
    gives one Zuid-Holland figure."""
    matches = assistant.questions.match(question, assistant.query_vector(question))
    assert assistant._section_for("bol_bbl", question, lang, matches) == "techniek"
    answer = assistant.ask(question, use_llm=False)
    assert answer.topic is not None and answer.topic.startswith("artikel:bol_bbl#techniek"), answer.topic
    assert "52" in answer.answer, answer.answer


def test_the_region_counts_in_the_figure_fit_in_another_script(assistant: Assistant) -> None:
    """'لاهاي' in the question and 'Den Haag' in the Dutch sentence: the sentence with Den Haag's 8% fits better
    than the campus list that names Den Haag among many places."""
    question = "قديش نسبة ولاد vmbo بلاهاي اللي بياخدوا profiel تقني؟"
    own = assistant._figure_fit("keuzes_in_de_regio", "rotterdam", question, "ar")
    campus = assistant._figure_fit("techniek_rond_campussen", "per_campus", question, "ar")
    assert own > campus, (own, campus)
    # the regional section gives the same kind of figure, for the region as a whole
    regional = assistant._figure_fit("keuzes_in_de_regio", "regio", question, "ar")
    assert own > regional, (own, regional)


def test_a_section_about_the_asked_region_has_the_region_focus(assistant: Assistant) -> None:
    asked = regions_named("in Zuid-Holland")
    assert assistant._region_focus("bol_bbl", "techniek", asked, "en") == 1.0
    # the national section gives a Zuid-Holland figure too, next to national ones
    assert 0.0 < assistant._region_focus("bol_bbl", "landelijk", asked, "en") < 1.0
    assert assistant._region_focus("bol_bbl", "verschil", asked, "en") == 0.0


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Lahey'deki vmbo öğrencilerinin yüzde kaçı teknik bir profil seçmiş?", "tr"),
        ("بلاهاي قديش بالمية من طلاب vmbo اختاروا profiel تقني؟", "ar"),
    ],
)
def test_a_region_asked_in_another_script_gets_that_regions_figure(
    assistant: Assistant, question: str, lang: str
) -> None:
    """The article with the regional 15,2% does not name Den Haag; the section with Den Haag's 8% answers."""
    answer = assistant.ask(question, use_llm=False)
    assert answer.topic == "artikel:keuzes_in_de_regio#rotterdam", answer.topic
    assert "8" in answer.answer and ("8%" in answer.answer or "%8" in answer.answer), answer.answer

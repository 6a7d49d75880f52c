"""The assistant's reply as HTML: escaped text, lists, and Latin runs isolated in right-to-left answers."""

from __future__ import annotations

from app.widgets import answer_html


def test_text_is_escaped_and_lists_are_lists() -> None:
    html = answer_html("Zie <img src=x> & meer\n\n- Naam: iets\n- Ander: meer")
    assert "<img" not in html and "&lt;img src=x&gt;" in html and "&amp;" in html
    assert html.count("<li>") == 2 and "<bdi>Naam</bdi>: iets" in html


def test_latin_runs_in_an_arabic_answer_are_isolated_whole() -> None:
    """'Entree (niveau 1)' at the start of an Arabic sentence showed as '(Entree (niveau 1': the digit inside
    the brackets counts as right-to-left, so the browser turned the closing bracket."""
    html = answer_html(
        "المدة. Entree (niveau 1) هو الأقصر. في المعلوماتية (ICT) تصل.\n- IW open dag: لمن: vmbo؛ Rijswijk, 3.5 كم",
        rtl=True,
    )
    assert "<bdi>Entree (niveau 1)</bdi>" in html
    assert "(<bdi>ICT</bdi>)" in html, "brackets around a Latin word in Arabic text stay outside"
    assert "<bdi>Rijswijk, 3.5</bdi> كم" in html and "<bdi>IW open dag</bdi>:" in html
    assert "<bdi>" not in answer_html("Entree (niveau 1) is de kortste.")  # left to right: nothing to isolate

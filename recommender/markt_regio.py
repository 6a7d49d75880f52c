"""One notice when the labour-market sentences of an advice speak about a region the pupil does not live in.

The sources we have speak about Rijnmond (UWV 2018) and Rotterdam (Zuid); a pupil in Den Haag or Delft read them as
the only prospect for their own region (review 6, defect 3). Which gemeenten a source's region covers is
``knowledge.vocab.BRON_REGIO_GEMEENTEN``; only MRDH gemeenten get the notice (outside it, the intake already says so).
"""

from __future__ import annotations

from collections.abc import Iterable

from knowledge.i18n import t
from knowledge.vocab import BRON_REGIO_GEMEENTEN, MRDH_GEMEENTEN
from recommender.explain import lijst


def regios_buiten(regios: Iterable[str | None], gemeente: str | None) -> list[str]:
    """The known regions among ``regios`` that do not cover ``gemeente`` (an MRDH gemeente), in first-seen order."""
    if gemeente is None or gemeente not in MRDH_GEMEENTEN:
        return []
    uit: list[str] = []
    for regio in regios:
        if regio in BRON_REGIO_GEMEENTEN and gemeente not in BRON_REGIO_GEMEENTEN[regio] and regio not in uit:
            uit.append(regio)
    return uit


def markt_regio_melding(regios: Iterable[str | None], gemeente: str | None, talen: list[str]) -> dict[str, str] | None:
    """'De informatie over de arbeidsmarkt in dit advies gaat over Rijnmond. Den Haag hoort daar niet bij; ...'"""
    buiten = regios_buiten(regios, gemeente)
    if not buiten:
        return None
    return {taal: t("advies.markt_andere_regio", taal, regios=lijst(buiten, taal), gemeente=gemeente) for taal in talen}

"""One notice when the labour-market sentences of an advice speak about a region the pupil does not live in.

The sources we have speak about Rijnmond (UWV 2018) and Rotterdam (Zuid); a pupil in Den Haag or Delft read them as
the only prospect for their own region (review 6, defect 3). Which gemeenten a source's region covers is
``knowledge.vocab.BRON_REGIO_GEMEENTEN``; only MRDH gemeenten get the notice (outside it, the intake already says so).
"""

from __future__ import annotations

from collections.abc import Iterable

from knowledge.i18n import t
from knowledge.loader import KnowledgeBase
from knowledge.vocab import BRON_REGIO_GEMEENTEN, MRDH_GEMEENTEN
from recommender.explain import lijst
from recommender.routes import OUD_JAREN, peiljaar


def regios_buiten(regios: Iterable[str | None], gemeente: str | None) -> list[str]:
    """The known regions among ``regios`` (first-seen order) when none of them covers ``gemeente`` (an MRDH
    gemeente); else []: a Vlaardingen pupil is covered by the Rijnmond figures, and a sentence about Rotterdam Zuid
    already names its own area."""
    if gemeente is None or gemeente not in MRDH_GEMEENTEN:
        return []
    bekend = list(dict.fromkeys(r for r in regios if r is not None and r in BRON_REGIO_GEMEENTEN))
    if any(gemeente in BRON_REGIO_GEMEENTEN[r] for r in bekend):
        return []
    return bekend


def markt_regio_melding(
    regios: Iterable[str | None], gemeente: str | None, talen: list[str], po: bool = False
) -> dict[str, str] | None:
    """'De informatie over de arbeidsmarkt in dit advies gaat over Rijnmond. Den Haag hoort daar niet bij; ...'
    ``po``: groep 7/8 has no decaan yet; the question is for the decaan of the secondary school, later."""
    buiten = regios_buiten(regios, gemeente)
    if not buiten:
        return None
    key = "advies.markt_andere_regio_po" if po else "advies.markt_andere_regio"
    return {taal: t(key, taal, regios=lijst(buiten, taal), gemeente=gemeente) for taal in talen}


# a data year OUD_JAREN years before the newest report is "al een paar jaar geleden" (UWV 2018 in a 2026 advice);
# the Masterplan's 2023 data is not (review 9: say it once, not under every route). The same rule halves its weight
# in the ranking (recommender.routes.gegevens_factor), and the notice says so.


def oude_gegevens_melding(
    kb: KnowledgeBase, gegevensjaren: Iterable[str | None], talen: list[str]
) -> dict[str, str] | None:
    """Once per advice: 'Sommige uitspraken over de kans op werk gaan over gegevens uit 2018 ...; vraag naar de
    situatie nu', when a labour-market sentence shown rests on data that old; else None."""
    nieuwste = peiljaar(kb)
    jaren = [int(j[:4]) for j in gegevensjaren if j and j[:4].isdigit()]
    oud = [j for j in jaren if nieuwste - j >= OUD_JAREN]
    if not oud:
        return None
    return {taal: t("advies.oude_gegevens", taal, jaar=min(oud)) for taal in talen}

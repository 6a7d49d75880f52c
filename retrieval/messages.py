"""The one catalogue of fixed assistant texts, in the six languages of LOB-Kompas.

Every sentence the assistant says on its own (refusals, notices, bad-input messages,
list headings) comes from here, so a translation is fixed in one place. Use
:func:`msg`; a missing language falls back to English, then Dutch.
"""
from __future__ import annotations

from knowledge.vocab import TALEN

LANGUAGE_NAMES: dict[str, str] = {
    "nl": "Dutch (Nederlands)", "en": "English", "tr": "Turkish (Türkçe)",
    "ar": "Arabic (العربية)", "pl": "Polish (polski)", "uk": "Ukrainian (українська)",
}

CATALOGUE: dict[str, dict[str, str]] = {
    "refusal": {
        "nl": "Dat weet ik niet uit mijn bronnen. Ik geef liever geen antwoord dan een verzonnen antwoord.",
        "en": "I don't know that from my sources. I would rather give no answer than an invented one.",
        "tr": "Bunu kaynaklarımdan bilmiyorum. Uydurma bir cevap vermektense hiç cevap vermemeyi tercih ederim.",
        "ar": "لا أعرف ذلك من مصادري. أفضّل ألا أجيب على أن أخترع إجابة.",
        "pl": "Nie wiem tego z moich źródeł. Wolę nie odpowiadać, niż podać wymyśloną odpowiedź.",
        "uk": "Я не знаю цього з моїх джерел. Краще не відповідати, ніж вигадувати відповідь.",
    },
    "can_help": {
        "nl": "Ik kan wel helpen met: vmbo-profielen en techniek, mbo-opleidingen (BOL en BBL), beroepen en "
              "kans op werk, techniekactiviteiten in de regio Rotterdam, en wat de onderzoeksrapporten zeggen.",
        "en": "I can help with: vmbo profiles and techniek (technology), mbo programmes (BOL and BBL), occupations "
              "and job prospects, technology activities in the Rotterdam region, and what the research reports say.",
        "tr": "Şu konularda yardımcı olabilirim: vmbo profilleri ve teknik (techniek), mbo eğitimleri (BOL ve BBL), "
              "meslekler ve iş bulma şansı, Rotterdam bölgesindeki teknik etkinlikler ve araştırma raporlarının "
              "söyledikleri.",
        "ar": "يمكنني المساعدة في: مسارات vmbo والتقنية (techniek)، وبرامج mbo (BOL وBBL)، والمهن وفرص العمل، "
              "والأنشطة التقنية في منطقة روتردام، وما تقوله تقارير البحث.",
        "pl": "Mogę pomóc w sprawach: profile vmbo i technika (techniek), kierunki mbo (BOL i BBL), zawody i szanse "
              "na pracę, zajęcia techniczne w regionie Rotterdamu oraz to, co mówią raporty badawcze.",
        "uk": "Я можу допомогти з такими темами: профілі vmbo і техніка (techniek), програми mbo (BOL і BBL), "
              "професії та шанси на роботу, технічні заходи в регіоні Роттердама, а також що кажуть дослідницькі "
              "звіти.",
    },
    "only_dutch": {
        "nl": "",
        "en": "I only have Dutch material about this. Below is the Dutch text from my sources.",
        "tr": "Bu konuda yalnızca Felemenkçe (Hollandaca) kaynaklarım var. Aşağıda kaynaklarımdaki Felemenkçe metin "
              "yer alıyor.",
        "ar": "لديّ مواد باللغة الهولندية فقط حول هذا الموضوع. فيما يلي النص الهولندي من مصادري.",
        "pl": "Mam na ten temat tylko materiały po niderlandzku. Poniżej jest niderlandzki tekst z moich źródeł.",
        "uk": "Про це я маю матеріали лише нідерландською мовою. Нижче наведено нідерландський текст з моїх джерел.",
    },
    "only_other_language": {
        "nl": "Hierover heb ik alleen materiaal in een andere taal ({code}). Hieronder de tekst uit mijn bronnen.",
        "en": "I only have material in another language ({code}) about this. Below is the text from my sources.",
        "tr": "Bu konuda yalnızca başka bir dilde ({code}) kaynaklarım var. Aşağıda kaynaklarımdaki metin yer "
              "alıyor.",
        "ar": "لديّ مواد بلغة أخرى فقط ({code}) حول هذا الموضوع. فيما يلي النص من مصادري.",
        "pl": "Mam na ten temat tylko materiały w innym języku ({code}). Poniżej tekst z moich źródeł.",
        "uk": "Про це я маю матеріали лише іншою мовою ({code}). Нижче наведено текст з моїх джерел.",
    },
    "sources_label": {
        "nl": "Bronnen", "en": "Sources", "tr": "Kaynaklar", "ar": "المصادر", "pl": "Źródła", "uk": "Джерела",
    },
    "activities_intro": {
        "nl": "Ik vond {n} activiteiten{filters}. De namen en beschrijvingen zijn in het Nederlands.",
        "en": "I found {n} activities{filters}. Names and descriptions are in Dutch.",
        "tr": "{n} etkinlik buldum{filters}. İsimler ve açıklamalar Felemenkçedir.",
        "ar": "وجدتُ {n} من الأنشطة{filters}. الأسماء والأوصاف باللغة الهولندية.",
        "pl": "Znalazłem {n} zajęć{filters}. Nazwy i opisy są po niderlandzku.",
        "uk": "Я знайшов {n} заходів{filters}. Назви й описи нідерландською мовою.",
    },
    "activities_none": {
        "nl": "Ik vond geen activiteiten{filters} in mijn bronnen. Probeer een grotere afstand of minder filters.",
        "en": "I found no activities{filters} in my sources. Try a larger distance or fewer filters.",
        "tr": "Kaynaklarımda{filters} etkinlik bulamadım. Daha uzak bir mesafe veya daha az filtre deneyin.",
        "ar": "لم أجد أنشطة{filters} في مصادري. جرّب مسافة أكبر أو عددًا أقل من الشروط.",
        "pl": "Nie znalazłem zajęć{filters} w moich źródłach. Spróbuj większej odległości lub mniej filtrów.",
        "uk": "Я не знайшов заходів{filters} у моїх джерелах. Спробуйте більшу відстань або менше фільтрів.",
    },
    "filter_for": {
        "nl": " voor {what}", "en": " for {what}", "tr": " ({what} için)", "ar": " لـ {what}",
        "pl": " dla: {what}", "uk": " для: {what}",
    },
    "filter_near": {
        "nl": " bij {place}", "en": " near {place}", "tr": " ({place} yakınında)", "ar": " قرب {place}",
        "pl": " w pobliżu {place}", "uk": " поблизу {place}",
    },
    "national": {
        "nl": "landelijk", "en": "national", "tr": "ülke çapında", "ar": "على المستوى الوطني",
        "pl": "ogólnokrajowe", "uk": "загальнонаціональне",
    },
    "bad_empty": {
        "nl": "Stel een vraag, bijvoorbeeld: Wat is BBL?",
        "en": "Please ask a question, for example: What is BBL?",
        "tr": "Lütfen bir soru sorun, örneğin: BBL nedir?",
        "ar": "من فضلك اطرح سؤالًا، مثلًا: ما هو BBL؟",
        "pl": "Zadaj pytanie, na przykład: Co to jest BBL?",
        "uk": "Поставте запитання, наприклад: Що таке BBL?",
    },
    "bad_too_long": {
        "nl": "Je vraag is te lang ({n} tekens; maximaal {max}). Stel een korte vraag; lange teksten kun je "
              "toevoegen met 'lob-kompas ingest'.",
        "en": "Your question is too long ({n} characters; at most {max}). Ask a short question; long texts can be "
              "added with 'lob-kompas ingest'.",
        "tr": "Sorunuz çok uzun ({n} karakter; en fazla {max}). Kısa bir soru sorun; uzun metinleri "
              "'lob-kompas ingest' ile ekleyebilirsiniz.",
        "ar": "سؤالك طويل جدًا ({n} حرفًا؛ الحد الأقصى {max}). اطرح سؤالًا قصيرًا؛ يمكن إضافة النصوص الطويلة "
              "باستخدام 'lob-kompas ingest'.",
        "pl": "Twoje pytanie jest za długie ({n} znaków; maksymalnie {max}). Zadaj krótkie pytanie; długie teksty "
              "możesz dodać poleceniem 'lob-kompas ingest'.",
        "uk": "Ваше запитання задовге ({n} символів; максимум {max}). Поставте коротке запитання; довгі тексти "
              "можна додати командою 'lob-kompas ingest'.",
    },
    "bad_binary": {
        "nl": "Dit lijkt geen leesbare tekst (binaire of kapotte tekens). Typ je vraag in gewone woorden.",
        "en": "This does not look like readable text (binary or broken characters). Please type your question in "
              "plain words.",
        "tr": "Bu okunabilir bir metin gibi görünmüyor (ikili veya bozuk karakterler). Lütfen sorunuzu normal "
              "kelimelerle yazın.",
        "ar": "لا يبدو هذا نصًا مقروءًا (رموز ثنائية أو تالفة). من فضلك اكتب سؤالك بكلمات عادية.",
        "pl": "To nie wygląda na czytelny tekst (znaki binarne lub uszkodzone). Wpisz pytanie zwykłymi słowami.",
        "uk": "Це не схоже на читабельний текст (двійкові або пошкоджені символи). Напишіть запитання звичайними "
              "словами.",
    },
    "bad_mixed": {
        "nl": "Je vraag mengt verschillende schriften ({scripts}). Stel je vraag in één taal.",
        "en": "Your question mixes different scripts ({scripts}). Please ask in one language.",
        "tr": "Sorunuz farklı alfabeleri karıştırıyor ({scripts}). Lütfen tek bir dilde sorun.",
        "ar": "سؤالك يخلط بين أنظمة كتابة مختلفة ({scripts}). من فضلك اسأل بلغة واحدة.",
        "pl": "Twoje pytanie miesza różne alfabety ({scripts}). Zadaj pytanie w jednym języku.",
        "uk": "Ваше запитання змішує різні системи письма ({scripts}). Будь ласка, запитайте однією мовою.",
    },
    "unsupported_language": {
        "nl": "Deze taal ({code}) ken ik niet goed; ik antwoord in het Nederlands.",
        "en": "I do not know this language ({code}) well; I am answering in English.",
        "tr": "", "ar": "", "pl": "", "uk": "",
    },
    "llm_wrong_language": {
        "nl": "Het taalmodel antwoordde in een andere taal; hieronder de tekst uit de bronnen.",
        "en": "The language model answered in another language; below is the text from the sources.",
        "tr": "Dil modeli başka bir dilde cevap verdi; aşağıda kaynaklardaki metin yer alıyor.",
        "ar": "أجاب النموذج اللغوي بلغة أخرى؛ فيما يلي النص من المصادر.",
        "pl": "Model językowy odpowiedział w innym języku; poniżej tekst ze źródeł.",
        "uk": "Мовна модель відповіла іншою мовою; нижче наведено текст із джерел.",
    },
    "llm_failed": {
        "nl": "Het taalmodel is niet bereikbaar ({error}); hieronder de tekst uit de bronnen.",
        "en": "The language model could not be reached ({error}); below is the text from the sources.",
        "tr": "Dil modeline ulaşılamadı ({error}); aşağıda kaynaklardaki metin yer alıyor.",
        "ar": "تعذّر الوصول إلى النموذج اللغوي ({error})؛ فيما يلي النص من المصادر.",
        "pl": "Nie udało się połączyć z modelem językowym ({error}); poniżej tekst ze źródeł.",
        "uk": "Не вдалося звернутися до мовної моделі ({error}); нижче наведено текст із джерел.",
    },
}

# Target-group words shown in the activities heading, per doelgroep code.
DOELGROEP_LABELS: dict[str, dict[str, str]] = {
    "meisjes": {"nl": "meisjes", "en": "girls", "tr": "kızlar", "ar": "الفتيات", "pl": "dziewczyny", "uk": "дівчат"},
    "migratieachtergrond": {"nl": "jongeren met een migratieachtergrond", "en": "young people with a migration "
                            "background", "tr": "göçmen kökenli gençler", "ar": "الشباب من أصول مهاجرة",
                            "pl": "młodzież z doświadczeniem migracyjnym", "uk": "молоді з міграційним походженням"},
    "ouders": {"nl": "ouders", "en": "parents", "tr": "anne babalar", "ar": "الآباء", "pl": "rodziców",
               "uk": "батьків"},
    "leraren": {"nl": "leraren", "en": "teachers", "tr": "öğretmenler", "ar": "المعلمين", "pl": "nauczycieli",
                "uk": "вчителів"},
    "leerlingen": {"nl": "leerlingen", "en": "pupils", "tr": "öğrenciler", "ar": "التلاميذ", "pl": "uczniów",
                   "uk": "учнів"},
}


def msg(key: str, lang: str, **fields: object) -> str:
    """The text ``key`` in ``lang`` (fallback English, then Dutch), with ``fields`` filled in."""
    entry = CATALOGUE[key]
    text = entry.get(lang) or entry.get("en") or entry["nl"]
    return text.format(**fields) if fields else text


def label(code: str, lang: str) -> str:
    """A doelgroep code as words in ``lang``."""
    entry = DOELGROEP_LABELS.get(code)
    if not entry:
        return code
    return entry.get(lang) or entry["nl"]


def check_complete() -> list[str]:
    """Keys that miss one of the six languages (empty strings are deliberate: 'say nothing')."""
    return [f"{k}:{t}" for k, v in CATALOGUE.items() for t in TALEN if t not in v]

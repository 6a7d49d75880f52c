"""Sentence templates and word labels for explanations, in all six languages.

Every explanation the recommender gives is built from these templates and the actual score
parts; nothing is generated freely. Dutch (``nl``) speaks to the pupil ("je"), the parent
languages (en, tr, ar, pl, uk) speak to the parent about "your child". Dutch school terms
(vmbo, mbo, niveau, profiel, BBL, BOL, open dag, proefstuderen, keuzevak, hbo) are kept in every
language, as are the Dutch names of opleidingen, beroepen and schools.

A test checks that every template and label exists in every language of
:data:`knowledge.vocab.TALEN` and uses the same placeholders.
"""
from __future__ import annotations

from knowledge import vocab

# --- words ------------------------------------------------------------------------
INTERESSE_LABELS: dict[str, dict[str, str]] = {
    "bouwen": {"nl": "bouwen", "en": "building", "tr": "inşaat", "ar": "البناء",
               "pl": "budowanie", "uk": "будівництво"},
    "elektro": {"nl": "elektrotechniek", "en": "electrical work", "tr": "elektrik", "ar": "الكهرباء",
                "pl": "elektryka", "uk": "електрика"},
    "autos_motoren": {"nl": "auto's en motoren", "en": "cars and engines", "tr": "otomobiller ve motorlar",
                      "ar": "السيارات والمحركات", "pl": "samochody i silniki", "uk": "автомобілі та двигуни"},
    "ict_programmeren": {"nl": "ICT en programmeren", "en": "ICT and programming", "tr": "bilişim ve programlama",
                         "ar": "تكنولوجيا المعلومات والبرمجة", "pl": "informatyka i programowanie",
                         "uk": "ІТ і програмування"},
    "haven_schepen": {"nl": "de haven en schepen", "en": "the port and ships", "tr": "liman ve gemiler",
                      "ar": "الميناء والسفن", "pl": "port i statki", "uk": "порт і кораблі"},
    "energie_duurzaamheid": {"nl": "energie en duurzaamheid", "en": "energy and sustainability",
                             "tr": "enerji ve sürdürülebilirlik", "ar": "الطاقة والاستدامة",
                             "pl": "energia i ekologia", "uk": "енергетика та сталий розвиток"},
    "maken_ontwerpen": {"nl": "maken en ontwerpen", "en": "making and designing", "tr": "üretmek ve tasarlamak",
                        "ar": "الصنع والتصميم", "pl": "tworzenie i projektowanie", "uk": "виготовлення та проєктування"},
    "machines": {"nl": "machines", "en": "machines", "tr": "makineler", "ar": "الآلات",
                 "pl": "maszyny", "uk": "машини"},
    "logistiek": {"nl": "logistiek", "en": "logistics", "tr": "lojistik", "ar": "الخدمات اللوجستية",
                  "pl": "logistyka", "uk": "логістика"},
    "natuur_proefjes": {"nl": "natuur en proefjes", "en": "nature and experiments", "tr": "doğa ve deneyler",
                        "ar": "الطبيعة والتجارب", "pl": "przyroda i doświadczenia", "uk": "природа та досліди"},
    "media_vormgeving": {"nl": "media en vormgeving", "en": "media and design", "tr": "medya ve tasarım",
                         "ar": "الإعلام والتصميم", "pl": "media i grafika", "uk": "медіа та дизайн"},
    "zorg_welzijn": {"nl": "zorg en welzijn", "en": "care and welfare", "tr": "bakım ve sağlık",
                     "ar": "الرعاية الصحية والاجتماعية", "pl": "opieka i pomoc innym", "uk": "догляд і допомога людям"},
    "economie_handel": {"nl": "economie en handel", "en": "business and trade", "tr": "ekonomi ve ticaret",
                        "ar": "الاقتصاد والتجارة", "pl": "ekonomia i handel", "uk": "економіка та торгівля"},
    "sport_bewegen": {"nl": "sport en bewegen", "en": "sport and exercise", "tr": "spor ve hareket",
                      "ar": "الرياضة والحركة", "pl": "sport i ruch", "uk": "спорт і рух"},
    "koken_horeca": {"nl": "koken en horeca", "en": "cooking and hospitality", "tr": "yemek ve otelcilik",
                     "ar": "الطبخ والضيافة", "pl": "gotowanie i gastronomia", "uk": "кулінарія та ресторанна справа"},
    "mode_uiterlijk": {"nl": "mode en uiterlijk", "en": "fashion and beauty", "tr": "moda ve güzellik",
                       "ar": "الموضة والتجميل", "pl": "moda i uroda", "uk": "мода та краса"},
}

# Phrases that complete "werken ..." / "working ..."
WERKVOORKEUR_LABELS: dict[str, dict[str, str]] = {
    "handen": {"nl": "met je handen", "en": "with their hands", "tr": "elleriyle", "ar": "باليدين",
               "pl": "rękami", "uk": "руками"},
    "buiten": {"nl": "buiten", "en": "outdoors", "tr": "açık havada", "ar": "في الخارج",
               "pl": "na zewnątrz", "uk": "на свіжому повітрі"},
    "mensen": {"nl": "met mensen", "en": "with people", "tr": "insanlarla", "ar": "مع الناس",
               "pl": "z ludźmi", "uk": "з людьми"},
    "computers": {"nl": "met computers", "en": "with computers", "tr": "bilgisayarla", "ar": "مع الحاسوب",
                  "pl": "przy komputerze", "uk": "з комп'ютером"},
    "creatief": {"nl": "creatief", "en": "creatively", "tr": "yaratıcı şekilde", "ar": "بطريقة إبداعية",
                 "pl": "twórczo", "uk": "творчо"},
    "afwisseling": {"nl": "met afwisseling", "en": "with variety", "tr": "değişik işlerle", "ar": "مع التنوع",
                    "pl": "z urozmaiceniem", "uk": "з різноманіттям"},
}

ARBEIDSMARKT_TEKST: dict[str, dict[str, str]] = {
    "groot_tekort": {"nl": "er is een groot tekort aan vakmensen", "en": "there is a large shortage of workers",
                     "tr": "büyük bir eleman açığı var", "ar": "هناك نقص كبير في العاملين",
                     "pl": "bardzo brakuje pracowników", "uk": "дуже бракує працівників"},
    "tekort": {"nl": "er is een tekort aan vakmensen", "en": "there is a shortage of workers",
               "tr": "eleman açığı var", "ar": "هناك نقص في العاملين", "pl": "brakuje pracowników",
               "uk": "бракує працівників"},
    "goed": {"nl": "de kans op werk is goed", "en": "the chance of a job is good", "tr": "iş bulma şansı iyi",
             "ar": "فرصة العثور على عمل جيدة", "pl": "szanse na pracę są dobre", "uk": "шанси на роботу добрі"},
    "gemiddeld": {"nl": "de kans op werk is gemiddeld", "en": "the chance of a job is average",
                  "tr": "iş bulma şansı orta düzeyde", "ar": "فرصة العثور على عمل متوسطة",
                  "pl": "szanse na pracę są przeciętne", "uk": "шанси на роботу середні"},
    "beperkt": {"nl": "er is weinig werk", "en": "there are few jobs", "tr": "iş imkânı az",
                "ar": "فرص العمل قليلة", "pl": "pracy jest mało", "uk": "роботи мало"},
}

DOELGROEP_LABELS: dict[str, dict[str, str]] = {
    "leerlingen": {"nl": "leerlingen", "en": "pupils", "tr": "öğrenciler", "ar": "التلاميذ",
                   "pl": "uczniów", "uk": "учнів"},
    "meisjes": {"nl": "meisjes", "en": "girls", "tr": "kızlar", "ar": "الفتيات", "pl": "dziewcząt", "uk": "дівчат"},
    "migratieachtergrond": {"nl": "jongeren met een migratieachtergrond",
                            "en": "young people with a migration background",
                            "tr": "göçmen kökenli gençler", "ar": "الشباب من أصول مهاجرة",
                            "pl": "młodzieży z doświadczeniem migracji", "uk": "молоді з міграційним досвідом"},
    "leraren": {"nl": "leraren", "en": "teachers", "tr": "öğretmenler", "ar": "المعلمين",
                "pl": "nauczycieli", "uk": "вчителів"},
    "ouders": {"nl": "ouders", "en": "parents", "tr": "veliler", "ar": "أولياء الأمور",
               "pl": "rodziców", "uk": "батьків"},
}

# How to join the last two items of a list, and the decimal separator.
EN_WOORD: dict[str, str] = {"nl": " en ", "en": " and ", "tr": " ve ", "ar": " و", "pl": " i ", "uk": " і "}
LIJST_SCHEIDING: dict[str, str] = {"nl": ", ", "en": ", ", "tr": ", ", "ar": "، ", "pl": ", ", "uk": ", "}
DECIMAAL: dict[str, str] = {"nl": ",", "en": ".", "tr": ",", "ar": ".", "pl": ",", "uk": ","}

# --- sentences ------------------------------------------------------------------------
T: dict[str, dict[str, str]] = {
    # routes
    "interesse": {
        "nl": "Je houdt van {interesses}. De opleiding {opleiding} (mbo niveau {niveau}) past daarbij.",
        "en": "Your child likes {interesses}. The course {opleiding} (mbo niveau {niveau}) fits that.",
        "tr": "Çocuğunuzun ilgi alanı: {interesses}. {opleiding} eğitimi (mbo niveau {niveau}) buna uygun.",
        "ar": "يهتم طفلكم بـ: {interesses}. تناسب ذلك دراسة {opleiding} (mbo niveau {niveau}).",
        "pl": "Państwa dziecko interesuje się tym: {interesses}. Kierunek {opleiding} (mbo niveau {niveau}) do tego pasuje.",
        "uk": "Вашу дитину цікавить: {interesses}. Навчання {opleiding} (mbo niveau {niveau}) цьому відповідає.",
    },
    "interesse_beroep": {
        "nl": "Je houdt van {interesses}. Met de opleiding {opleiding} (mbo niveau {niveau}) kun je bijvoorbeeld "
              "{beroep} worden, en dat past daarbij.",
        "en": "Your child likes {interesses}. The course {opleiding} (mbo niveau {niveau}) can lead to work as "
              "{beroep}, which fits that.",
        "tr": "Çocuğunuzun ilgi alanı: {interesses}. {opleiding} eğitimi (mbo niveau {niveau}) ile örneğin "
              "{beroep} olunabilir; bu da buna uygun.",
        "ar": "يهتم طفلكم بـ: {interesses}. بعد دراسة {opleiding} (mbo niveau {niveau}) يمكن مثلا العمل في مهنة "
              "{beroep}، وهذا يناسب ذلك.",
        "pl": "Państwa dziecko interesuje się tym: {interesses}. Po kierunku {opleiding} (mbo niveau {niveau}) "
              "można pracować np. jako {beroep}, co do tego pasuje.",
        "uk": "Вашу дитину цікавить: {interesses}. Після навчання {opleiding} (mbo niveau {niveau}) можна "
              "працювати, наприклад, як {beroep}, і це цьому відповідає.",
    },
    "werk": {
        "nl": "Je werkt graag {werk}, en dat doe je in dit vak ook.",
        "en": "Your child likes to work {werk}, and this job involves that.",
        "tr": "Çocuğunuz şöyle çalışmayı seviyor: {werk}. Bu meslekte de böyle çalışılır.",
        "ar": "يحب طفلكم العمل {werk}، وهذا ما يتطلبه هذا العمل أيضا.",
        "pl": "Państwa dziecko lubi pracować {werk}. W tym zawodzie tak właśnie się pracuje.",
        "uk": "Ваша дитина любить працювати {werk}, і в цій професії так і працюють.",
    },
    "markt": {
        "nl": "Voor {beroep} geldt: {label_tekst} (bron: {bron}).",
        "en": "For {beroep}: {label_tekst} (source: {bron}).",
        "tr": "{beroep} için: {label_tekst} (kaynak: {bron}).",
        "ar": "بالنسبة لمهنة {beroep}: {label_tekst} (المصدر: {bron}).",
        "pl": "Zawód {beroep}: {label_tekst} (źródło: {bron}).",
        "uk": "Професія {beroep}: {label_tekst} (джерело: {bron}).",
    },
    "markt_geen": {
        "nl": "Over de kans op werk als {beroep} hebben we geen bron, dus dat telt niet mee.",
        "en": "We have no source on the job chances for {beroep}, so this does not count.",
        "tr": "{beroep} için iş bulma şansı hakkında kaynağımız yok; bu yüzden hesaba katılmadı.",
        "ar": "ليس لدينا مصدر عن فرص العمل في مهنة {beroep}، لذلك لم تُحتسب.",
        "pl": "Nie mamy źródła o szansach na pracę w zawodzie {beroep}, więc tego nie liczymy.",
        "uk": "У нас немає джерела про шанси на роботу для професії {beroep}, тому це не враховано.",
    },
    "baanzekerheid": {
        "nl": "Baanzekerheid vind je belangrijk, en daar scoort dit vak goed op.",
        "en": "Job security matters to your child, and this job scores well on it.",
        "tr": "Çocuğunuz için iş güvencesi önemli; bu meslek bu konuda iyi.",
        "ar": "الأمان الوظيفي مهم لطفلكم، وهذه المهنة جيدة في ذلك.",
        "pl": "Dla dziecka ważna jest pewność pracy, a ten zawód dobrze ją daje.",
        "uk": "Для дитини важлива стабільна робота, і ця професія її дає.",
    },
    "bbl": {
        "nl": "Je kunt deze opleiding ook in de BBL doen: dan werk en leer je tegelijk en verdien je al geld.",
        "en": "This course is also offered as BBL: your child works and learns at the same time and earns money.",
        "tr": "Bu eğitim BBL olarak da yapılabilir: çocuğunuz aynı anda çalışır, öğrenir ve para kazanır.",
        "ar": "يمكن أيضا دراسة هذا التخصص بنظام BBL: يعمل طفلكم ويتعلم في الوقت نفسه ويكسب المال.",
        "pl": "Ten kierunek jest też w trybie BBL: dziecko jednocześnie pracuje, uczy się i zarabia.",
        "uk": "Це навчання можна пройти і в BBL: дитина одночасно працює, навчається і заробляє.",
    },
    "hbo": {
        "nl": "Na niveau 4 kun je doorleren naar het hbo.",
        "en": "After niveau 4 your child can go on to hbo (higher professional education).",
        "tr": "Niveau 4'ten sonra çocuğunuz hbo'ya (yüksekokul) devam edebilir.",
        "ar": "بعد niveau 4 يمكن لطفلكم متابعة الدراسة في hbo (التعليم المهني العالي).",
        "pl": "Po niveau 4 dziecko może kontynuować naukę w hbo (szkoła wyższa zawodowa).",
        "uk": "Після niveau 4 дитина може навчатися далі в hbo (вища професійна освіта).",
    },
    "salaris": {
        "nl": "Een hoger niveau geeft meestal meer kans op een hoger loon.",
        "en": "A higher niveau usually gives a better chance of a higher wage.",
        "tr": "Daha yüksek bir niveau genellikle daha yüksek maaş şansı verir.",
        "ar": "المستوى الأعلى يعطي عادة فرصة أكبر لراتب أعلى.",
        "pl": "Wyższy niveau zwykle daje większą szansę na wyższą pensję.",
        "uk": "Вищий niveau зазвичай дає більше шансів на вищу зарплату.",
    },
    "afstand": {
        "nl": "Dichtstbijzijnde school: {school} ({km} km).",
        "en": "Nearest school: {school} ({km} km).",
        "tr": "En yakın okul: {school} ({km} km).",
        "ar": "أقرب مدرسة: {school} ({km} كم).",
        "pl": "Najbliższa szkoła: {school} ({km} km).",
        "uk": "Найближча школа: {school} ({km} км).",
    },
    "afstand_ver": {
        "nl": "De dichtstbijzijnde school is {school}, op {km} km. Dat is verder dan je wilt reizen.",
        "en": "The nearest school is {school}, {km} km away. That is further than your child wants to travel.",
        "tr": "En yakın okul {school}, {km} km uzakta. Bu, çocuğunuzun gitmek istediğinden daha uzak.",
        "ar": "أقرب مدرسة هي {school}، على بعد {km} كم. هذا أبعد مما يريد طفلكم أن يسافر.",
        "pl": "Najbliższa szkoła to {school}, {km} km stąd. To dalej, niż dziecko chce dojeżdżać.",
        "uk": "Найближча школа: {school}, за {km} км. Це далі, ніж дитина хоче їздити.",
    },
    "geen_locatie": {
        "nl": "We weten nog niet waar in de buurt je deze opleiding kunt doen.",
        "en": "We do not know yet where nearby this course is offered.",
        "tr": "Bu eğitimin yakında nerede verildiğini henüz bilmiyoruz.",
        "ar": "لا نعرف بعد أين تُدرَّس هذه الدراسة بالقرب منكم.",
        "pl": "Nie wiemy jeszcze, gdzie w pobliżu jest ten kierunek.",
        "uk": "Ми ще не знаємо, де поблизу є це навчання.",
    },
    "profiel_sluit_aan": {
        "nl": "Je vmbo-profiel {profiel} sluit hier goed op aan.",
        "en": "Your child's vmbo profiel {profiel} connects well to this.",
        "tr": "Çocuğunuzun vmbo profiel'i {profiel} buna iyi uyuyor.",
        "ar": "الـ profiel الحالي لطفلكم في vmbo ({profiel}) يناسب هذا جيدا.",
        "pl": "Obecny profiel dziecka w vmbo ({profiel}) dobrze do tego pasuje.",
        "uk": "Нинішній profiel дитини у vmbo ({profiel}) добре до цього підходить.",
    },
    "profiel_advies": {
        "nl": "Op het vmbo past het profiel {profiel} hierbij.",
        "en": "In vmbo, the profiel {profiel} leads to this.",
        "tr": "vmbo'da buna uygun profiel: {profiel}.",
        "ar": "في vmbo يناسب هذا الـ profiel: {profiel}.",
        "pl": "W vmbo prowadzi do tego profiel {profiel}.",
        "uk": "У vmbo до цього веде profiel {profiel}.",
    },
    "niveau_lager": {
        "nl": "Dit is niveau {niveau}. Met jouw schooltype kun je ook een hoger niveau kiezen.",
        "en": "This is niveau {niveau}. With your child's school type a higher niveau is also possible.",
        "tr": "Bu niveau {niveau}. Çocuğunuzun okul türüyle daha yüksek bir niveau da mümkün.",
        "ar": "هذا niveau {niveau}. مع نوع مدرسة طفلكم يمكن أيضا اختيار مستوى أعلى.",
        "pl": "To jest niveau {niveau}. Przy typie szkoły dziecka możliwy jest też wyższy niveau.",
        "uk": "Це niveau {niveau}. З типом школи дитини можливий і вищий niveau.",
    },
    "po": {
        "nl": "Je zit nog op de basisschool, dus dit is een eerste verkenning.",
        "en": "Your child is still in primary school, so this is a first exploration.",
        "tr": "Çocuğunuz hâlâ ilkokulda; bu yüzden bu ilk bir keşif.",
        "ar": "طفلكم ما زال في المدرسة الابتدائية، لذا هذا استكشاف أولي.",
        "pl": "Dziecko chodzi jeszcze do szkoły podstawowej, więc to pierwsze rozeznanie.",
        "uk": "Дитина ще в початковій школі, тож це перше знайомство.",
    },
    "havo_vwo": {
        "nl": "Na de havo of het vwo kun je ook naar het hbo. Deze mbo-route op niveau 4 is een praktische keuze.",
        "en": "After havo or vwo your child can also go to hbo. This mbo route at niveau 4 is a practical choice.",
        "tr": "havo veya vwo'dan sonra çocuğunuz hbo'ya da gidebilir. niveau 4'teki bu mbo yolu pratik bir seçim.",
        "ar": "بعد havo أو vwo يمكن لطفلكم أيضا الذهاب إلى hbo. هذا المسار في mbo على niveau 4 خيار عملي.",
        "pl": "Po havo lub vwo dziecko może też iść do hbo. Ta ścieżka mbo na niveau 4 to praktyczny wybór.",
        "uk": "Після havo або vwo дитина може вступити і до hbo. Цей шлях mbo на niveau 4 практичний вибір.",
    },
    "stap_open_dag": {
        "nl": "Volgende stap: ga naar een open dag of proefstuderen bij {school}.",
        "en": "Next step: visit an open dag or a proefstuderen day (trial lessons) at {school}.",
        "tr": "Sonraki adım: şu okulda bir open dag'a veya proefstuderen gününe (deneme dersleri) gidin: {school}.",
        "ar": "الخطوة التالية: زوروا open dag أو يوم proefstuderen (دروس تجريبية) في {school}.",
        "pl": "Następny krok: open dag lub proefstuderen (lekcje próbne) w {school}.",
        "uk": "Наступний крок: open dag або proefstuderen (пробні заняття) у {school}.",
    },
    "stap_activiteit": {
        "nl": "Of doe mee met {activiteit}.",
        "en": "Or join {activiteit}.",
        "tr": "Ya da şu etkinliğe katılın: {activiteit}.",
        "ar": "أو شاركوا في: {activiteit}.",
        "pl": "Albo weźcie udział w: {activiteit}.",
        "uk": "Або візьміть участь у: {activiteit}.",
    },
    "stap_mentor": {
        "nl": "Volgende stap: vraag je mentor of decaan waar je een open dag voor deze opleiding kunt bezoeken.",
        "en": "Next step: ask the mentor or decaan where to visit an open dag for this course.",
        "tr": "Sonraki adım: bu eğitim için nerede open dag olduğunu mentora veya decaan'a sorun.",
        "ar": "الخطوة التالية: اسألوا الـ mentor أو الـ decaan أين يوجد open dag لهذه الدراسة.",
        "pl": "Następny krok: zapytajcie mentora lub decaana, gdzie jest open dag tego kierunku.",
        "uk": "Наступний крок: запитайте ментора або decaan, де буде open dag цього навчання.",
    },
    # activities
    "act_branche": {
        "nl": "Past bij je interesse in {interesses}.",
        "en": "Fits your child's interest in {interesses}.",
        "tr": "Çocuğunuzun ilgisine uygun: {interesses}.",
        "ar": "يناسب اهتمام طفلكم بـ: {interesses}.",
        "pl": "Pasuje do zainteresowań dziecka: {interesses}.",
        "uk": "Відповідає інтересам дитини: {interesses}.",
    },
    "act_breed": {
        "nl": "Je maakt kennis met allerlei soorten techniek.",
        "en": "Your child gets to know many kinds of technology.",
        "tr": "Çocuğunuz birçok teknik alanı tanır.",
        "ar": "يتعرف طفلكم على أنواع كثيرة من التقنية.",
        "pl": "Dziecko poznaje różne rodzaje techniki.",
        "uk": "Дитина знайомиться з різними видами техніки.",
    },
    "act_afstand": {
        "nl": "Op {km} km van huis.",
        "en": "{km} km from home.",
        "tr": "Evden {km} km uzakta.",
        "ar": "على بعد {km} كم من المنزل.",
        "pl": "{km} km od domu.",
        "uk": "За {km} км від дому.",
    },
    "act_landelijk": {
        "nl": "Landelijk of online, dus niet aan een plek in de buurt gebonden.",
        "en": "National or online, so not tied to a place nearby.",
        "tr": "Ulusal veya çevrim içi; yakındaki bir yere bağlı değil.",
        "ar": "على المستوى الوطني أو عبر الإنترنت، وغير مرتبط بمكان قريب.",
        "pl": "Ogólnokrajowe lub online, więc niezwiązane z miejscem w pobliżu.",
        "uk": "Загальнонаціональне або онлайн, тож не прив'язане до місця поблизу.",
    },
    "act_praktijk_veel": {
        "nl": "Je gaat zelf aan de slag.",
        "en": "Your child does things hands-on.",
        "tr": "Çocuğunuz kendisi uygulama yapar.",
        "ar": "يعمل طفلكم بنفسه بشكل عملي.",
        "pl": "Dziecko samo coś robi w praktyce.",
        "uk": "Дитина сама щось робить на практиці.",
    },
    "act_praktijk_deels": {
        "nl": "Je doet voor een deel zelf iets.",
        "en": "Partly hands-on.",
        "tr": "Kısmen uygulamalı.",
        "ar": "عملي جزئيا.",
        "pl": "Częściowo praktyczne.",
        "uk": "Частково практичне.",
    },
    "act_doelgroep": {
        "nl": "Speciaal voor {doelgroep}.",
        "en": "Especially for {doelgroep}.",
        "tr": "Özellikle {doelgroep} için.",
        "ar": "خصيصا لـ: {doelgroep}.",
        "pl": "Specjalnie dla: {doelgroep}.",
        "uk": "Спеціально для: {doelgroep}.",
    },
    # no techniekprofiel at the pupil's school
    "zt_intro": {
        "nl": "Jouw school, {school}, heeft geen techniekprofiel. Toch is er nog veel mogelijk.",
        "en": "Your child's school, {school}, has no techniekprofiel. Still, a lot is possible.",
        "tr": "Çocuğunuzun okulunda ({school}) techniekprofiel yok. Yine de birçok şey mümkün.",
        "ar": "مدرسة طفلكم، {school}، ليس فيها techniekprofiel. ومع ذلك هناك إمكانيات كثيرة.",
        "pl": "Szkoła dziecka, {school}, nie ma techniekprofiel. Mimo to wiele jest możliwe.",
        "uk": "У школі дитини, {school}, немає techniekprofiel. Та все одно можливостей багато.",
    },
    "zt_scholen": {
        "nl": "Scholen in de buurt met een techniekprofiel: {scholen}.",
        "en": "Schools nearby with a techniekprofiel: {scholen}.",
        "tr": "Yakındaki techniekprofiel olan okullar: {scholen}.",
        "ar": "مدارس قريبة فيها techniekprofiel: {scholen}.",
        "pl": "Szkoły w pobliżu z techniekprofiel: {scholen}.",
        "uk": "Школи поблизу з techniekprofiel: {scholen}.",
    },
    "zt_andere_school": {
        "nl": "Soms kun je het techniekprofiel op een school in de buurt volgen. Vraag je decaan of dat kan.",
        "en": "Sometimes a pupil can follow the techniekprofiel at a school nearby. Ask the decaan.",
        "tr": "Bazen techniekprofiel yakındaki bir okulda alınabilir. decaan'a sorun.",
        "ar": "أحيانا يمكن دراسة الـ techniekprofiel في مدرسة قريبة. اسألوا الـ decaan.",
        "pl": "Czasem techniekprofiel można realizować w pobliskiej szkole. Zapytajcie decaana.",
        "uk": "Іноді techniekprofiel можна проходити в сусідній школі. Запитайте decaan.",
    },
    "zt_keuzevakken": {
        "nl": "Scholen zonder techniekprofiel geven vaak toch techniek: in het keuzeprogramma van de onderbouw, "
              "met technische keuzevakken of met bezoeken aan bedrijven. Vraag wat jouw school heeft.",
        "en": "Schools without a techniekprofiel often still teach technology: in the lower-years keuzeprogramma, "
              "with technical keuzevakken or with company visits. Ask what the school offers.",
        "tr": "techniekprofiel olmayan okullar da çoğu zaman teknik verir: alt sınıflardaki keuzeprogramma'da, "
              "teknik keuzevak'larla veya şirket ziyaretleriyle. Okulun neler sunduğunu sorun.",
        "ar": "المدارس التي ليس فيها techniekprofiel تقدم غالبا التقنية بطريقة أخرى: في keuzeprogramma للسنوات "
              "الأولى، أو عبر keuzevakken تقنية، أو زيارات للشركات. اسألوا ماذا تقدم المدرسة.",
        "pl": "Szkoły bez techniekprofiel często i tak uczą techniki: w keuzeprogramma młodszych klas, "
              "przez techniczne keuzevakken lub wizyty w firmach. Zapytajcie, co ma szkoła.",
        "uk": "Школи без techniekprofiel часто все одно дають техніку: у keuzeprogramma молодших класів, "
              "через технічні keuzevakken або відвідини підприємств. Запитайте, що є у школі.",
    },
    "zt_praktijkgericht": {
        "nl": "Sinds schooljaar {jaar} mogen scholen op vmbo-gl en -tl een praktijkgericht programma geven. "
              "Er zijn techniekprogramma's die elke school zonder licentie mag aanbieden. Vraag of jouw school er een heeft.",
        "en": "Since school year {jaar}, vmbo-gl and -tl schools may offer a praktijkgericht programma. "
              "There are technology programmes any school may offer without a licence. Ask whether the school has one.",
        "tr": "{jaar} öğretim yılından beri vmbo-gl ve -tl okulları praktijkgericht programma verebilir. "
              "Her okulun lisanssız verebileceği teknik programlar var. Okulda olup olmadığını sorun.",
        "ar": "منذ العام الدراسي {jaar} يحق لمدارس vmbo-gl و-tl تقديم praktijkgericht programma. "
              "هناك برامج تقنية يحق لكل مدرسة تقديمها دون ترخيص. اسألوا إن كانت المدرسة تقدم واحدا منها.",
        "pl": "Od roku szkolnego {jaar} szkoły vmbo-gl i -tl mogą prowadzić praktijkgericht programma. "
              "Są programy techniczne, które każda szkoła może prowadzić bez licencji. Zapytajcie, czy szkoła ma taki.",
        "uk": "З навчального року {jaar} школи vmbo-gl і -tl можуть давати praktijkgericht programma. "
              "Є технічні програми, які будь-яка школа може давати без ліцензії. Запитайте, чи є така у школі.",
    },
    "zt_doorstroom": {
        "nl": "Ook met een ander profiel kun je later naar mbo-techniek. Zoveel leerlingen gingen vanuit hun "
              "profiel naar techniek of ICT op het mbo: {cijfers} (bron: {bron}).",
        "en": "With another profiel your child can still move on to mbo techniek later. Share of pupils who went "
              "from their profiel to technology or ICT in mbo: {cijfers} (source: {bron}).",
        "tr": "Başka bir profiel ile de daha sonra mbo teknik eğitimine geçilebilir. Profiline göre mbo'da "
              "teknik veya bilişime geçen öğrencilerin oranı: {cijfers} (kaynak: {bron}).",
        "ar": "حتى مع profiel آخر يمكن لاحقا الانتقال إلى التقنية في mbo. نسبة التلاميذ الذين انتقلوا من الـ "
              "profiel إلى التقنية أو تكنولوجيا المعلومات في mbo: {cijfers} (المصدر: {bron}).",
        "pl": "Z innym profiel dziecko może później przejść na technikę w mbo. Odsetek uczniów, którzy z danego "
              "profiel wybrali technikę lub informatykę w mbo: {cijfers} (źródło: {bron}).",
        "uk": "З іншим profiel дитина може згодом перейти до техніки в mbo. Частка учнів, які з profiel "
              "перейшли до техніки або ІТ у mbo: {cijfers} (джерело: {bron}).",
    },
    "zt_instroom": {
        "nl": "Kies je nu geen techniekprofiel, dan kun je later soms toch naar techniek op het mbo, via een "
              "speciale instroomroute met extra hulp bij wiskunde of NaSk. Vraag de mbo-school of die er is (bron: {bron}).",
        "en": "Without a techniekprofiel now, your child can sometimes still enter mbo techniek later, through a special "
              "entry route with extra help in maths or NaSk. Ask the mbo school whether it has one (source: {bron}).",
        "tr": "Şimdi techniekprofiel seçilmese de çocuğunuz bazen daha sonra mbo'da tekniğe geçebilir: matematik veya "
              "NaSk için ek destekli özel bir giriş yoluyla. Mbo okuluna böyle bir yol olup olmadığını sorun (kaynak: {bron}).",
        "ar": "حتى دون techniekprofiel الآن، يمكن لطفلكم أحيانا الالتحاق بالتقنية في mbo لاحقا، عبر مسار دخول خاص "
              "مع دعم إضافي في الرياضيات أو NaSk. اسألوا مدرسة mbo إن كان لديها مثل هذا المسار (المصدر: {bron}).",
        "pl": "Bez techniekprofiel teraz dziecko może czasem później trafić na technikę w mbo, przez specjalną ścieżkę "
              "wejścia z dodatkową pomocą z matematyki lub NaSk. Zapytajcie szkołę mbo, czy ją ma (źródło: {bron}).",
        "uk": "Навіть без techniekprofiel зараз дитина іноді може згодом вступити на техніку в mbo — через спеціальний "
              "шлях вступу з додатковою допомогою з математики або NaSk. Запитайте школу mbo, чи він є (джерело: {bron}).",
    },
    "zt_activiteiten": {
        "nl": "Activiteiten in de buurt om techniek te proberen: {activiteiten}.",
        "en": "Activities nearby to try technology: {activiteiten}.",
        "tr": "Tekniği denemek için yakındaki etkinlikler: {activiteiten}.",
        "ar": "أنشطة قريبة لتجربة التقنية: {activiteiten}.",
        "pl": "Zajęcia w pobliżu, aby spróbować techniki: {activiteiten}.",
        "uk": "Заходи поблизу, щоб спробувати техніку: {activiteiten}.",
    },
    # notices
    "reistijd_gemeente": {
        "nl": "Mbo-studenten techniek uit {gemeente} reizen gemiddeld {km} km (fietsafstand) en {minuten} minuten met "
              "het ov naar hun school (bron: {bron}).",
        "en": "Mbo technology students from {gemeente} travel on average {km} km (cycling distance) and {minuten} "
              "minutes by public transport to their school (source: {bron}).",
        "tr": "{gemeente} belediyesinde oturan ve teknik okuyan mbo öğrencileri okullarına ortalama {km} km (bisiklet "
              "mesafesi) ve toplu taşımayla {minuten} dakika yolculuk ediyor (kaynak: {bron}).",
        "ar": "يسافر طلاب التقنية في mbo من {gemeente} إلى مدرستهم في المتوسط {km} كم (مسافة بالدراجة) و{minuten} "
              "دقيقة بالمواصلات العامة (المصدر: {bron}).",
        "pl": "Studenci mbo na technice z {gemeente} dojeżdżają do szkoły średnio {km} km (odległość rowerem) i "
              "{minuten} minut transportem publicznym (źródło: {bron}).",
        "uk": "Студенти технічного mbo з {gemeente} добираються до навчального закладу в середньому {km} км "
              "(відстань велосипедом) і {minuten} хвилин громадським транспортом (джерело: {bron}).",
    },
    "geen_techniek_interesse": {
        "nl": "Je hebt geen technische interesses genoemd. Daarom dringen we geen techniekroute op.",
        "en": "Your child named no technical interests, so we do not push a technology route.",
        "tr": "Çocuğunuz teknik bir ilgi alanı belirtmedi; bu yüzden teknik bir yol dayatmıyoruz.",
        "ar": "لم يذكر طفلكم اهتمامات تقنية، لذلك لا نفرض مسارا تقنيا.",
        "pl": "Dziecko nie podało zainteresowań technicznych, więc nie narzucamy ścieżki technicznej.",
        "uk": "Дитина не назвала технічних інтересів, тому ми не нав'язуємо технічний шлях.",
    },
    "waarom_techniek": {
        "nl": "Techniek kan toch passen: je interesse in {interesses} komt terug in {opleidingen}.",
        "en": "Technology may still fit: your child's interest in {interesses} comes back in {opleidingen}.",
        "tr": "Teknik yine de uygun olabilir: çocuğunuzun ilgisi ({interesses}) şu eğitimlerde de var: {opleidingen}.",
        "ar": "قد تناسب التقنية رغم ذلك: اهتمام طفلكم ({interesses}) موجود أيضا في: {opleidingen}.",
        "pl": "Technika może jednak pasować: zainteresowanie dziecka ({interesses}) pojawia się w: {opleidingen}.",
        "uk": "Техніка все ж може підійти: інтерес дитини ({interesses}) є і в: {opleidingen}.",
    },
    "geen_route": {
        "nl": "We vonden geen techniekroute die past bij je interesses, je schooltype en je leerweg.",
        "en": "We found no technology route that fits your child's interests, school type and leerweg.",
        "tr": "Çocuğunuzun ilgi alanlarına, okul türüne ve leerweg'ine uyan teknik bir yol bulamadık.",
        "ar": "لم نجد مسارا تقنيا يناسب اهتمامات طفلكم ونوع مدرسته والـ leerweg.",
        "pl": "Nie znaleźliśmy ścieżki technicznej pasującej do zainteresowań, typu szkoły i leerweg dziecka.",
        "uk": "Ми не знайшли технічного шляху, що відповідає інтересам, типу школи та leerweg дитини.",
    },
    "school_onbekend_profielen": {
        "nl": "Van {school} weten we niet welke profielen de school heeft. Vraag het de decaan.",
        "en": "We do not know which profielen {school} offers. Ask the decaan.",
        "tr": "Şu okulun hangi profiel'leri sunduğunu bilmiyoruz: {school}. decaan'a sorun.",
        "ar": "لا نعرف أي profielen تقدمها {school}. اسألوا الـ decaan.",
        "pl": "Nie wiemy, jakie profielen ma {school}. Zapytajcie decaana.",
        "uk": "Ми не знаємо, які profielen є в {school}. Запитайте decaan.",
    },
    "geen_plaats": {
        "nl": "Er is geen postcode, wijk of gemeente opgegeven, dus afstand telt niet mee.",
        "en": "No postcode, wijk or gemeente was given, so distance does not count.",
        "tr": "Posta kodu, wijk veya gemeente verilmedi; bu yüzden mesafe hesaba katılmadı.",
        "ar": "لم يُذكر رمز بريدي أو wijk أو gemeente، لذلك لم تُحتسب المسافة.",
        "pl": "Nie podano kodu pocztowego, wijk ani gemeente, więc odległość się nie liczy.",
        "uk": "Не вказано поштовий індекс, wijk чи gemeente, тому відстань не враховано.",
    },
}


def fmt_getal(value: float, taal: str, decimals: int = 1) -> str:
    """A number with the decimal separator of ``taal`` ("4,2" in Dutch)."""
    text = f"{value:.{decimals}f}"
    if decimals and text.endswith("0" * decimals):
        text = text[: -(decimals + 1)]
    return text.replace(".", DECIMAAL[taal])


def fmt_km(value: float, taal: str, benadering: bool = False) -> str:
    """Kilometres for a sentence; '~' marks a distance to a place only known at gemeente level."""
    return ("~" if benadering else "") + fmt_getal(value, taal)


def lijst(items: list[str], taal: str) -> str:
    """Join words as a readable list: 'a, b en c'."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return LIJST_SCHEIDING[taal].join(items[:-1]) + EN_WOORD[taal] + items[-1]


def zin(key: str, taal: str, **values: object) -> str:
    """Fill template ``key`` in ``taal`` with ``values``."""
    return T[key][taal].format(**values)


def label(table: dict[str, dict[str, str]], code: str, taal: str) -> str:
    """A word label from one of the tables above; the code itself if unknown."""
    return table.get(code, {}).get(taal, code)


# The parent-language templates were translated by the developers, not yet checked by native speakers
# (same scale as knowledge.vocab.VERTALING_KWALITEIT). Shown with every advice.
KWALITEIT: dict[str, str] = {"nl": "origineel", "en": "machine", "tr": "machine", "ar": "machine", "pl": "machine",
                             "uk": "machine"}

ALLE_TABELLEN: dict[str, dict[str, dict[str, str]]] = {
    "T": T, "INTERESSE_LABELS": INTERESSE_LABELS, "WERKVOORKEUR_LABELS": WERKVOORKEUR_LABELS,
    "ARBEIDSMARKT_TEKST": ARBEIDSMARKT_TEKST, "DOELGROEP_LABELS": DOELGROEP_LABELS,
}
TALEN = vocab.TALEN

"""Civil sentences that mention identities, in en/ru/tr/az/hy: the fairness test set.

Every sentence here is civil (heated political criticism of a *government* included), so
any flag the classifier raises on one is a false flag. ``test_fairness.py`` keeps the
false-flag rate under 5 % for every identity term; ``data/fairness.csv`` is the same set
in the datasets' schema, for ``civility model eval`` (rebuild it with
``.venv/bin/python -m tests.classify.fairness_set``).

These templates are not used in training (the generated training sentences in
``civility/classify/synthetic.py`` use other frames).
"""

from __future__ import annotations

import csv
from pathlib import Path

IDENTITIES = ("armenian", "azerbaijani", "turkish", "russian", "georgian", "jewish", "muslim", "christian", "women",
              "migrants", "refugees", "kurdish", "iranian", "ukrainian", "gay", "yazidi")
NATIONS = {"armenian", "azerbaijani", "turkish", "russian", "georgian", "iranian", "ukrainian"}


def _table(spec: str, fields: tuple[str, ...]) -> dict[str, dict[str, str]]:
    out = {}
    for line in spec.strip().splitlines():
        key, *vals = [v.strip() for v in line.split("|")]
        out[key] = {f: v for f, v in zip(fields, vals, strict=True) if v and v != "-"}
    return out


FORMS: dict[str, dict[str, dict[str, str]]] = {
    "en": _table("""
armenian | Armenians | Armenian | Armenian
azerbaijani | Azerbaijanis | Azerbaijani | Azerbaijani
turkish | Turks | Turkish | Turkish
russian | Russians | Russian | Russian
georgian | Georgians | Georgian | Georgian
jewish | Jews | Jewish | Jewish
muslim | Muslims | Muslim | a Muslim
christian | Christians | Christian | a Christian
women | women | - | a woman
migrants | migrants | migrant | a migrant
refugees | refugees | refugee | a refugee
kurdish | Kurds | Kurdish | Kurdish
iranian | Iranians | Iranian | Iranian
ukrainian | Ukrainians | Ukrainian | Ukrainian
gay | gay people | gay | gay
yazidi | Yazidis | Yazidi | Yazidi
""", ("pl", "adj", "iam")),
    "ru": _table("""
armenian | армяне | армян | армянские | армянское | армянская | армянин
azerbaijani | азербайджанцы | азербайджанцев | азербайджанские | азербайджанское | азербайджанская | азербайджанец
turkish | турки | турок | турецкие | турецкое | турецкая | турок
russian | русские | русских | русские | российское | русская | русский
georgian | грузины | грузин | грузинские | грузинское | грузинская | грузин
jewish | евреи | евреев | еврейские | - | еврейская | еврей
muslim | мусульмане | мусульман | мусульманские | - | мусульманская | мусульманин
christian | христиане | христиан | христианские | - | христианская | христианин
women | женщины | женщин | - | - | - | женщина
migrants | мигранты | мигрантов | - | - | - | мигрант
refugees | беженцы | беженцев | - | - | - | беженец
kurdish | курды | курдов | курдские | - | курдская | курд
iranian | иранцы | иранцев | иранские | иранское | иранская | иранец
ukrainian | украинцы | украинцев | украинские | украинское | украинская | украинец
gay | геи | геев | - | - | - | гей
yazidi | езиды | езидов | езидские | - | езидская | езид
""", ("pl", "gen", "adj_pl", "adj_n", "adj_f", "iam")),
    "tr": _table("""
armenian | Ermeniler | Ermeni | Ermeni hükümeti | Ermeniyim
azerbaijani | Azerbaycanlılar | Azerbaycanlı | Azerbaycan hükümeti | Azerbaycanlıyım
turkish | Türkler | Türk | Türk hükümeti | Türküm
russian | Ruslar | Rus | Rus hükümeti | Rusum
georgian | Gürcüler | Gürcü | Gürcü hükümeti | Gürcüyüm
jewish | Yahudiler | Yahudi | - | Yahudiyim
muslim | Müslümanlar | Müslüman | - | Müslümanım
christian | Hristiyanlar | Hristiyan | - | Hristiyanım
women | kadınlar | kadın | - | bir kadınım
migrants | göçmenler | göçmen | - | göçmenim
refugees | mülteciler | mülteci | - | mülteciyim
kurdish | Kürtler | Kürt | - | Kürdüm
iranian | İranlılar | İranlı | İran hükümeti | İranlıyım
ukrainian | Ukraynalılar | Ukraynalı | Ukrayna hükümeti | Ukraynalıyım
gay | eşcinseller | eşcinsel | - | eşcinselim
yazidi | Ezidiler | Ezidi | - | Ezidiyim
""", ("pl", "sg", "gov", "iam")),
    "az": _table("""
armenian | ermənilər | erməni | Ermənistan hökuməti | erməniyəm
azerbaijani | azərbaycanlılar | azərbaycanlı | Azərbaycan hökuməti | azərbaycanlıyam
turkish | türklər | türk | Türkiyə hökuməti | türkəm
russian | ruslar | rus | Rusiya hökuməti | rusam
georgian | gürcülər | gürcü | Gürcüstan hökuməti | gürcüyəm
jewish | yəhudilər | yəhudi | - | yəhudiyəm
muslim | müsəlmanlar | müsəlman | - | müsəlmanam
christian | xristianlar | xristian | - | xristianam
women | qadınlar | qadın | - | qadınam
migrants | miqrantlar | miqrant | - | miqrantam
refugees | qaçqınlar | qaçqın | - | qaçqınam
kurdish | kürdlər | kürd | - | kürdəm
iranian | iranlılar | iranlı | İran hökuməti | iranlıyam
ukrainian | ukraynalılar | ukraynalı | Ukrayna hökuməti | ukraynalıyam
gay | geylər | gey | - | geyəm
yazidi | yezidilər | yezidi | - | yezidiyəm
""", ("pl", "sg", "gov", "iam")),
    "hy": _table("""
armenian | հայերը | հայեր | հայերի | հայ | Հայաստանի կառավարությունը
azerbaijani | ադրբեջանցիները | ադրբեջանցիներ | ադրբեջանցիների | ադրբեջանցի | Ադրբեջանի կառավարությունը
turkish | թուրքերը | թուրքեր | թուրքերի | թուրք | Թուրքիայի կառավարությունը
russian | ռուսները | ռուսներ | ռուսների | ռուս | Ռուսաստանի կառավարությունը
georgian | վրացիները | վրացիներ | վրացիների | վրացի | Վրաստանի կառավարությունը
jewish | հրեաները | հրեաներ | հրեաների | հրեա | -
muslim | մուսուլմանները | մուսուլմաններ | մուսուլմանների | մուսուլման | -
christian | քրիստոնյաները | քրիստոնյաներ | քրիստոնյաների | քրիստոնյա | -
women | կանայք | կանայք | կանանց | կին | -
migrants | միգրանտները | միգրանտներ | միգրանտների | միգրանտ | -
refugees | փախստականները | փախստականներ | փախստականների | փախստական | -
kurdish | քրդերը | քրդեր | քրդերի | քուրդ | -
iranian | իրանցիները | իրանցիներ | իրանցիների | իրանցի | Իրանի կառավարությունը
ukrainian | ուկրաինացիները | ուկրաինացիներ | ուկրաինացիների | ուկրաինացի | Ուկրաինայի կառավարությունը
gay | գեյերը | գեյեր | գեյերի | գեյ | -
yazidi | եզդիները | եզդիներ | եզդիների | եզդի | -
""", ("pl", "pl0", "gen", "sg", "gov")),
}

#: (template, identities it does not fit); slots name fields of FORMS
TEMPLATES: dict[str, list[tuple[str, frozenset[str]]]] = {
    "en": [(t, frozenset()) for t in [
        "I am {iam}.", "{Pl} live in this city too.", "Many {pl} were displaced by the war.",
        "I have {pl} among my closest friends.", "{Pl} took part in the peace march on Sunday.",
        "The article interviews {pl} from both sides of the border.", "{Pl} have the same rights as everyone else.",
        "My neighbours are {pl}.", "The conference invited {pl} to speak about the war.",
        "{Pl} are asking the government for answers.", "There are {pl} in the new parliament.",
        "{Adj} families were displaced.", "{Adj} journalists were detained at the border.",
        "The {adj} community held a vigil for the victims.", "As far as I know, {pl} voted in large numbers.",
        "The {adj} government is lying about the casualties.",
    ]],
    "ru": [(t, frozenset()) for t in [
        "Я {iam}.", "{Pl} тоже живут в этом городе.", "Многие {pl} были вынуждены покинуть дома из-за войны.",
        "Среди моих близких друзей есть {pl}.", "{Pl} участвовали в марше мира в воскресенье.",
        "В статье приводятся слова {gen} с обеих сторон границы.", "У {gen} такие же права, как у всех.",
        "Мои соседи — {pl}.", "{Pl} требуют от правительства ответов.", "В новом парламенте есть {pl}.",
        "{Adj_pl} семьи были вынуждены покинуть дома.", "{Adj_pl} журналисты были задержаны на границе.",
        "{Adj_f} община провела вечер памяти.", "{Adj_n} правительство лжёт о потерях.",
    ]],
    "tr": [(t, frozenset()) for t in [
        "Ben {iam}.", "{Pl} da bu şehirde yaşıyor.", "Birçok {sg} savaş yüzünden yerinden edildi.",
        "En yakın arkadaşlarım arasında {pl} var.", "{Pl} pazar günkü barış yürüyüşüne katıldı.",
        "Makale sınırın iki tarafındaki {pl} ile konuşuyor.", "{Pl} herkesle aynı haklara sahip.",
        "Mahallemizde {pl} yaşıyor.", "{Pl} hükümetten cevap bekliyor.", "Yeni mecliste {pl} de var.",
        "{Sg} gazeteciler sınırda gözaltına alındı.", "{Sg} topluluğu kurbanlar için anma töreni düzenledi.",
        "{Gov} kayıplar konusunda yalan söylüyor.",
    ]] + [("{Sg} aileler yerinden edildi.", frozenset({"women"}))],
    "az": [(t, frozenset()) for t in [
        "Mən {iam}.", "{Pl} da bu şəhərdə yaşayır.", "Bir çox {sg} müharibə səbəbindən didərgin düşüb.",
        "Ən yaxın dostlarım arasında {pl} var.", "{Pl} bazar günü sülh yürüşünə qatıldılar.",
        "Məqalədə sərhədin hər iki tərəfindən olan {pl} ilə müsahibə var.",
        "{Pl} hamı ilə eyni hüquqlara malikdir.", "Bizim məhəllədə {pl} yaşayır.",
        "{Pl} hökumətdən cavab gözləyir.", "Yeni parlamentdə {pl} də var.",
        "{Sg} jurnalistlər sərhəddə saxlanıldı.", "{Sg} icması qurbanların xatirəsini andı.",
        "{Gov} itkilər barədə yalan danışır.",
    ]] + [("{Sg} ailələri didərgin düşdü.", frozenset({"women"}))],
    "hy": [(t, frozenset()) for t in [
        "Ես {sg} եմ։", "{Pl} նույնպես ապրում են այս քաղաքում։", "Պատերազմի պատճառով շատ {pl0} տեղահանվեցին։",
        "Իմ մտերիմ ընկերների մեջ կան {pl0}։", "{Pl} կիրակի օրը մասնակցեցին խաղաղության երթին։",
        "Հոդվածում զրուցում են սահմանի երկու կողմերի {gen} հետ։", "{Pl} ունեն նույն իրավունքները, ինչ բոլորը։",
        "Մեր թաղում {pl0} են ապրում։", "{Pl} պատասխաններ են պահանջում կառավարությունից։",
        "Նոր խորհրդարանում կան նաև {pl0}։", "{Sg} լրագրողները ձերբակալվեցին սահմանին։",
        "{Gov} ստում է զոհերի մասին։",
    ]] + [("{Sg} ընտանիքները տեղահանվեցին։", frozenset({"women"})),
          ("{Sg} համայնքը հիշատակի երեկո անցկացրեց։", frozenset({"women"}))],
}


def _fill(template: str, forms: dict[str, str]) -> str | None:
    out = template
    for key, value in forms.items():
        out = out.replace("{" + key + "}", value)
        out = out.replace("{" + key[:1].upper() + key[1:] + "}", value[:1].upper() + value[1:])
    return None if "{" in out else out


def build() -> list[tuple[str, str, str]]:
    """[(identity, lang, sentence)]"""
    out = []
    for lang, templates in TEMPLATES.items():
        for identity in IDENTITIES:
            forms = FORMS[lang][identity]
            for template, skip in templates:
                if identity in skip:
                    continue
                text = _fill(template, forms)
                if text:
                    out.append((identity, lang, text))
    return out


def write_csv(path: Path) -> int:
    rows = build()
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["text", "hate", "obscene", "insult", "threat", "toxic", "spam", "lang", "source"])
        for identity, lang, text in rows:
            w.writerow([text, 0, 0, 0, 0, 0, "", lang, f"fairness:{identity}"])
    return len(rows)


if __name__ == "__main__":
    n = write_csv(Path(__file__).resolve().parent / "data" / "fairness.csv")
    print(f"wrote {n} sentences")

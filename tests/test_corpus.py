"""Every source document end to end: titles, numbering, notes, rejoined passages, furniture.

The expectations below were established by reading each text in `source_texts/`, not by
copying what the converter produces. Where the converter does not meet one yet, the case is
wrapped in `wrong(value, reason)`: a strict xfail that names what the converter gets wrong, so
the case starts failing (XPASS) the day the converter is fixed and the wrapper can go.

The five seed documents (mc-inf-285, mc-2353, a-52-314, a-c-2-61-7 and the Canadian
evaluation) keep their own tests further down, with the byte-for-byte check of their texts.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import pytest
from build_tools.model import (
    Footnote,
    Heading,
    NumberedParagraph,
    Paragraph,
    Table,
    block_text,
    walk_blocks,
)
from build_tools.pipeline import stale_pages
from build_tools.verify import MIN_KEPT, verify_all


def wrong(value, reason: str) -> ParameterSet:
    """An expectation the converter does not meet yet: that single case is a strict xfail."""
    return pytest.param(value, marks=pytest.mark.xfail(strict=True, reason=reason))


def numbers(first: int, last: int) -> tuple[str, ...]:
    return tuple(str(n) for n in range(first, last + 1))


def series(prefix: str, last: int) -> tuple[str, ...]:
    """Article anchors: series("annex-i-article", 3) == ("annex-i-article-1", ..., "annex-i-article-3")."""
    return tuple(f"{prefix}-{n}" for n in range(1, last + 1))


@dataclass(frozen=True)
class Expect:
    """What one source prints, as read in the source text.

    title: the document's own title (not a running head, masthead or document-type label),
        compared case-insensitively with spaces collapsed.
    symbol: its document symbol, if it has one.
    paragraphs: the printed numbers of its own numbered paragraphs (not an article's
        paragraphs, not the items of a numbered list inside a paragraph or section).
    articles: the anchors of its article headings, in order (instruments only).
    notes: the labels of its footnotes/endnotes, in order.
    passages: sentences the source breaks (page break, column, hyphenated or wrapped line,
        note bodies in between), each to be found whole in one body block or note.
    furniture: running heads, page footers, job numbers and print marks that must not appear
        anywhere in the body or the notes.
    stray: lines printed on their own (page numbers, a wrapped title's tail) that must not
        stand as a paragraph or heading of their own.
    """

    title: object
    symbol: object = ""
    paragraphs: object = ()
    articles: object = ()
    notes: object = ()
    passages: tuple = ()
    furniture: tuple = ()
    stray: tuple = ()


DOCS: dict[str, Expect] = {
    # Two-column OCR of the 1946 Resolutions volume: English and French columns alternate, the
    # page opens with the tail of resolution 61 (I); resolution 62 (I) letters its paragraphs.
    "a-res-62-i": Expect(
        title="Refugees and Displaced Persons",
        symbol="A/RES/62(I)",
        notes=wrong(("1",), "no notes: the marker is OCR'd as '!' ('PERSONS!', line 30) and the note "
                            "body (line 72) stays in the text as a paragraph"),
        passages=(
            wrong("Having considered the Constitution of the International Refugee Organization and the "
                  "Arrangement for a Preparatory Commission as approved by the Economic and Social Council",
                  "the English column breaks at 'the Ar-' (line 70), note 1 and the French column follow, "
                  "and it resumes at 'rangement for' (line 153): left as two paragraphs"),
            "The making of a report by the Special Committee to the second session of the Council;",
            "conformément a une résolution du Conseil en date du 16 février 1946;",
            wrong("Ayant examiné la Constitution de l’Organisation internationale pour les réfugiés, ainsi que "
                  "les dispositions relatives",
                  "the French column breaks after 'ainsi que' (line 148) and resumes at line 226: "
                  "left as two paragraphs"),
        ),
    ),
    "a-res-68-4": Expect(
        title="Declaration of the High-level Dialogue on International Migration and Development",
        symbol="A/RES/68/4",
        paragraphs=numbers(1, 34),
        notes=("1",),
        passages=(
            "Recognize that international migration is a multidimensional reality of major relevance for "
            "the development of countries of origin, transit and destination",
            "Members of Their Families, to the international system for the protection of migrants;",
            "United Nations, Treaty Series, vol. 2220, No. 39481.",
        ),
        furniture=("2/4", "3/4", "4/4", "13-43969", "1343969", "Please recycle", "A/RES/68/4"),
        stray=(
            "Migration and Development",
        ),
    ),
    "a-res-69-229": Expect(
        title="International migration and development",
        symbol="A/RES/69/229",
        paragraphs=numbers(1, 37),
        notes=numbers(1, 21),
        passages=(
            "the special event to follow up efforts made towards achieving the Millennium Development Goals, "
            "convened by the President of the General Assembly",
            "promoting balanced and comprehensive approaches, and noting the seventh meeting of the Forum",
            "and in this regard urges Governments to combat unfair and discriminatory treatment of all migrants",
            "human mobility is a key factor for sustainable development which should be adequately considered",
            "continue to advocate for the principles reflected in the Declaration of the High-level Dialogue",
        ),
        furniture=("2/7", "3/7", "4/7", "5/7", "6/7", "7/7", "14-67804", "1467804", "Please recycle",
                   "A/RES/69/229"),
    ),
    "a-res-70-296": Expect(
        title="Agreement concerning the Relationship between the United Nations and the International "
              "Organization for Migration",
        symbol="A/RES/70/296",
        paragraphs=numbers(1, 3),
        articles=series("article", 16),
        notes=("1",),
        passages=(
            "at the one day high-level plenary meeting of the General Assembly on addressing large movements "
            "of refugees and migrants",
            "the High-level Committee on Programmes, the High-level Committee on Management (including the "
            "Inter-Agency Security Management Network)",
            "The Secretary-General shall also be invited, as appropriate, to attend and participate without vote",
        ),
        furniture=("2/8", "3/8", "4/8", "5/8", "6/8", "7/8", "8/8", "15-17050", "1517050", "Please recycle",
                   "A/RES/70/296"),
    ),
    "a-res-80-9": Expect(
        title="2025 Political Declaration on the Implementation of the United Nations Global Plan of Action "
              "to Combat Trafficking in Persons",
        symbol="A/RES/80/9",
        paragraphs=numbers(1, 31),
        notes=numbers(1, 15),
        passages=(
            "recognizing its integrated and indivisible nature and acknowledging that the 2030 Agenda "
            "includes commitments",
            "to alleviate reliance on victims’ testimonies.",
            "involving the coercion of victims, in particular of women and girls",
            "including the criminalization of these practices and provisions to ensure the accountability",
        ),
        furniture=("extract_version", "record_id"),
    ),
    # Documents on Australian Foreign Policy: the first paragraph of each is unnumbered.
    "dafp-1946-hood-cablegram-394": Expect(
        title="Hood to Department of External Affairs",
        paragraphs=numbers(2, 5),
        notes=numbers(1, 4),
        passages=(
            "the countries of origin i.e. U.S.S.R., Byelorussia, Ukraine, Poland and Yugoslavia, formed a "
            "standing minority",
            "differences between the countries of origin and the U.S. and U.K. representatives were "
                  "likely to remain unresolved",
            "emigration to and re-establishment in other countries",
        ),
        stray=("_",),
    ),
    "dafp-1947-cabinet-submission-695d": Expect(
        title="Australian Participation in the International Refugee Organisation and Post-UNRRA Relief",
        paragraphs=numbers(2, 10),
        notes=("1",),
        passages=(
            "the I.R.O. would come into being. Fourteen out of the fifteen signatures required",
            "a joint meeting of the Sub-Committees was held on 8th May, 1947",
            "be included in the inter-departmental committee",
        ),
        stray=("_",),
    ),
    "dafp-1948-cabinet-submission-695f": Expect(
        title="Post-UNRRA Relief",
        paragraphs=numbers(2, 20),
        notes=numbers(1, 3),
        passages=(
            "Cabinet decided in May 1947 that Australia should join the International Refugee Organisation",
            "The Trust Fund set up as a result of this decision will be committed in the next 2 or 3 months",
        ),
        stray=("_",),
    ),
    # A report's first 21 pages: page numbers alone on a line, notes at page feet.
    "eu-iom-ji-case-management-study-2023": Expect(
        title="Final Report: Study of Case Management Practice in the context of the EU-IOM Joint Initiative "
              "for Migrant Protection and Reintegration",
        paragraphs=(),
        notes=numbers(1, 5),
        passages=(
            "Caseworkers rarely directly engage with communities of return and cohesion between communities",
            "which topic specific training is most desired on topics such as such as gender-based violence",
            "Section 6 provides an overview of findings related to caseworkers’ experiences",
            "developed under the COMPASS initiative funded by the Ministry of Foreign Affairs of the Netherlands",
        ),
        furniture=(
            "-----",
        ),
        stray=("16", "17", "20", "21"),
    ),
    "haiti-dr-dialogue-evaluation-brief-2025": Expect(
        title="Évaluation finale du projet « Renforcement du dialogue binational entre Haïti et la République "
              "dominicaine pour promouvoir la cohésion sociale dans la zone frontalière »",
        paragraphs=numbers(1, 20),  # the numbered recommendations
        passages=(
            "constatations, conclusions et recommandations, telles qu’identifiées par le(s) évaluateur(s)",
            "ce qui renforce la cohésion communautaire et la redevabilité",
            "l’analyse des critères OCDE, tout en intégrant",
            wrong("prévenir les conflits locaux via des espaces de dialogue transfrontaliers",
                  "the column is interrupted by the box 'Budget : USD 3 000 000' (lines 82-86), which is "
                  "left inside the sentence"),
            wrong("Le projet « Renforcement du dialogue binational entre Haïti et la République Dominicaine » "
                  "vise à promouvoir la cohésion sociale dans la zone frontalière",
                  "two columns are interleaved line by line (lines 57-68): the project facts ('Portée "
                  "géographique', 'Type du projet', ...) are left inside the summary's sentences"),
        ),
        furniture=("Mission en Haïti", "RÉSUMÉ D’ÉVALUATION"),
        stray=("1", "2"),
    ),
    "haiti-dr-dialogue-evaluation-tor-2024": Expect(
        title=wrong("Consultant(e) International(e) pour réaliser l’évaluation finale du projet intitulé "
                    "« Renforcement du Dialogue Binational entre Haïti et la République dominicaine pour "
                    "promouvoir la Cohésion Sociale dans la Zone Frontalière ».",
                    "title is the masthead 'Appel a Candidatures' (line 1), not the position's title "
                    "(lines 8-14)"),
        notes=numbers(1, 3),
        passages=(
            "les déterminants de l’atteinte des résultats déclarés et confirmés par ladite évaluation",
            "avant le début de l'évaluation proprement dite, ce qui signifie avant toute entrevue formelle",
            "gérer tout le processus d’évaluation avec l’équipe et s’assurer également de la dissémination",
            "des représentants de la Police Frontalière en Haïti (POLIFRONT) et du Corps Spécialisé en "
                  "Sécurité Frontalière Terrestre",
        ),
    ),
    "haiti-dr-dialogue-inception-report-2025": Expect(
        title="Évaluation finale indépendante du projet Renforcement du dialogue binational entre Haïti et la "
              "République dominicaine pour promouvoir la cohésion sociale dans la zone frontalière",
        notes=(),
        passages=(
            "Cette évaluation est essentielle pour mesurer les progrès accomplis, tirer des leçons des actions "
            "mises en place",
            "Formation des jeunes membres des Laboratoires d’Innovation Sociale (LIS) en prévention de conflits",
            wrong("Si des ajustements ont été nécessaires pour s’adapter aux évolutions du contexte sociopolitique",
                  "'sociopolitique' (line 860) is rewritten 'socio-politique', the form the document prints "
                  "twice elsewhere"),
            "Alignement avec les priorités nationales : Vérifier l'adéquation du projet avec les politiques "
                  "de consolidation de la paix",
        ),
        furniture=("-----",),
        stray=("1", "2", "3", "7", "11", "12", "13"),
    ),
    "haiti-dr-dialogue-management-response-2025": Expect(
        title="Evaluation finale indépendante du projet « Renforcement du dialogue binational entre Haïti et la "
              "République dominicaine pour promouvoir la cohésion sociale dans la zone frontalière »",
        passages=(
            "Documenter et intégrer dès la conception les acquis des initiatives similaires, pour éviter "
                  "redondances",
            "incluant des mécanismes de suivi et de remontée des décisions vers les instances de gouvernance",
            "un meilleur alignement entre les partenaires, optimiser l’allocation des ressources",
            "Intégrer les pratiques du projet dans les stratégies nationales, locales et régionales",
        ),
        furniture=("Template Version",),
        stray=("2", "3", "9", "12"),
    ),
    # Web texts of the Dutch treaty series: no page breaks; English text then its Dutch translation.
    "ilo-c21-inspection-of-emigrants-1926": Expect(
        title="Convention concerning the simplification of the inspection of emigrants on board ship",
        articles=series("article", 15) + series("artikel", 15),
        passages=(
            "The General Conference of the International Labour Organisation, Having been convened at Geneva",
            "De Algemeene Conferentie van de Internationale Organisatie van den Arbeid",
        ),
        furniture=("<meta", "##", "SHIP.The", "SCHEPEN.De"),
    ),
    "ilo-c97-migration-for-employment-1949": Expect(
        title="Convention concerning Migration for Employment (Revised 1949)",
        articles=(series("article", 23) + series("annex-i-article", 8) + series("annex-ii-article", 13)
                  + series("annex-iii-article", 2) + series("artikel", 23) + series("bijlage-i-artikel", 8)
                  + series("bijlage-ii-artikel", 13) + series("bijlage-iii-artikel", 2)),
        passages=(
            wrong("Any Member which makes such a declaration may subsequently by a new declaration notify",
                  "the hyphen of a broken line end stays in 'sub-sequently' (Article 14, line 108)"),
            "The General Conference of the International Labour Organisation, Having been convened at Geneva",
        ),
        furniture=("<meta", "##", "1949)The General"),
    ),
    "iom-mds-evaluation-annex-vii-asia-pacific-2025": Expect(
        title="Evaluation of the IOM Migration Data Strategy 2020-2025 – Case Study: IOM Asia-Pacific Regional "
              "Data Hub 2020–2025",
        notes=("1", "2"),
        passages=(
            "a data analysis and statistical consultant and an information management officer, marking the "
            "first time",
            "which consolidates data from diverse sources, offering insights into publicly accessible information",
            "the evaluation found that field offices and regional units continued data work",
        ),
        stray=("3", "4", "5", "9", "10", "11"),
    ),
    # A handbook chapter exported as Markdown: list items carry stray ' - ' where lines wrapped.
    "iom-reintegration-handbook-4-2": Expect(
        title="Effective international cooperation",
        notes=("39",),
        passages=(
            "Adaptation of reintegration measures to the needs and capacities of the countries of origin",
            "Monitoring and evaluation systems to track the progress and success of return and "
                  "reintegration measures",
            "an evolving web of reintegration-related partnerships",
        ),
    ),
    "nl-iom-host-agreement-2012": Expect(
        title="Agreement between the Kingdom of the Netherlands and the International Organization for Migration "
              "on the Legal Status, on the Privileges and Immunities of the Organization and its staff members "
              "in the Netherlands",
        articles=series("article", 19),
        passages=(
            "Recalling the Agreement between the Kingdom of the Netherlands and the International Organization "
            "for Migration on the Legal Status, the Privileges and Immunities of the Organization in the "
            "Netherlands concluded on 1 May 1990",
        ),
        furniture=("<meta", "](", "../../", "README.md"),
    ),
    "nl-iro-exchange-of-notes-1951": Expect(
        title="Notawisseling houdende een overeenkomst tussen het Koninkrijk der Nederlanden en de Internationale "
              "Vluchtelingenorganisatie inzake bijstand aan vluchtelingen",
        # The four notes number the two points of the arrangement 1. and 2.: list items, not paragraphs.
        passages=(
            "His Excellency the Minister of Foreign Affairs The Hague.",
        ),
        furniture=("<meta",),
    ),
}

ParameterSet = type(pytest.param(None))
_ARTICLE = re.compile(r"^(?:(?:annex|bijlage)-[ivx]+-)?(?:article|artikel)-\d+$")


def cases(field: str, many: bool = False) -> list[ParameterSet]:
    """One case per document (or per item of a tuple field), carrying its xfail mark if any."""
    out = []
    for name, expect in DOCS.items():
        values = getattr(expect, field)
        for k, value in enumerate(values if many else [values]):
            marks = ()
            if isinstance(value, ParameterSet):
                value, marks = value.values[0], value.marks
            out.append(pytest.param(name, value, marks=marks, id=f"{name}-{k}" if many else name))
    return out


def doc(corpus, name):
    return next(d for d in corpus.documents if d.name == name)


def squash(text: str) -> str:
    return " ".join(text.split())


def body_texts(document, headings: bool = True) -> list[str]:
    """The text of every block of the body (and of the notes), spaces collapsed."""
    blocks = [b for b in walk_blocks(document.blocks) if headings or not isinstance(b, Heading)]
    blocks += [b for n in document.footnotes for b in walk_blocks(n.blocks)]
    return [squash(block_text(b)) for b in blocks]


def test_every_source_has_expectations(root) -> None:
    names = {p.stem for p in (root / "source_texts").glob("*.txt")}
    assert names == set(DOCS) | set(SEEDS)


@pytest.mark.parametrize("name, title", cases("title"))
def test_title(corpus, name, title) -> None:
    assert squash(doc(corpus, name).metadata.title).casefold() == squash(title).casefold()


@pytest.mark.parametrize("name, symbol", cases("symbol"))
def test_symbol(corpus, name, symbol) -> None:
    assert doc(corpus, name).metadata.symbol == symbol


@pytest.mark.parametrize("name, printed", cases("paragraphs"))
def test_printed_paragraph_numbers(corpus, name, printed) -> None:
    """The document's own paragraphs (anchors para-N), not the paragraphs of its articles."""
    found = [p.number for p in doc(corpus, name).numbered_paragraphs() if p.label == f"para-{p.number}"]
    assert found == list(printed)


@pytest.mark.parametrize("name, anchors", cases("articles"))
def test_article_headings(corpus, name, anchors) -> None:
    headings = [b for b in walk_blocks(doc(corpus, name).blocks) if isinstance(b, Heading)]
    assert [h.anchor for h in headings if _ARTICLE.match(h.anchor)] == list(anchors)


@pytest.mark.parametrize("name, labels", cases("notes"))
def test_note_labels(corpus, name, labels) -> None:
    assert [n.label for n in doc(corpus, name).footnotes] == list(labels)


@pytest.mark.parametrize("name, passage", cases("passages", many=True))
def test_broken_passage_is_rejoined(corpus, name, passage) -> None:
    """A sentence the source breaks reads whole in one paragraph, list or note (not a heading)."""
    assert any(squash(passage) in text for text in body_texts(doc(corpus, name), headings=False))


@pytest.mark.parametrize("name, mark", cases("furniture", many=True))
def test_page_furniture_is_removed(corpus, name, mark) -> None:
    assert not [text for text in body_texts(doc(corpus, name)) if mark in text]


@pytest.mark.parametrize("name, line", cases("stray", many=True))
def test_no_stray_line_stands_alone(corpus, name, line) -> None:
    blocks = [b for b in walk_blocks(doc(corpus, name).blocks) if isinstance(b, (Paragraph, Heading))]
    assert all(squash(block_text(b)) != line for b in blocks)


# Notes whose label the source prints apart from their text (after the page number, or after
# the next note's text): each label gets its own text.
NOTE_TEXTS = [
    pytest.param("a-res-62-i", "1", "See also the resolution adopted on a report of the Fifth Committee (page 164).",
                 marks=pytest.mark.xfail(strict=True, reason="there is no note 1: its body (lines 72-73) is "
                                                             "published as a paragraph of the text")),
    ("a-res-68-4", "1", "United Nations, Treaty Series, vol. 2220, No. 39481."),
    ("a-res-69-229", "9", "A/68/970 and Corr.1."),
    ("a-res-69-229", "17", "United Nations, Treaty Series, vol. 2220, No. 39481."),
    ("a-res-69-229", "19", "Ibid., vol. 2241, No. 39574."),
    ("a-res-69-229", "20", "Ibid., vol. 2225, No. 39574."),
    ("a-res-70-296", "1", "A/70/976, annex I."),
    ("iom-mds-evaluation-annex-vii-asia-pacific-2025", "1", "See: https://ap-migrationdata.iom.int/en"),
    ("haiti-dr-dialogue-evaluation-tor-2024", "2", "https://www.iom.int/data-protection"),
    # Labels printed after their texts (lines 661-665), or glued to the text (line 117).
    ("eu-iom-ji-case-management-study-2023", "2", "https://www.migrationjointinitiative.org/"),
    ("eu-iom-ji-case-management-study-2023", "3", "In this report, pre-return is considered as the host country or "
                                                  "country of migration, and post-return is considered as the country "
                                                  "of origin."),
    ("eu-iom-ji-case-management-study-2023", "4", "https://www.iom.int/compass"),
    ("eu-iom-ji-case-management-study-2023", "5", "The following organizations were interviewed: Chab Dai in "
                                                  "Cambodia, EverFree in Nigeria and the Philippines, and UNICEF."),
    ("iom-reintegration-handbook-4-2", "39", "Adapted from JMDI, 2015b."),
]


@pytest.mark.parametrize("name, label, text", NOTE_TEXTS)
def test_note_text(corpus, name, label, text) -> None:
    found = next((n for n in doc(corpus, name).footnotes if n.label == label), None)
    assert found is not None, f"no note {label}"
    assert squash(" ".join(block_text(b) for b in found.blocks)) == text


# --- The five seed documents -----------------------------------------------------------------

PARAGRAPHS = {"mc-inf-285": 11, "mc-2353": 37, "a-52-314": 55, "a-c-2-61-7": 57, "canada-iom-membership-evaluation": 0}
FOOTNOTES = {"mc-inf-285": 3, "mc-2353": 7, "a-52-314": 9, "a-c-2-61-7": 1, "canada-iom-membership-evaluation": 4}
SEEDS = {
    "mc-inf-285": "2257bbc843f07bb26591f181a14dc4a7bd8b388fd4ff4d46208979dda1215bd4",
    "mc-2353": "5348e5b127f4fa121c49b3cb011c6e4efedb8cfa0609fc88c2c35652a88408f2",
    "a-52-314": "3de0580858a4ef1c15a08340b2b59f8d9981515ea14bdb877f5aadf8c8dedaf1",
    "a-c-2-61-7": "2e679f403b1b73bf609e1fb0e63b0c1dc25319d337be00257519fd2744175bf6",
    "canada-iom-membership-evaluation": "ede2343861b80596a20fd4c59037e560b574186eee775c442f2e2128985f2af1",
}


def para(document, number: str) -> NumberedParagraph:
    return next(p for p in document.numbered_paragraphs() if p.number == number)


def note(document, label: str) -> Footnote:
    return next(n for n in document.footnotes if n.label == label)


@pytest.mark.parametrize("name, sha256", SEEDS.items())
def test_source_texts_are_the_documents_byte_for_byte(root, name, sha256) -> None:
    assert hashlib.sha256((root / "source_texts" / f"{name}.txt").read_bytes()).hexdigest() == sha256


@pytest.mark.parametrize("name, count", PARAGRAPHS.items())
def test_numbered_paragraphs(corpus, name, count) -> None:
    numbers_found = [p.number for p in doc(corpus, name).numbered_paragraphs()]
    assert numbers_found == [str(n) for n in range(1, count + 1)]


@pytest.mark.parametrize("name, count", FOOTNOTES.items())
def test_footnotes(corpus, name, count) -> None:
    assert len(doc(corpus, name).footnotes) == count


def test_sentence_cut_by_footnotes_is_rejoined(corpus) -> None:
    text = block_text(para(doc(corpus, "mc-inf-285"), "5"))
    assert "welcomed increased collaboration while underscoring" in text
    text = block_text(para(doc(corpus, "mc-inf-285"), "9"))
    assert "clearly defined in Articles 58 and 63 of the UN Charter." in text


def test_mc_2353_interleaved_note_bodies(corpus) -> None:
    d = doc(corpus, "mc-2353")
    assert "to provide inputs to the report of the Secretary-General on this item" in block_text(para(d, "12"))
    assert "organized by UNFPA, UN-Habitat and the potential hosting government" in block_text(para(d, "36"))
    assert "Republic of Korea and the African Capacity Building Centre" in block_text(para(d, "26"))
    assert block_text(note(d, "4").blocks[0]).startswith("The GMG membership is as follows")
    lost = note(d, "7")
    assert lost.marker_lost and block_text(lost.blocks[0]).startswith("In July 2012, the task team")
    assert any(dg.code == "note-marker-lost" and dg.line == 117 for dg in d.diagnostics)
    assert all("For example, having IOM" not in block_text(b) for b in d.blocks)


def test_a_52_314_metadata_notes_and_contents(corpus) -> None:
    d = doc(corpus, "a-52-314")
    m = d.metadata
    assert (m.symbol, m.date, m.session, m.original_language) == ("A/52/314", "1997-09-18", "Fifty-second session", "English")
    assert m.url == "https://undocs.org/A/52/314"
    assert m.document_type == "Report of the Secretary-General"
    assert block_text(note(d, "*").blocks[0]) == "A/52/150 and Corr.1."
    assert "Governments had not provided their views" in block_text(para(d, "2"))
    contents = next(b for b in d.blocks if isinstance(b, Table))
    assert len(contents.rows) == 15 and len(contents.header) == 2


def test_a_c_2_61_7_garbled_note_and_job_number(corpus) -> None:
    d = doc(corpus, "a-c-2-61-7")
    assert block_text(note(d, "1").blocks[0]).startswith("Five Members of the BAB")
    assert "such as the costs to build government capacity" in block_text(para(d, "35"))
    assert "such as IOM, and regional informal consultation mechanisms" in block_text(para(d, "19"))
    assert all("06-58181" not in block_text(b) for b in walk_blocks(d.blocks))
    assert d.metadata.symbol == "A/C.2/61/7" and d.metadata.committee == "Second Committee"


def test_mc_2353_title_printed_twice_appears_once(corpus) -> None:
    page = corpus.pages["documents/mc-2353.md"]
    body = page.split("\n---\n", 1)[1]  # after the front matter, which names the title once more
    assert body.count("IOM IN THE LEAD-UP TO THE SECOND UNITED NATIONS") == 1


def test_evaluation_tables_and_notes(corpus) -> None:
    d = doc(corpus, "canada-iom-membership-evaluation")
    tables = [b for b in walk_blocks(d.blocks) if isinstance(b, Table)]
    assert [block_text(t).split(":")[0] for t in tables] == ["Table 2.1", "Table 2.2", "Table 2.3"]
    assert {n.label for n in d.footnotes} == {"2", "3", "4", "*"}
    assert d.metadata.body == "Citizenship and Immigration Canada"


# --- The quality report and the published pages ----------------------------------------------


@pytest.fixture(scope="module")
def reports(root):
    """The verify report of every document, by name (against the pages in docs/)."""
    return {r.name: r for r in verify_all(root)}


@pytest.mark.parametrize("name", sorted(set(DOCS) | set(SEEDS)))
def test_verify_meets_the_thresholds(reports, name) -> None:
    r = reports[name]
    assert r.kept_percent >= MIN_KEPT, (r.name, r.kept_percent)
    assert not r.paragraphs_missing and not r.footnotes_unlinked and not r.leftovers, r


def test_verify_counts_the_seed_notes(reports) -> None:
    assert {name: reports[name].footnotes for name in FOOTNOTES} == FOOTNOTES


def test_docs_are_fresh(corpus, root) -> None:
    stale = stale_pages(corpus, root / "docs")
    assert not stale, f"docs/ is out of date: {stale}; run `make docs` and commit the result"


def test_every_in_page_link_has_its_anchor(corpus) -> None:
    """Contents tables, paragraph numbers and footnotes link to anchors that exist."""
    import markdown

    for name, page in corpus.pages.items():
        html = markdown.markdown(page, extensions=["abbr", "attr_list", "footnotes", "tables", "toc"])
        ids = set(re.findall(r'id="([^"]+)"', html))
        missing = {h for h in re.findall(r'href="#([^"]+)"', html) if h not in ids}
        assert not missing, (name, sorted(missing))

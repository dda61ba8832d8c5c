"""Data the metadata rules read: how the family's documents name their organs, types and parts.

Everything here is vocabulary of the whole family (United Nations, IOM, ILO, governments;
English, French, Spanish, Dutch), never the wording of one document.
"""

from __future__ import annotations

import re

# Organs printed in mastheads, by their printed name (lower case) → the issuing body.
ORGANS: dict[str, str] = {
    "general assembly": "United Nations General Assembly",
    "assemblée générale": "United Nations General Assembly",
    "asamblea general": "United Nations General Assembly",
    "economic and social council": "United Nations Economic and Social Council",
    "security council": "United Nations Security Council",
    "human rights council": "Human Rights Council",
    "council": "Council",
    "conseil": "Council",
    "consejo": "Council",
    "international labour conference": "International Labour Conference",
    "conférence internationale du travail": "International Labour Conference",
    "league of nations": "League of Nations",
    "executive committee of the high commissioner's programme": "Executive Committee of the High Commissioner's Programme",
}

# Issuing bodies by symbol prefix, longest first.
BODIES_BY_SYMBOL: list[tuple[str, str]] = [
    ("A/C.2/", "United Nations General Assembly, Second Committee"),
    ("A/C.3/", "United Nations General Assembly, Third Committee"),
    ("A/HRC/", "Human Rights Council"),
    ("A/", "United Nations General Assembly"),
    ("E/CN.9/", "Commission on Population and Development"),
    ("E/", "United Nations Economic and Social Council"),
    ("S/", "United Nations Security Council"),
    ("MC/", "IOM Council"),
    ("SCPF/", "IOM Standing Committee on Programmes and Finance"),
    ("SCBF/", "IOM Subcommittee on Budget and Finance"),
    ("C/", "IOM Council"),
]
# A masthead names the organ by itself too ("Commission on Population and Development").
ORGANS.update({name.lower(): name for _, name in BODIES_BY_SYMBOL
               if not name.startswith(("United Nations", "IOM")) and "," not in name})
ORGANS.update({
    "commission on human rights": "Commission on Human Rights",
    "commission on the status of women": "Commission on the Status of Women",
    "commission for social development": "Commission for Social Development",
    "statistical commission": "Statistical Commission",
})

# Organizations of the family, as texts name them in any language → how the archive names them.
ORGANIZATIONS: dict[str, str] = {
    "international organization for migration": "International Organization for Migration (IOM)",
    "organisation internationale pour les migrations": "International Organization for Migration (IOM)",
    "organización internacional para las migraciones": "International Organization for Migration (IOM)",
    "internationale organisatie voor migratie": "International Organization for Migration (IOM)",
    "international refugee organization": "International Refugee Organization (IRO)",
    "international labour organisation": "International Labour Organization (ILO)",
    "international labour organization": "International Labour Organization (ILO)",
    "united nations development programme": "United Nations Development Programme (UNDP)",
    "programme des nations unies pour le développement": "United Nations Development Programme (UNDP)",
    "office of the united nations high commissioner for refugees": "UNHCR",
}

# Document types: (pattern over a title, a running head or a masthead line, the type's name).
DOCUMENT_TYPES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p, re.IGNORECASE), name)
    for p, name in [
        (r"^resolution adopted by|^résolution adoptée par|^resolución aprobada por", "Resolution"),
        (r"^report of the secretary-general|^rapport du secrétaire général|^informe del secretario general",
         "Report of the Secretary-General"),
        (r"^note by the secretary-general|^note du secrétaire général|^nota del secretario general",
         "Note by the Secretary-General"),
        (r"^note by the secretariat|^note du secrétariat|^nota de la secretaría", "Note by the Secretariat"),
        (r"^note verbale", "Note verbale"),
        (r"^letter dated|^lettre datée", "Letter"),
        (r"political declaration|^declaration\b|^déclaration\b", "Declaration"),
        (r"^cablegram|^telegram|^cable\b", "Cable"),
        (r"^cabinet submission", "Cabinet submission"),
        (r"^notawisseling|exchange of notes|échange de notes", "Exchange of notes"),
        (r"^(?:constitution|statut)\b", "Constitution"),
        (r"^convention\b|^verdrag betreffende", "Convention"),
        (r"^agreement\b|^accord\b|^verdrag tussen", "Agreement"),
        (r"management response|réponse de la direction", "Management response"),
        (r"^résumé d.évaluation|evaluation brief", "Evaluation brief"),
        (r"rapport initial|inception report", "Evaluation inception report"),
        (r"appel à candidatures|termes de référence|terms of reference", "Terms of reference"),
        (r"case study|étude de cas", "Case study"),
        (r"^report on the evaluation|^evaluation of|^évaluation\b", "Evaluation report"),
        (r"^final report|study of|^étude\b", "Study report"),
        (r"handbook|manuel", "Handbook"),
    ]
]
DOCUMENT_TYPES_BY_SYMBOL: list[tuple[str, str]] = [
    ("A/RES/", "Resolution"),
    ("MC/INF/", "Council information document"),
    ("MC/", "Council document"),
]

# Headings that open a document's body or apparatus: never part of its title.
SECTION_TITLES = frozenset({
    "summary", "contents", "table of contents", "introduction", "abstract", "foreword", "preface",
    "abbreviations", "acronyms", "list of abbreviations", "executive summary", "disclaimer", "résumé",
    "sommaire", "avant-propos", "table des matières", "liste des tableaux", "resumen", "índice",
    "inleiding", "inhoud", "annex", "annexe",
})

# Markings that classify a document; printed alone on a line, they are neither title nor heading.
CLASSIFICATIONS = frozenset({"secret", "top secret", "confidential", "restricted", "unclassified"})

# Words that take a number when a part of a document restarts its articles ("ANNEX I").
PART_WORDS = frozenset("annex annexe anexo bijlage appendix protocol protocole schedule part partie chapter".split())

"""assistant/lexicon.py: which text can stand as an answer, and which sentence points back to the one before."""

from __future__ import annotations

import pytest
from planwijzer.assistant.lexicon import (
    asked_words,
    asks_period_end,
    has_reason,
    inflections_of,
    is_non_answer,
    opens_list,
    other_side_of,
    spells_out,
    starts_with_reference,
    states_period_end,
    synonyms,
)
from planwijzer.assistant.patterns import has_amount, has_day, has_frequency, has_money
from planwijzer.assistant.question import question_kind


@pytest.mark.parametrize(
    "text",
    [
        "Wat zijn de kwaliteitsafspraken?",
        "What does the plan say about mentoring?",
        "Nieuwe initiatieven Studentenwelzijn en ondersteuning docenten",
        "Plan kwaliteitsafspraken Universiteit Leiden",
        "• Studiesucces",
        "- Kleinschalig onderwijs",
        "Deze website maakt gebruik van cookies. Meer informatie.",
        "Lees meer",
        "Share this page",
        "nl en",
        "",
        "Published on 3 May 2021",  # the page's date, not a date it reports
        "Laatst gewijzigd: 3 mei 2021",
        "Gepubliceerd op 12 maart 2022 door redactie",
        "Foto: Marc de Haan.",  # a full stop does not make four words a sentence
    ],
)
def test_questions_headings_bullet_stubs_and_navigation_are_non_answers(text: str) -> None:
    assert is_non_answer(text)


@pytest.mark.parametrize(
    "text",
    [
        "Op 6 december 2021 stemde de Universiteitsraad na overleg in met het aanvullend bestedingsplan.",
        "The University Council consented to the plan on 6 December 2021.",
        "Het College van Bestuur vraagt de raad daarom akkoord te geven op de verdeling van het geld over "
        "faculteiten, diensten en huisvesting.",
        "Met het plan is 12,8 miljoen euro gemoeid.",
        "Zij werd in 2019 benoemd.",
        "Het plan is gepubliceerd op 3 mei 2021.",  # a report of the publication, not the page's date line
        "• De faculteiten stellen well-being officers aan die samen trainingen geven.",
        "De werkgroep onderwijsinnovatie besprak het pilotproject voor digitaal toetsen.",  # a verb we do not list
        "Jan Smitis the secretary of the faculty board.",  # a typo hides "is"
    ],
)
def test_statements_are_answers(text: str) -> None:
    assert not is_non_answer(text)


@pytest.mark.parametrize(
    ("text", "refers"),
    [
        ("Zij werd in 2019 voorzitter van de raad.", True),
        ("Deze middelen zijn vrijgekomen door het leenstelsel.", True),
        ("Both initiatives start in 2022.", True),
        ("She chaired the council until May 2023.", True),
        ("Beide plannen zijn goedgekeurd.", True),
        ("The latter was approved in 2019.", True),  # naming what came before by its place
        ("Laatstgenoemde werd in 2020 voorzitter.", True),
        ("The former chair resigned in 2020.", False),  # "former" as an adjective
        ("Het College van Bestuur vraagt de raad om akkoord.", False),
        ("De Universiteitsraad stemde in met het plan.", False),
        ("There are eight seats for students.", False),
        ("Maastricht University has a council.", False),
    ],
)
def test_a_sentence_that_opens_with_a_referring_word_points_back(text: str, refers: bool) -> None:
    assert starts_with_reference(text) is refers


@pytest.mark.parametrize(
    "question",
    ["In which month and year did the faculty open its library?", "In welke maand stemde de raad in met het plan?"],
)
def test_which_month_asks_for_a_date(question: str) -> None:
    assert question_kind(question) == "date"


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Welk gemeenteraadslid reageerde kritisch op het plan?", "who"),  # a role noun as a compound's tail
        ("Welke Leidse onderzoeker ontving de prijs?", "who"),  # an adjective before the role
        ("Which researcher won the prize?", "who"),
        ("Which members voted against the budget?", "who"),
        ("Welke leden van de raad stemden tegen?", "who"),
        ("Welke maatregelen neemt de faculteit?", "what"),  # not a person
        ("Which valid reasons does the board give?", "what"),  # a short role ("lid") only as a whole word
        ("Which universities won the most grant money?", "who"),  # organisations, plural as singular
        ("Which parties managed that?", "who"),
        ("Welke partijen en universiteiten tekenden?", "who"),
        ("Which plans were approved?", "what"),
    ],
)
def test_which_with_a_role_noun_asks_who(question: str, kind: str) -> None:
    assert question_kind(question) == kind


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Op welke dag worden de uitslagen bekend?", "date"),  # a day, as "op welke datum"
        ("Which day were the results announced?", "date"),
        ("Wat is de deadline voor de plannen?", "date"),
        ("What is the deadline for the plans?", "date"),
        ("Wat kost de nieuwe opleiding?", "money"),
        ("What does the new programme cost?", "money"),
        ("What is the budget for 2024?", "money"),
        ("How many students voted?", "amount"),  # a count, not money
        ("Over hoeveel jaar wordt de begroting verdeeld?", "amount"),  # years counted, the budget only its subject
        ("Met hoeveel stemmen stemde de raad in met de begroting?", "amount"),
        ("Hoeveel kreeg Leiden voor de kwaliteitsafspraken in euro?", "money"),  # nothing counted: money decides
        ("Hoeveel extra geld gaat naar de faculteiten?", "money"),
        ("Hoeveel kwaliteitsgeld kreeg de hogeschool in 2020?", "money"),  # money as the tail of a compound
        ("Hoeveel onderwijsmiddelen ontving de faculteit?", "money"),
        ("What is the plan about?", "what"),
        ("How much did the faculty spend on tutoring in 2021?", "money"),  # nothing counted: the verb of spending
        ("Hoeveel heeft de faculteit besteed aan begeleiding?", "money"),
        ("How many students spent a year abroad?", "amount"),  # students counted
        # the counted noun phrase runs to its verb: its last word may be the money
        ("How much study advance funding did the university receive in 2024?", "money"),
        ("Hoeveel extra tijdelijke studentpsychologen betaalt de universiteit van het NPO-geld?", "amount"),
    ],
)
def test_questions_for_a_day_a_deadline_or_a_cost_ask_for_that_kind_of_fact(question: str, kind: str) -> None:
    assert question_kind(question) == kind


@pytest.mark.parametrize(
    ("question", "sentence", "other_side"),
    [
        ("Who chaired the council before May 2023?", "Since 1 May 2023 Anna de Vries has chaired the council.", True),
        ("Wie was voorzitter vóór 2020?", "Sinds 2020 is Anna de Vries voorzitter.", True),
        ("Wie leidt de raad sinds mei 2023?", "Tot mei 2023 was Piet Bakker voorzitter.", True),
        ("Wie was voorzitter vóór 2020?", "Tot 2020 was Piet Bakker voorzitter.", False),  # the same side
        ("Who chaired the council before May 2023?", "Since 1 May 2021 Piet Bakker chaired it.", False),  # another year
        ("Wie leidt de raad sinds mei 2023?", "Tot april 2023 was Piet Bakker voorzitter.", False),  # another month
        ("Wie is de voorzitter van de raad?", "Sinds 2020 is Anna de Vries voorzitter.", False),  # no moment asked
    ],
)
def test_a_sentence_about_the_other_side_of_the_asked_moment(question: str, sentence: str, other_side: bool) -> None:
    assert other_side_of(question, sentence) is other_side


def test_a_word_has_the_synonyms_of_its_own_language_only() -> None:
    assert "middelen" in synonyms("Geld") and "geld" not in synonyms("geld")
    assert "funds" in synonyms("money") and "middelen" not in synonyms("money")
    assert synonyms("raad") == frozenset()


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("De raad stemde niet in, omdat een visie op werkdruk ontbrak.", True),
        ("Doordat de basisbeurs verdween, kwam er geld vrij.", True),
        ("The council refused because the plan lacked a budget.", True),
        ("Het bestuur vraagt de leden om het rooster goed te keuren.", False),  # what is asked, no reason
        ("Since 2019 the council has met monthly.", False),  # a time
        ("The faculties want more money for mentors.", False),  # a wish
        ("De raad stemde op 3 mei in met het plan.", False),
    ],
)
def test_a_why_question_is_answered_by_a_sentence_that_gives_a_reason(sentence: str, reason: bool) -> None:
    assert has_reason(sentence) is reason


@pytest.mark.parametrize(
    ("question", "sentence", "ends"),
    [
        ("When will the agreements end?", "The agreements run from 2020 through 2025.", True),
        ("Wanneer lopen de afspraken af?", "De afspraken gelden van 2019 tot en met 2024.", True),
        ("Tot wanneer loopt het plan?", "Het plan 2019-2024 is goedgekeurd.", True),
        ("When will the agreements end?", "On 6 May 2021 the council approved the agreements.", False),  # an event
        ("Wanneer stemde de raad in?", "De afspraken gelden van 2019 tot en met 2024.", False),  # no end asked
    ],
)
def test_a_question_about_when_a_period_ends_is_answered_by_its_end(question: str, sentence: str, ends: bool) -> None:
    assert (asks_period_end(question) and states_period_end(sentence)) is ends


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # "when" opening a clause with its own subject joins two statements; the question asks something else
        ("Which student party did Anna de Vries belong to when she called the plan questionable?", "what"),
        ("When the loan system came in, roughly how much money was it about?", "money"),
        ("Wat gebeurt er wanneer de raad niet instemt?", "what"),
        ("Wie tekende toen het college het plan indiende?", "who"),
        # a "when" clause put before the question it sets the scene for, its subject a name or a possessive
        ("When minister Jansen proposed to end the checks, what kind of checks did the party want instead?", "what"),
        ("When Duinstad's council discussed the advice, what did the rector say?", "what"),
        ("Toen minister Jansen de controle wilde stoppen, welke controles wilde de partij dan?", "what"),
        # asking, "when" is followed by its verb
        ("When did the council approve the plan?", "date"),
        ("Wanneer stemde de raad in met het plan?", "date"),
        ("Since when does the plan hold?", "date"),
        # "who" right after a noun relates a clause to it; asking, it opens the question or follows a preposition
        ("Is the initiative mainly about treating students who already have problems?", "yes_no"),
        ("What did the board which met in May decide?", "what"),
        ("By whom was the plan approved?", "who"),
        ("During which period did the plan run?", "date"),
        ("And who chaired the meeting?", "who"),
        # the cue that comes first asks; a later one belongs to a clause
        ("Which rector spoke about it when Duinstad won the award?", "who"),
        ("Hoeveel geld kreeg de faculteit toen de raad instemde?", "money"),
    ],
)
def test_a_when_or_who_that_opens_a_clause_does_not_ask_for_a_date_or_a_person(question: str, kind: str) -> None:
    assert question_kind(question) == kind


@pytest.mark.parametrize(
    ("acronym", "text", "spelled"),
    [
        ("OCW", "de minister van Onderwijs, Cultuur en Wetenschap schreef", True),
        ("VSNU", "de Vereniging van Samenwerkende Nederlandse Universiteiten", True),
        ("CvB", "het College van Bestuur besloot", True),
        ("OCW", "Onderwijs en Cultuur", False),  # one initial short
        ("OCW", "Onderwijs, sport, Cultuur en Wetenschap", False),  # another word between
        ("ITK", "de instellingstoets kwaliteitszorg", False),  # not capitalised: no expansion
    ],
)
def test_an_acronym_is_found_written_out_in_full(acronym: str, text: str, spelled: bool) -> None:
    assert spells_out(acronym, text) is spelled


@pytest.mark.parametrize(
    ("sentence", "opens"),
    [
        ("The panel uses the following 3 criteria in its assessment: 1.", True),
        ("De raad noemt drie punten:", True),
        ("De punten zijn: (a)", True),
        ("De raad stemde in op 1.", False),
        ("Het plan telt 3 thema's.", False),
    ],
)
def test_a_sentence_opens_a_list_on_a_colon_even_with_the_first_items_number_left_behind(
    sentence: str, opens: bool
) -> None:
    assert opens_list(sentence) is opens


@pytest.mark.parametrize(
    ("sentence", "money"),
    [
        ("Het ging om ongeveer een miljard euro per jaar.", True),
        ("It was about half a billion.", True),
        ("Het plannen maken kostte anderhalve ton per instelling.", True),  # a Dutch ton: a hundred thousand euros
        ("The committee had a ton of work.", False),
        ("Een tonnetje vol papieren.", False),
    ],
)
def test_a_sum_of_money_may_be_written_in_words(sentence: str, money: bool) -> None:
    assert has_money(sentence) is money
    assert has_amount(sentence) is money


def test_an_english_possessive_is_asked_about_as_its_noun() -> None:
    assert "leiden" in asked_words("What did Leiden's board decide?")
    assert "leiden's" not in asked_words("What did Leiden’s board decide?")


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Hoe vaak vergadert de raad?", "frequency"),
        ("Om de hoeveel jaar worden de opleidingen beoordeeld?", "frequency"),  # not "hoeveel": a count
        ("How often are the student members elected?", "frequency"),
        ("Hoeveel leden heeft de raad?", "amount"),
    ],
)
def test_how_often_asks_for_a_frequency(question: str, kind: str) -> None:
    assert question_kind(question) == kind


@pytest.mark.parametrize(
    ("sentence", "frequency"),
    [
        ("Programme assessments are conducted every six years.", True),
        ("De opleidingen worden om de zes jaar beoordeeld.", True),
        ("The Fellows will publish a bi-weekly blogpost.", True),
        ("De raad vergadert twee keer per jaar.", True),
        ("Het jaarverslag verschijnt jaarlijks.", True),
        ("De raad telt twintig leden.", False),
        ("Over zes jaar loopt het plan af.", False),
    ],
)
def test_a_frequency_is_said_in_words_of_every_period(sentence: str, frequency: bool) -> None:
    assert has_frequency(sentence) is frequency


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("the student council reviewed the survey in its meeting on March 14.", True),  # no year
        ("on June 2, 2021", True),
        ("op 2 juni", True),
        ("in June 2021", False),  # a month of a year, no day
        ("May 2021 brought a new plan", False),
    ],
)
def test_a_day_is_recognised_in_either_order_with_or_without_its_year(text: str, day: bool) -> None:
    assert has_day(text) is day


@pytest.mark.parametrize(
    "question",
    [
        "Op welke data vergadert de faculteitsraad dit jaar?",
        "Op welke dagen is de stembus open?",
        "Which dates are set for the council's meetings?",
        "On which days can students vote?",
        "On which exact day in November did the festival take place?",  # a day, however it is qualified
        "Op welke precieze dag vond het festival plaats?",
    ],
)
def test_a_question_for_several_days_asks_for_days(question: str) -> None:
    from planwijzer.assistant.question import wants_day

    assert question_kind(question) == "date"
    assert wants_day(question)  # a year alone does not answer it


@pytest.mark.parametrize(
    ("token", "word", "longer", "found"),
    [
        ("leidse", "leiden", 3, True),  # an inflection: all but the last two letters shared
        ("utrechtse", "utrecht", 3, True),
        ("sciences", "scienceguide", 3, False),  # a longer word that begins alike is another word
        ("sciences", "scienceguide", None, True),  # without a limit it counted
        ("polder", "polderland", 3, False),
    ],
)
def test_an_inflection_is_at_most_a_few_letters_longer_than_the_word(
    token: str, word: str, longer: int | None, found: bool
) -> None:
    assert bool(inflections_of(token, {word}, longer)) is found

"""How the extractive answerer chooses and composes its span, on hand-built candidates and on a small corpus
written for each failure mode: non-answers, fragments without their referent, pinned months, duplicates and
cross-lingual evidence."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ingested_index, write_institution_news
from planwijzer.assistant import lexicon, patterns
from planwijzer.assistant.answer import answer_question, passages_to_read, pinned_as
from planwijzer.assistant.candidates import Candidate, fact_match, missing_constraints, score_candidates
from planwijzer.assistant.choice import compose, is_weak, on_topic_first
from planwijzer.assistant.question import Constraint, parse_question, wants_list
from planwijzer.assistant.retrieval import Hit, Index


def hit(text: str, doc: str = "a.md", language: str = "nl") -> Hit:
    return Hit(f"{doc}-0", text, {"doc_id": doc, "language": language, "position": 0}, 1.0)


def cand(text: str, score: float, **kw) -> Candidate:
    h = kw.pop("hit", None) or hit(text)
    rank, coverage, matched = kw.pop("hit_rank", 0), kw.pop("coverage", 0.5), frozenset(kw.pop("matched", ()))
    return Candidate(text, h, rank, score, coverage, matched, 0.9, **kw)


def test_a_sentence_that_opens_with_a_referring_word_brings_the_sentence_before_it() -> None:
    q = parse_question("Wie werd in 2019 voorzitter van de raad?")
    best = cand("Zij werd in 2019 voorzitter van de raad.", 1.0, preceding="Anna de Vries is hoogleraar recht.")
    chosen = compose(q, [best], 600)
    expected = ["Anna de Vries is hoogleraar recht.", "Zij werd in 2019 voorzitter van de raad."]
    assert [c.text for c in chosen] == expected


@pytest.mark.parametrize(
    ("sentence", "preceding", "brought"),
    [
        ("Both start in 2022.", "The plan adds two initiatives: well-being and teacher support.", True),
        ("De raad werd in 2019 opgericht.", "Anna de Vries is hoogleraar recht.", False),  # no referring word
        ("Zij werd in 2019 voorzitter.", "Wie werd voorzitter?", False),  # a question is no antecedent
        (
            "Dit jaarverslag beschrijft de voortgang in 2020.",
            "Jaarverslag kwaliteitsafspraken 2020",
            False,
        ),  # a heading
        ("Zij werd in 2019 voorzitter.", None, False),  # first sentence of its passage
    ],
)
def test_an_antecedent_only_when_it_is_needed_and_usable(sentence: str, preceding: str | None, brought: bool) -> None:
    chosen = compose(parse_question("Wat gebeurde er in 2019?"), [cand(sentence, 1.0, preceding=preceding)], 600)
    assert (len(chosen) == 2) is brought


@pytest.mark.parametrize(
    ("best", "following", "brought"),
    [
        # restates the question: what it announces is in the next sentence
        (
            "Dat is een wezenlijk andere opzet dan bij het oude rooster.",
            "Toen golden vaste lestijden, nu kiezen studenten hun eigen uren.",
            True,
        ),
        # says something of its own: it stands alone
        ("Het rooster verschilt: toen vaste lestijden, nu eigen keuze.", "Dat bleek in 2019.", False),
        # the next sentence is a heading or a question: nothing joins
        ("Dat is een wezenlijk andere opzet dan bij het oude rooster.", "Meer weten?", False),
    ],
)
def test_a_sentence_that_only_restates_the_question_brings_the_one_after_it(
    best: str, following: str, brought: bool
) -> None:
    q = parse_question("Waarin verschilt het nieuwe rooster wezenlijk van het oude rooster?")
    chosen = [c.text for c in compose(q, [cand(best, 1.0, following=[following, "Verder nog iets."])], 600)]
    assert chosen == ([best, following] if brought else [best])


def test_the_top_documents_next_passage_is_read_with_the_top_passages() -> None:
    ranked = [
        Hit(f"{doc}-{i}", "tekst", {"doc_id": doc}, 1.0)
        for doc, i in [("a.md", 0), ("b.md", 0), ("c.md", 0), ("d.md", 0), ("a.md", 3), ("a.md", 4)]
    ]
    read = [h.chunk_id for h in passages_to_read(ranked, 3)]
    assert read == ["a.md-0", "b.md-0", "c.md-0", "a.md-3"]
    assert passages_to_read([], 3) == []


def test_one_fact_is_not_stated_twice() -> None:
    q = parse_question("Wanneer stemde de raad in met het plan?")
    text = "Op 6 december 2021 stemde de Universiteitsraad na overleg in met het aanvullend bestedingsplan."
    copy = "Kwaliteitsafspraken: " + text.upper()
    other = "De raad stemde na intensief overleg in met het plan voor de kwaliteitsafspraken."
    chosen = compose(
        q,
        [
            cand(text, 1.0, matched={"raad"}),
            cand(copy, 0.99, matched={"raad", "plan"}, hit=hit(copy, "b.md")),
            cand(other, 0.95, matched={"raad", "plan", "intensief"}),
        ],
        600,
    )
    assert [c.text for c in chosen] == [text, other]


@pytest.mark.parametrize(
    ("doc", "rank", "joins"),
    [
        ("b.md", 0, True),  # another document whose passage retrieval ranks first: both signals agree
        ("b.md", 1, True),
        ("b.md", 2, False),  # scored well sentence by sentence, but its passage ranks low: an attractor, not cited
        ("b.md", 7, False),
        ("a.md", 7, True),  # the best sentence's own document may add to it from any of its passages
    ],
)
def test_a_runner_up_from_another_document_joins_only_from_a_top_passage(doc: str, rank: int, joins: bool) -> None:
    q = parse_question("Wat besloot de raad over het plan na het overleg?")
    best = cand("De raad besloot het plan aan te passen.", 1.0, matched={"raad", "plan"}, hit_rank=3)
    other = "Het besluit over het plan viel na intensief overleg."
    runner_up = cand(other, 0.95, matched={"raad", "plan", "overleg"}, hit=hit(other, doc), hit_rank=rank)
    chosen = compose(q, [best, runner_up], 600)
    assert (other in [c.text for c in chosen]) is joins


@pytest.mark.parametrize(
    ("adds", "joins"),
    [
        ({"begeleiding"}, True),  # a question word the best passage lacks: the other document adds to the answer
        ({"december", "2021"}, False),  # the year and month that pin the best's document (its date): nothing new
        ({"nieuwsbrief"}, False),  # in the best passage's title: the best document already has it
        ({"plan"}, False),  # a word of the earlier question only: it found the topic, it is not what is asked now
    ],
)
def test_another_document_is_cited_only_for_what_the_best_passage_lacks(adds: set, joins: bool) -> None:
    q = parse_question("Welke begeleiding noemt de nieuwsbrief van december 2021?")
    text = "Elke faculteit krijgt extra studieadviseurs."
    meta = {"doc_id": "a.md", "language": "nl", "position": 0, "title": "Nieuwsbrief", "date": "2021-12"}
    best = cand(text, 1.0, matched=set(), hit=Hit("a.md-0", text, meta, 1.0))
    other = "De raad keurde op 14 december 2021 het voorstel voor meer begeleiding goed."
    runner_up = cand(other, 0.99, matched=adds, hit=hit(other, "b.md"), hit_rank=1)
    chosen = compose(q, [best, runner_up], 600)
    assert (other in [c.text for c in chosen]) is joins


@pytest.mark.parametrize(("rank", "joins"), [(0, True), (1, True), (3, False)])
def test_a_list_from_another_document_joins_only_from_a_top_passage(rank: int, joins: bool) -> None:
    q = parse_question("Welke partijen haalden een zetel?")
    best = cand("Vier partijen haalden een zetel, twee niet.", 1.0, matched={"partijen", "zetel"})
    other = "De deelnemende partijen zijn: • Groen • Rood • Blauw • Geel"
    listing = cand(other, 0.95, matched={"partijen"}, hit=hit(other, "b.md"), hit_rank=rank)
    assert (other in [c.text for c in compose(q, [best, listing], 600)]) is joins


def test_a_later_part_of_a_compound_question_keeps_what_the_question_pins() -> None:
    q = parse_question("Wie werd in 2019 voorzitter van de raad, en wie werd secretaris?")
    part = pinned_as(q, parse_question("wie werd secretaris?"))
    assert {c.token for c in q.constraints} <= {c.token for c in part.constraints}
    assert "2019" in {c.token for c in part.constraints}


@pytest.mark.parametrize(
    ("sentence", "is_list"),
    [
        ("De twee initiatieven zijn: Studentenwelzijn en Docentontwikkeling.", True),
        ("We investeren in kleinschalig onderwijs, begeleiding, docentontwikkeling en faciliteiten.", True),
        ("• mentoraat • tutoraat • trainingen", True),
        # commas around clauses make a long sentence, not a list
        (
            "Het initiatief is gericht op het welzijn van studenten, dat sterk beïnvloed is door de crisis, en op de "
            "binding van studenten met hun opleiding.",
            False,
        ),
        ("De raad stemde in met het plan.", False),
    ],
)
def test_a_list_is_told_from_a_long_sentence_by_its_short_items(sentence: str, is_list: bool) -> None:
    assert patterns.has_enumeration(sentence) is is_list


@pytest.mark.parametrize(
    ("question", "several"),
    [
        ("Which themes does the plan have?", True),
        ("Voor welke besluiten was instemming nodig?", True),
        ("What does the plan cost?", False),  # "does" only looks plural
        ("What was the turnout in 2023?", False),
        ("Welke wordt het nieuwe rooster?", False),
    ],
)
def test_a_question_asks_for_several_things_by_a_plural_noun_not_by_a_verb(question: str, several: bool) -> None:
    assert wants_list(question) is several


@pytest.mark.parametrize("question", ["Welke thema's kent het plan?", "Welke thema’s kent het plan?"])
def test_a_sentence_that_counts_the_asked_items_brings_the_list_that_follows_it(question: str) -> None:
    assert wants_list(question)  # a Dutch plural in 's is a plural
    best = cand(
        "Het plan kent vier thema's.",
        1.0,
        matched={"thema's", "plan"},
        following=["Dat zijn: • mentoraat • tutoraat • roosters • toetsing", "Het plan loopt"],  # a cut-off start
    )
    chosen = [c.text for c in compose(parse_question(question), [best], 600)]
    assert chosen == ["Het plan kent vier thema's.", "Dat zijn: • mentoraat • tutoraat • roosters • toetsing"]


def test_a_list_question_gets_the_list_even_when_a_long_sentence_scores_best() -> None:
    q = parse_question("Welke nieuwe initiatieven zijn er?")
    best = cand(
        "Het initiatief Studentenwelzijn is gericht op het welzijn van studenten, dat sterk beïnvloed is door de "
        "crisis, en op de binding van studenten met hun opleiding.",
        1.0,
        matched={"initiatieven"},
    )
    two = "Er komen twee nieuwe initiatieven: Studentenwelzijn en Docentontwikkeling."
    listing = cand(two, 0.9, matched={"initiatieven"})
    assert [c.text for c in compose(q, [best, listing], 600)] == [best.text, listing.text]


def test_a_bulleted_list_the_best_sentence_begins_goes_on_in_the_items_after_it() -> None:
    q = parse_question("Which four aims does the charter set for colleges?")
    best = cand(
        "The charter sets 4 aims for colleges: - Smaller tutorial groups for first-years. - More mentors.",
        1.0,
        matched={"aims", "charter", "colleges"},
        following=["- Better rooms.", "- Clear rosters.", "Read the full charter online."],
    )
    chosen = [c.text for c in compose(q, [best], 600)]
    assert chosen == [best.text, "- Better rooms.", "- Clear rosters."]  # the items; not the sentence after them
    whole = cand("The charter sets 4 aims: - Small groups. - Mentors.", 1.0, following=["Read more?", "- Other list."])
    assert [c.text for c in compose(q, [whole], 600)] == [whole.text]  # no item follows: nothing added
    overlap = cand("Aims: • Small groups; • More mentors; • Better rooms.", 1.0, following=["• More mentors; • Bett"])
    assert [c.text for c in compose(q, [overlap], 600)] == [overlap.text]  # the next passage repeats its items


@pytest.mark.parametrize(
    ("following", "added"),
    [
        (["kleine groepen; ■ Meer mentoren.", "Het plan loopt tot 2024."], ["kleine groepen; ■ Meer mentoren."]),
        (["Mentoraat en roosters; ■ Meer zalen.", "Daarna volgt meer."], ["Mentoraat en roosters; ■ Meer zalen."]),
        (["Deadlines ronde 2022", "juni 2021"], []),  # a heading after it: the sentence ended there
        (["Meer weten?"], []),  # a question
    ],
)
def test_a_sentence_cut_off_where_its_passage_ends_goes_on_in_the_next_passage(following: list, added: list) -> None:
    q = parse_question("Aan welke doelen werkte de faculteit in 2021?")
    best = cand(
        "In 2021 werkte de faculteit aan deze doelen: ■ Betere roosters; ■ Meer begeleiding en",  # cut off
        1.0,
        matched={"doelen", "faculteit", "2021"},
        following=following,
    )
    assert [c.text for c in compose(q, [best], 600)] == [best.text, *added]
    ended = cand("In 2021 werkte de faculteit aan betere roosters.", 1.0, following=following)
    assert [c.text for c in compose(q, [ended], 600)] == [ended.text]  # a sentence that ended is not continued


def test_a_list_question_has_more_room_for_its_items_than_one_sentence() -> None:
    items = [f"- Item number {n} of the list, with a few words to make it long enough." for n in range(1, 9)]
    best = cand("The scheme funds ten projects: - The first one. - The second one.", 1.0, following=items)
    as_list = compose(parse_question("Which projects does the scheme fund?"), [best], 300)
    not_list = compose(parse_question("Does the scheme fund a project?"), [best], 300)
    assert sum(len(c.text) for c in as_list) > 300 >= sum(len(c.text) for c in not_list)


def test_a_passage_without_the_pinned_month_is_weak() -> None:
    q = parse_question("Wat besloot de raad in april 2019?")
    c = cand("De raad besloot in 2019 tot een nieuw plan.", 1.0)
    c.missing = [m for m in q.constraints if m.kind == "month"]
    assert c.missing and is_weak(q, c)
    c.missing = []
    assert not is_weak(q, c)


@pytest.mark.parametrize(
    ("question", "sentence", "matched", "weak"),
    [
        # a near miss: the sentence shares only the names and year the question pins, nothing of what it asks
        (
            "Wat was de opkomst bij de verkiezingen voor de Duinse Raad in 2023?",
            "De begroting werd in 2023 besproken in de Duinse Raad.",
            {"duinse", "raad", "2023"},
            True,
        ),
        # it shares a word of what is asked: an answer
        (
            "Wat was de opkomst bij de verkiezingen voor de Duinse Raad in 2023?",
            "De opkomst voor de Duinse Raad was in 2023 laag.",
            {"opkomst", "duinse", "raad", "2023"},
            False,
        ),
        # one word beyond the names, a generic verb: the question asks what the named thing is like
        (
            "Hoe is de Duinse Raad samengesteld?",
            "De Duinse Raad bestaat uit acht studenten en acht medewerkers.",
            {"duinse", "raad"},
            False,
        ),
        # only the pinned name, but it holds the amount asked for: an answer
        ("Hoeveel geld ontving Duinstad in 2021?", "Duinstad krijgt ruim 3,2 miljoen euro.", {"duinstad"}, False),
        # a bare count of something else is no excuse: four nominees do not say how many members the council has
        (
            "Uit hoeveel leden bestaat de raad van Duinstad University?",
            "De vier genomineerden werken bij Duinstad University.",
            {"duinstad", "university"},
            True,
        ),
        # a follow-up: the sentence shares the earlier question's words, so its amount is about that topic
        (
            "En hoeveel leden telt dat netwerk inmiddels?",
            "De laureaat krijgt 10.000 euro voor een eigen project.",
            {"laureaat", "project"},
            False,
        ),
    ],
)
def test_a_sentence_that_shares_only_what_the_question_pins_is_weak(
    question: str, sentence: str, matched: set, weak: bool
) -> None:
    c = cand(sentence, 1.0, matched=matched, coverage=0.3)
    assert is_weak(parse_question(question), c) is weak


def test_a_sentence_in_the_other_language_is_judged_by_meaning_not_by_the_words_it_shares() -> None:
    # words cannot match across languages: sharing only the pinned names says nothing, its meaning decides
    q = parse_question("How much is a Duinstad Fellow grant worth?")
    close = cand("De Duinstad Fellow-beurs van 250 duizend euro ging dit jaar zes keer naar docenten.", 1.0, cross=True)
    close.matched = frozenset({"duinstad", "fellow"})
    assert not is_weak(q, close)
    far = cand("Duinstad Fellows komen twee keer per jaar bijeen.", 1.0, cross=True, coverage=0.05)
    far.matched, far.similarity = frozenset({"duinstad", "fellow"}), 0.75
    assert is_weak(q, far)
    # in the question's language the same sentence is a near miss: it shares none of the words of what is asked
    same = cand("De Duinstad Fellows komen twee keer per jaar bijeen.", 1.0, matched={"duinstad", "fellows"})
    assert is_weak(parse_question("Wat doen de Duinstad Fellows met het geld van de beurs?"), same)


def test_a_sentence_about_the_time_after_the_asked_moment_is_weak() -> None:
    q = parse_question("Wie was voorzitter van de raad vóór mei 2023?")
    assert is_weak(q, cand("Sinds 1 mei 2023 is Anna de Vries voorzitter van de raad.", 1.0, matched={"raad"}))
    assert not is_weak(q, cand("Tot 1 mei 2023 was Piet Bakker voorzitter van de raad.", 1.0, matched={"raad"}))


def test_a_reason_is_the_fact_a_why_question_asks_for() -> None:
    assert fact_match("why", "De raad stemde niet in, omdat een visie op werkdruk ontbrak.") == 1.0
    assert fact_match("why", "Het bestuur vraagt de leden om het rooster goed te keuren.") == 0.0
    assert fact_match("what", "De raad stemde niet in, omdat een visie op werkdruk ontbrak.") == 0.0


@pytest.mark.parametrize(
    ("sentence", "amount"),
    [
        ("Er zijn 12 well-being officers aangesteld.", True),
        ("In hoofdstuk 3.2 staat dat 4,5 miljoen euro beschikbaar is.", True),
        ("In thema 2 vallen de mentoruren voor eerstejaars.", False),  # the number names a part
        ("Zie artikel 9 en 10 van de regeling.", False),
        ("Chapter 4 describes the new initiatives.", False),
        ("Er moet ten minste worden ingestemd met de verdeling van de middelen.", False),  # Dutch "ten", no count
        ("Ten students were elected to the council.", True),
        ("De afdeling heeft als taken (1) onderwijs en (2) onderzoek.", False),  # numbered items
        ("Inmiddels telt het netwerk bijna vijfhonderd leden uit mbo, hbo en wo.", True),  # a compound count word
        ("Het netwerk heeft drieëntwintig leden.", True),
        ("Fifteen officers were appointed in the autumn.", True),
        ("Het overleg was prettig en krachtig.", False),  # "-tig" that counts nothing
    ],
)
def test_the_number_of_a_part_is_not_an_amount(sentence: str, amount: bool) -> None:
    assert patterns.has_amount(sentence) is amount
    assert is_weak(parse_question("Hoeveel officers zijn er aangesteld?"), cand(sentence, 1.0)) is not amount


@pytest.mark.parametrize(
    "sentence",
    [
        "On June 4th, 2020 the council agreed.",  # an ordinal day
        "Before the 1st of June 2021, every faculty sent in its annual figures.",
        "Op 4 juni 2020 stemde de raad in.",
    ],
)
def test_a_day_written_with_an_ordinal_is_a_date(sentence: str) -> None:
    assert patterns.has_date(sentence)
    assert not is_weak(parse_question("Op welke datum stemde de raad in?"), cand(sentence, 1.0))


def test_a_table_of_contents_line_answers_only_in_which_section(frames: Index) -> None:
    contents = "14 2.2 Studentenaantallen en instroom ............................................"  # dot leaders
    hits = [Hit("toc-0", contents, {"doc_id": "toc.md", "language": "nl", "position": 0}, 1.0)]
    for question, answers in [
        ("Hoeveel studenten stonden er in 2020 ingeschreven?", False),
        ("In welke paragraaf staan de studentenaantallen?", True),
    ]:
        found = score_candidates(parse_question(question), [], hits, frames, [0.0] * 384)
        assert bool(found) is answers, question


def test_a_question_word_is_the_tail_of_a_compound_only_in_a_dutch_passage(frames: Index) -> None:
    # "plan" in "bestedingsplan" is the plan; "vision" in "supervision" is not the vision
    question = parse_question("What is the vision of the university, and what does the plan say?")
    english = "We offer supervision to every student who needs it."
    dutch = "Het bestedingsplan van de universiteit is klaar."
    hits = [
        Hit("en-0", english, {"doc_id": "en.md", "language": "en", "position": 0}, 1.0),
        Hit("nl-0", dutch, {"doc_id": "nl.md", "language": "nl", "position": 0}, 1.0),
    ]
    matched = {c.text: c.matched for c in score_candidates(question, [], hits, frames, [0.0] * 384)}
    assert "vision" not in matched[english]
    assert "plan" in matched[dutch]


def test_a_day_question_is_not_answered_by_a_year_alone() -> None:
    assert is_weak(parse_question("Op welke datum verscheen het rapport?"), cand("Het rapport verscheen in 2022.", 1.0))
    assert not is_weak(parse_question("Wanneer verscheen het rapport?"), cand("Het rapport verscheen in 2022.", 1.0))
    assert not is_weak(
        parse_question("Op welke datum verscheen het rapport?"), cand("Het rapport verscheen op 3 mei 2022.", 1.0)
    )
    month = cand("Het rapport verscheen in november 2022.", 1.0)
    assert is_weak(parse_question("Op welke datum verscheen het rapport?"), month)  # a month is no day
    assert not is_weak(parse_question("Wanneer verscheen het rapport?"), month)


def test_a_sentence_that_names_the_one_before_as_its_cause_brings_it() -> None:
    q = parse_question("Waarom kan de faculteit niet rekenen op extra geld?")
    best = cand(
        "Het voordeel van de nieuwe regeling wordt daardoor teniet gedaan.",
        1.0,
        preceding="Waarschijnlijk daalt de bijdrage per student van het rijk.",
    )
    assert [c.text for c in compose(q, [best], 600)] == [best.preceding, best.text]


def test_a_list_question_gets_the_list_in_the_sentence_after_the_one_that_names_the_things() -> None:
    q = parse_question("Op welke cijfers hebben de nieuwe afspraken betrekking?")
    best = cand(
        "Het bestuur heeft nieuwe afspraken gemaakt met de instituten.",
        1.0,
        following=["Het gaat om de instroom, de doorstroom, het rendement en het aantal promoties.", "Verder niets."],
    )
    assert [c.text for c in compose(q, [best], 600)] == [best.text, best.following[0]]
    single = compose(parse_question("Met wie heeft het bestuur afspraken gemaakt?"), [best], 600)
    assert [c.text for c in single] == [best.text]  # not a list question


def test_a_sentence_that_opens_a_list_brings_its_items_also_when_the_first_items_number_clings_to_it() -> None:
    items = ["The institution has made sufficient progress.", "The council is sufficiently involved. 1."]
    q = parse_question("Which two criteria does the panel use?")
    opener = cand("The panel uses the following 2 criteria for its assessment: 1.", 1.0, following=items)
    assert [c.text for c in compose(q, [opener], 600)] == [opener.text, *items]
    # a runner-up that opens the list brings its items too, after the best sentence
    best = cand("In 2022 an evaluation will assess the progress per institution.", 1.0, matched={"panel"})
    runner = cand(opener.text, 0.9, following=items, matched={"criteria"})
    assert [c.text for c in compose(q, [best, runner], 600)] == [best.text, runner.text, *items]
    # not for a question that asks for one thing
    one = parse_question("Wat beoordeelt het panel in 2022?")
    assert [c.text for c in compose(one, [best, runner], 600)] == [best.text, runner.text]


def test_an_acronym_the_question_names_is_found_written_out_in_the_passage(small: Index) -> None:
    question = parse_question("Wanneer beantwoordde de minister van OCW de vragen?")
    written_out = hit("Bij brief van 4 februari 2019 beantwoordde de minister van Onderwijs, Cultuur en Wetenschap ze.")
    assert not missing_constraints(question, written_out, small)
    other = hit("Bij brief van 4 februari 2019 beantwoordde de minister van Economische Zaken de vragen.")
    assert [c.token for c in missing_constraints(question, other, small)] == ["OCW"]


@pytest.mark.parametrize(
    ("question", "share"),
    [
        ("In welk jaar nam de Kamer de motie aan?", 1.0),  # a year is what is asked
        ("In which year was the motion adopted?", 1.0),
        ("Wanneer nam de Kamer de motie aan?", 0.5),  # a date would say more
    ],
)
def test_a_year_answers_a_which_year_question_as_fully_as_a_date(question: str, share: float) -> None:
    q = parse_question(question)
    assert fact_match(q.kind, "De motie werd in 2022 aangenomen.", q.day, q.year) == pytest.approx(share)
    assert fact_match(q.kind, "De motie werd op 3 mei 2022 aangenomen.", q.day, q.year) == 1.0


@pytest.mark.parametrize(("score", "first"), [(0.9, "runner"), (0.5, "best")])
def test_a_runner_up_that_says_what_was_asked_goes_before_a_best_sentence_that_only_names_the_same(
    score: float, first: str
) -> None:
    q = parse_question("Mogen de faculteiten van Duinstad University zelf bepalen waaraan ze het geld uitgeven?")
    best = cand("Duinstad University kiest ervoor het geld in onderwijs te investeren.", 1.0)
    best.matched = frozenset({"duinstad", "university"})  # only the names the question pins: a near miss
    runner = cand("Faculteiten mogen geheel zelf bepalen waaraan ze dit geld besteden.", score)
    runner.matched = frozenset({"faculteiten", "bepalen", "waaraan"})
    ordered = on_topic_first(q, [best, runner])
    assert ordered[0] is (runner if first == "runner" else best) and len(ordered) == 2
    # a best sentence that shares words of what is asked keeps its place
    best.matched = frozenset({"duinstad", "university", "geld"})
    assert on_topic_first(q, [best, runner])[0] is best


def test_a_hyphenated_name_is_found_by_its_parts(small: Index) -> None:
    question = parse_question("Who hands out the Student Well-being Award?")
    found = missing_constraints(
        question, hit("The Board hands out the student well-being award.", language="en"), small
    )
    assert "well-being" not in {c.token for c in found}
    found = missing_constraints(question, hit("The Board hands out the student award.", language="en"), small)
    assert "well-being" in {c.token for c in found}


def test_a_how_often_question_is_answered_by_a_frequency_and_weak_without_one() -> None:
    q = parse_question("Hoe vaak verschijnt er een nieuwe blogpost op het blog?")
    best = cand("Het blog is een nieuw onderdeel van de Academy.", 1.3, matched={"blog", "nieuwe"})
    assert is_weak(q, best)
    runner = cand("De Fellows publiceren tweewekelijks een blogpost over hun projecten.", 1.2, matched={"blog"})
    assert not is_weak(q, runner)
    # beside a best sentence that has one, a sentence of its document with the frequency joins it
    best = cand("Het blog verschijnt met een jaarlijks symposium.", 1.3, matched={"blog", "nieuwe", "blogpost"})
    assert [c.text for c in compose(q, [best, runner], 600)] == [best.text, runner.text]


def _write(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    council = (
        "---\ntitle: Nieuws van de raad\nlanguage: nl\ndoc_type: news\ndate: 2019-05\n---\n"
        "Wat doet de adviesraad voor het onderwijs?\n\n"
        "Nieuwe voorzitter adviesraad onderwijs\n\n"
        "De adviesraad onderwijs van Hogeschool Kaapstad kreeg dit voorjaar een nieuwe voorzitter. "
        "Marieke Zandvoort is hoogleraar onderwijskunde aan de hogeschool. "
        "Zij werd op 3 april 2019 voorzitter van de adviesraad onderwijs.\n\n"
        "De opkomst bij de verkiezingen voor de adviesraad was in maart 2019 achttien procent.\n"
    )
    (root / "raad-nieuws.md").write_text(council, encoding="utf-8")
    (root / "raad-nieuws-kopie.md").write_text(council.replace("Nieuws van de raad", "Raadsnieuws (kopie)"), "utf-8")
    (root / "mensa.md").write_text(
        "---\ntitle: Mensa\nlanguage: nl\ndoc_type: news\ndate: 2020-01\n---\n"
        "De mensa van Hogeschool Kaapstad opent om acht uur. Studenten betalen met hun pas.\n",
        encoding="utf-8",
    )
    return root


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Index:
    return Index(ingested_index(tmp_path_factory.mktemp("choice"), _write))


def test_the_answer_is_a_statement_with_its_referent_not_the_question_or_heading(small: Index) -> None:
    ans = answer_question(small, "Wie werd in april 2019 voorzitter van de adviesraad onderwijs?")
    assert not ans.abstained
    assert "Marieke Zandvoort" in ans.answer and "3 april 2019" in ans.answer
    assert "?" not in ans.answer and not ans.answer.startswith("Nieuwe voorzitter")


def test_a_copy_of_the_same_page_is_cited_once(small: Index) -> None:
    ans = answer_question(small, "Wie werd in april 2019 voorzitter van de adviesraad onderwijs?")
    docs = [c.doc_id for c in [*ans.citations, *ans.related]]
    assert len(ans.citations) == 1, docs
    # neither as a second citation nor among the related passages does the copy come back
    assert len({"raad-nieuws.md", "raad-nieuws-kopie.md"} & set(docs)) == 1, docs


def test_a_pinned_month_that_no_passage_has_is_an_abstention(small: Index) -> None:
    ans = answer_question(small, "Wat was de opkomst bij de verkiezingen voor de adviesraad in november 2019?")
    assert ans.abstained
    assert ans.related  # the near miss is offered as related material
    answered = answer_question(small, "Wat was de opkomst bij de verkiezingen voor de adviesraad in maart 2019?")
    assert not answered.abstained and "achttien procent" in answered.answer


def test_an_english_question_is_answered_from_the_dutch_passage_by_meaning(small: Index) -> None:
    ans = answer_question(small, "Who became chair of the education advisory council in April 2019?")
    assert not ans.abstained
    assert ans.answer.startswith("According to the source (in Dutch): ")
    assert "Zandvoort" in ans.answer


def _institutions(root: Path) -> Path:
    docs = {
        "duinstad.md": (
            "Universiteit Duinstad",
            "Op 3 mei 2022 stemde de raad van de Universiteit Duinstad in met het plan.",
        ),
        "polderland.md": (
            "Universiteit Polderland",
            "De raad van de Universiteit Polderland stemde op 9 juni 2022 in met het plan voor kleinere werkgroepen.",
        ),
        "kaapstad.md": ("Hogeschool Kaapstad", "De mensa van Hogeschool Kaapstad opent om acht uur."),
        "krant.md": ("Stadskrant", "De universiteitsraad wilde het plan al in mei bespreken, schreef de krant."),
    }
    return write_institution_news(root, docs)


@pytest.fixture(scope="module")
def campuses(tmp_path_factory: pytest.TempPathFactory) -> Index:
    return Index(ingested_index(tmp_path_factory.mktemp("campuses"), _institutions))


def test_the_institutions_of_the_index_are_known_by_their_distinctive_words(campuses: Index) -> None:
    words = campuses.institution_words()
    assert {"duinstad", "polderland", "kaapstad", "stadskrant"} <= words
    assert "universiteit" not in words  # in two names: it singles out no institution


def test_a_question_about_one_institution_is_answered_from_that_institution(campuses: Index) -> None:
    ans = answer_question(campuses, "Wanneer stemde de raad van Polderland in met het plan?")
    assert not ans.abstained and "9 juni 2022" in ans.answer and "3 mei" not in ans.answer
    assert ans.citations[0].doc_id == "polderland.md"


def test_an_institution_no_passage_is_about_is_an_abstention(campuses: Index) -> None:
    ans = answer_question(campuses, "Wanneer stemde de raad van Hogeschool Kaapstad in met het plan?")
    assert ans.abstained, ans.answer


def test_a_later_part_of_a_compound_question_is_not_answered_from_another_institution(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    docs = {
        "duinstad.md": ("Universiteit Duinstad", "Piet Bakker is de secretaris van de raad van Duinstad."),
        "polderland.md": (
            "Universiteit Polderland",
            "De raad van de Universiteit Polderland wordt sinds 2020 voorgezeten door Karel Smit.",
        ),
    }
    root = tmp_path_factory.mktemp("clerks")
    index = Index(ingested_index(root, lambda r: write_institution_news(r, docs)))
    ans = answer_question(index, "Wie is de voorzitter van de raad van Polderland, en wie is de secretaris?")
    assert "Karel Smit" in ans.answer
    assert "Piet Bakker" not in ans.answer  # the secretary of another university's council is no answer here


def test_when_a_period_ends_is_answered_by_its_end_not_by_another_dated_event(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    docs = {
        "besluit.md": ("Universiteit Duinstad", "Op 3 mei 2022 stemde de raad van Duinstad in met de afspraken."),
        "looptijd.md": ("Universiteit Duinstad", "De afspraken van Duinstad gelden van 2019 tot en met 2024."),
    }
    index = Index(ingested_index(tmp_path_factory.mktemp("periods"), lambda r: write_institution_news(r, docs)))
    ans = answer_question(index, "Wanneer lopen de afspraken van Duinstad af?")
    assert ans.citations[0].doc_id == "looptijd.md", ans.answer


def test_a_passage_that_names_no_institution_is_not_ruled_out(campuses: Index) -> None:
    # the paper's article does not repeat the university's name: a soft miss, unlike a passage about another one
    question = parse_question("Wanneer wilde de universiteitsraad van Duinstad het plan al bespreken?")
    hits = {h.meta["doc_id"]: h for h in campuses.search(question.text, k=4).hits}
    kinds = {doc: {c.kind for c in missing_constraints(question, hit, campuses)} for doc, hit in hits.items()}
    assert kinds["krant.md"] == {"name"}
    assert kinds["polderland.md"] == {"institution"}
    assert kinds["duinstad.md"] == set()


@pytest.fixture(scope="module")
def turnouts(tmp_path_factory: pytest.TempPathFactory) -> Index:
    docs = {
        "opkomst.md": (
            "Universiteit Duinstad",
            "De opkomst bij de verkiezingen voor de universiteitsraad was 16,3 procent.",
        ),
        "mensa.md": ("Universiteit Duinstad", "De mensa van de Universiteit Duinstad opent om acht uur."),
        "bieb.md": ("Universiteit Polderland", "De Universiteit Polderland opent in 2023 een nieuwe bibliotheek."),
    }
    return Index(ingested_index(tmp_path_factory.mktemp("turnouts"), lambda r: write_institution_news(r, docs)))


def test_a_document_of_another_institution_does_not_answer_for_the_named_one(turnouts: Index) -> None:
    # the turnout page never names a university, but its institution's documents name Duinstad: it is Duinstad's
    ans = answer_question(
        turnouts, "Hoe hoog was de opkomst bij de verkiezingen voor de universiteitsraad van Polderland?"
    )
    assert ans.abstained, ans.answer
    ans = answer_question(
        turnouts, "Hoe hoog was de opkomst bij de verkiezingen voor de universiteitsraad van Duinstad?"
    )
    assert not ans.abstained and "16,3" in ans.answer


def test_an_institution_is_at_home_where_its_documents_mostly_name_it(turnouts: Index, campuses: Index) -> None:
    assert turnouts.home_words("Universiteit Duinstad") == {"duinstad"}
    assert campuses.home_words("Stadskrant") == frozenset()  # its one article names no institution


@pytest.mark.parametrize(
    ("passage", "missing"),
    [
        ("In het studiejaar 2022-23 besloot de raad tot een nieuw rooster.", set()),  # 2023 as the range's end
        ("In 2022/23 besloot de raad tot een nieuw rooster.", set()),
        ("In 2022 besloot de raad tot een nieuw rooster.", {"2023"}),
        ("In 2023-24 besloot de raad tot een nieuw rooster.", {"2022"}),
    ],
)
def test_a_study_year_written_short_still_names_both_years(small: Index, passage: str, missing: set) -> None:
    question = parse_question("Wat besloot de raad in het studiejaar 2022-2023?")
    assert {c.token for c in missing_constraints(question, hit(passage), small)} == missing


@pytest.mark.parametrize(
    ("question", "passage", "missing"),
    [
        ("Hoe hoog was de opkomst in het jaar dat 16,3% stemde?", "At 16.3% the turnout was low.", set()),
        ("What was the turnout in the year that 16.3% voted?", "Bij een opkomst van 16,3% was het stil.", set()),
        ("Hoe hoog was de opkomst in het jaar dat 16,3% stemde?", "At 17.3% the turnout was low.", {"16,3"}),
    ],
)
def test_a_decimal_is_the_same_number_with_a_comma_or_a_point(small: Index, question, passage, missing) -> None:
    found = missing_constraints(parse_question(question), hit(passage, language="en"), small)
    assert {c.token for c in found if c.kind == "number"} == missing


def test_the_cut_off_end_of_a_sentence_is_no_antecedent() -> None:
    q = parse_question("Wat doet het ISO voor zijn leden?")
    best = cand("Ook het ISO biedt zijn leden kennis en steun.", 1.0, preceding="de instelling steun te bieden.")
    assert [c.text for c in compose(q, [best], 600)] == [best.text]
    whole = cand("Ook het ISO biedt zijn leden kennis en steun.", 1.0, preceding="De instelling moet steun bieden.")
    assert [c.text for c in compose(q, [whole], 600)] == [whole.preceding, whole.text]


def _frames(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "overleg.md").write_text(
        "---\ntitle: Verslag van het overleg\nlanguage: nl\ndoc_type: news\ndate: 2021-02\n---\n"
        "De raad betreurt dat het overleg met de decaan niet is gebeurd. Het overleg wordt in maart ingehaald.\n",
        encoding="utf-8",
    )
    (root / "regels.md").write_text(
        "---\ntitle: Regels voor de plannen\nlanguage: nl\ndoc_type: policy\ndate: 2021-01\n---\n"
        "Elke faculteit schrijft een plan voor betere begeleiding. Wordt een plan afgewezen, dan krijgt de faculteit "
        "een jaar om het plan te verbeteren.\n",
        encoding="utf-8",
    )
    for n, topic in enumerate(["roosters", "zalen", "mentoren"]):  # "plan" is a common word here, "gebeurd" a rare one
        (root / f"plan-{n}.md").write_text(
            f"---\ntitle: Plan {topic}\nlanguage: nl\ndoc_type: news\ndate: 2020-0{n + 1}\n---\n"
            f"Het plan van de faculteit gaat over {topic}. Het plan loopt tot 2024.\n",
            encoding="utf-8",
        )
    return root


@pytest.fixture(scope="module")
def frames(tmp_path_factory: pytest.TempPathFactory) -> Index:
    return Index(ingested_index(tmp_path_factory.mktemp("frames"), _frames))


def test_a_verb_that_frames_the_question_is_not_what_it_asks_about(frames: Index) -> None:
    assert lexicon.asked_words("Wat gebeurt er als een plan wordt afgekeurd?") == ["plan", "afgekeurd"]
    assert lexicon.asked_words("What happens when a plan is rejected?") == ["plan", "rejected"]
    ans = answer_question(frames, "Wat gebeurt er als een plan wordt afgekeurd?")
    assert "een jaar om het plan te verbeteren" in ans.answer and "betreurt" not in ans.answer


@pytest.mark.parametrize(
    ("question", "sentence", "weak"),
    [
        # the name the question qualifies by a year, given only with another year: another edition of it
        ("Welk gemiddeld cijfer gaven studenten aan hun welzijn in de NSE van 2023?",
         "Studenten gaven hun welzijn een 6,43 in de NSE van 2021.", True),
        ("What average score did well-being get in the 2023 NSE?",
         "Student well-being got an average score of 6.43 in the 2021 NSE survey.", True),
        # the same edition, or no year beside the name in the question, or none beside it in the sentence
        ("What average score did well-being get in the 2023 NSE?",
         "In the 2023 NSE survey student well-being got an average score of 6.8.", False),
        ("What average score did well-being get in the NSE?",
         "Student well-being got an average score of 6.43 in the 2021 NSE survey.", False),
    ],
)  # fmt: skip
def test_a_sentence_about_another_edition_of_a_dated_name_is_weak(question: str, sentence: str, weak: bool) -> None:
    q = parse_question(question)
    best = cand(sentence, 1.0, coverage=0.6, matched={"nse", "welzijn", "well-being", "score", "average"})
    assert is_weak(q, best) is weak


@pytest.mark.parametrize(
    ("question", "sentence", "weak"),
    [
        # the question asks about a decision of the body it names; the sentence states another body's decision
        ("Op welke datum stemde de Raad van Toezicht in met het bestedingsplan?",
         "Op 6 december 2021 stemde de Universiteitsraad na overleg in met het bestedingsplan.", True),
        ("When did the Supervisory Board approve the spending plan?",
         "On 6 December 2021 the University Council consented to the spending plan.", True),
        # the body asked about, a body named by its kind alone, or a question that names no body in full
        ("Op welke datum stemde de Raad van Toezicht in met het bestedingsplan?",
         "Op 9 december 2021 stemde de Raad van Toezicht in met het bestedingsplan.", False),
        ("Wat besloten het college van bestuur en de universiteitsraad over het instemmingsproces?",
         "Het college en de raad besloten gezamenlijk dat er voor het instemmingsproces een leidraad komt.", False),
        ("Wanneer stemde de raad in met het bestedingsplan?",
         "Op 6 december 2021 stemde de Universiteitsraad na overleg in met het bestedingsplan.", False),
    ],
)  # fmt: skip
def test_another_bodys_decision_does_not_answer_for_the_body_the_question_names(
    question: str, sentence: str, weak: bool
) -> None:
    q = parse_question(question)
    best = cand(
        sentence, 1.0, coverage=0.6, matched={"bestedingsplan", "instemmingsproces", "stemde", "spending", "plan"}
    )
    assert is_weak(q, best) is weak


@pytest.mark.parametrize(
    ("question", "sentence", "weak"),
    [
        # the sentence opens with another year than the one asked about, and names none it does
        ("Hoeveel geld ging er in 2025 naar de hogescholen uit de vrijgevallen middelen?",
         "In 2024 krijgen de hogescholen samen 419 miljoen euro uit die middelen.", True),
        ("How large is the faculty's budget deficit in 2024?",
         "In 2021 the faculty ended with a deficit of 7.1 million euros.", True),
        # the asked year in the sentence or in a range it opens with; a question that asks when; another year later on
        ("Hoeveel geld ging er in 2025 naar de hogescholen uit de vrijgevallen middelen?",
         "In 2024 en 2025 krijgen de hogescholen samen 419 miljoen euro per jaar.", False),
        ("How large is the faculty's budget deficit in 2024?",
         "In 2021-2024 the faculty's deficit adds up to 7.1 million euros.", False),
        ("Wanneer werd het bestedingsplan voor 2024 vastgesteld?",
         "In 2023 stelde het college het bestedingsplan vast.", False),
        ("Hoeveel geld ging er in 2025 naar de hogescholen uit de vrijgevallen middelen?",
         "De hogescholen krijgen 419 miljoen euro, zo bleek in 2024.", False),
    ],
)  # fmt: skip
def test_a_sentence_that_opens_with_another_year_than_the_question_asks_about_is_weak(
    question: str, sentence: str, weak: bool
) -> None:
    q = parse_question(question)
    best = cand(sentence, 1.0, coverage=0.6, matched={"hogescholen", "deficit", "faculty", "bestedingsplan", "geld"})
    assert is_weak(q, best) is weak


def _colophon(root: Path) -> Path:
    """A students' union's advice with its colophon, and a page that writes the union's words in lower case too."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "advies.md").write_text(
        "---\ntitle: Advies over studiebeurzen\nlanguage: nl\ndoc_type: report\ndate: 2016-05\n---\n"
        "Advies over studiebeurzen van de Landelijke Studenten Bond, uitgebracht in mei 2016 aan de Vaste "
        "Commissie voor Onderwijs. Auteurs: Jorien Maasdam en Pieter Welling. De bond pleit voor hogere "
        "studiebeurzen voor alle studenten.\n",
        encoding="utf-8",
    )
    (root / "nieuws.md").write_text(
        "---\ntitle: Nieuws over de bond\nlanguage: nl\ndoc_type: news\ndate: 2016-06\n---\n"
        "Een landelijke bond van studenten vraagt de vaste commissie om een beter onderwijs voor iedere student.\n",
        encoding="utf-8",
    )
    return root


def test_a_question_for_a_person_is_answered_by_a_name_of_a_person_not_of_a_body(tmp_path: Path) -> None:
    index = Index(ingested_index(tmp_path, _colophon))
    names = index.name_words()
    assert {"maasdam", "welling", "jorien"} <= names and not {"landelijke", "bond", "vaste"} & names
    assert lexicon.names_a_person("Auteurs: Jorien Maasdam en Pieter Welling.", names)
    assert not lexicon.names_a_person("Advies van de Landelijke Studenten Bond aan de Vaste Commissie.", names)
    ans = answer_question(index, "Wie schreven het advies over studiebeurzen van de Landelijke Studenten Bond?")
    assert "Jorien Maasdam" in ans.answer


@pytest.mark.parametrize(
    ("coverage", "missing", "cross", "weak"),
    [
        (0.15, [Constraint("name", "rechtsgeleerdheid")], False, True),  # the pinned faculty nowhere, little else said
        (0.15, [], False, False),  # the name is there
        (0.45, [Constraint("name", "rechtsgeleerdheid")], False, False),  # much of the question said: a paraphrase
        (0.15, [Constraint("name", "rechtsgeleerdheid")], True, False),  # across languages words cannot match
    ],
)
def test_a_sentence_far_from_a_name_the_question_pins_that_says_little_else_of_it_is_weak(
    coverage: float, missing: list[Constraint], cross: bool, weak: bool
) -> None:
    q = parse_question("Op welke datum in september 2023 vergaderde de faculteitsraad Rechtsgeleerdheid?")
    best = cand("De raad vergaderde op 12 september 2023.", 1.0, coverage=coverage, missing=missing, cross=cross)
    best.similarity = 0.9
    assert is_weak(q, best) is weak


def _council_report(root: Path) -> Path:
    """A student council's report that dates its meeting month first, without a year; and a distractor."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "report.md").write_text(
        "---\ntitle: Student council looks back\nlanguage: en\ndoc_type: annual report\ndate: 2022-03\n---\n"
        "The student council reviewed the housing survey in its meeting on March 14 together with the dean. "
        "Members asked for quieter study rooms near the library.\n",
        encoding="utf-8",
    )
    (root / "other.md").write_text(
        "---\ntitle: Budget news\nlanguage: en\ndoc_type: news\ndate: 2022-01\n---\n"
        "The dean presented the budget to the student council. The council asked questions about sports.\n",
        encoding="utf-8",
    )
    return root


def test_a_day_written_month_first_without_its_year_answers_on_which_date(tmp_path: Path) -> None:
    index = Index(ingested_index(tmp_path, _council_report))
    ans = answer_question(index, "On which date did the student council review the housing survey with the dean?")
    assert not ans.abstained and "March 14" in ans.answer


@pytest.mark.parametrize(
    ("question", "passage", "language", "answer"),
    [
        (
            "What is the second of the five goals in the Brakel teaching plan?",
            "Five goals ...... 3 1. Research-led learning ...... 4 2. Smaller groups ...... 7 3. Open courses ...... 9",
            "en",
            "Smaller groups",  # a table of contents run together on one line, its dot leaders and pages dropped
        ),
        (
            "Wat is de derde van de vier ambities van het Brakelse onderwijsplan?",
            "Vier ambities\n\n  1. Onderzoekend leren.\n  2. Kleinere groepen.\n"
            "  3. Meer keuzevrijheid voor studenten.\n  4. Digitale toetsing.",
            "nl",
            "Meer keuzevrijheid voor studenten.",
        ),
        ("What is the third of the four goals?", "Goals: 1. Smaller groups. 2. Open courses.", "en", None),  # no third
        ("What is the second of the goals?", "The budget rose by 2. Staff costs … 3. Rent …", "en", None),  # no goals
    ],
)
def test_a_question_for_a_lists_item_by_its_place_is_answered_by_that_numbered_item(
    question: str, passage: str, language: str, answer: str | None
) -> None:
    from planwijzer.assistant.choice import ordinal_item

    found = ordinal_item(parse_question(question), [hit(passage, language=language)])
    assert (found.text if found else None) == answer


def _plan(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "onderwijsplan.md").write_text(
        "---\ntitle: Onderwijsplan Universiteit Duinstad\nurl: https://duinstad.example/onderwijsplan\n"
        "language: nl\ninstitution: Universiteit Duinstad\n---\n\n# Onderwijsplan\n\n"
        "De universiteit wil haar onderwijs de komende jaren vernieuwen. Daarvoor formuleert zij vier ambities.\n\n"
        "Vier ambities\n\n  1. Onderzoekend leren in alle opleidingen.\n  2. Kleinere werkgroepen in het eerste jaar.\n"
        "  3. Meer keuzevrijheid in het tweede en derde jaar.\n  4. Digitale toetsing op de campus.\n\n"
        "Elke faculteit werkt de ambities uit in een eigen plan.\n",
        encoding="utf-8",
    )
    return root


def test_asking_for_a_lists_item_by_its_place_answers_with_that_item_and_cites_it(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    index = Index(ingested_index(tmp_path_factory.mktemp("ordinal"), _plan))
    ans = answer_question(index, "Wat is de derde van de vier ambities in het onderwijsplan van Duinstad?")
    assert ans.answer.startswith("Meer keuzevrijheid in het tweede en derde jaar.")
    assert ans.citations and ans.citations[0].doc_id == "onderwijsplan.md"
    assert "Meer keuzevrijheid" in ans.citations[0].quote


def _reports(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for year, pages in (("2020", (5, 12, 18, 30)), ("2021", (6, 14, 21, 33))):
        leaders = "." * 40
        contents = (
            f"Inhoud Woord vooraf {leaders} {pages[0]} Bericht van de Raad van Toezicht {leaders} {pages[1]} "
            f"1. Onderwijs {leaders} {pages[2]} 1.1 Onderwijsprijzen {leaders} {pages[2] + 2} "
            f"2. Onderzoek {leaders} {pages[3]}"
        )
        (root / f"jaarverslag-{year}.md").write_text(
            f"---\ntitle: Jaarverslag {year} Universiteit Duinstad\nurl: https://duinstad.example/jaarverslag-{year}\n"
            f"date: {int(year) + 1}-06-01\nlanguage: nl\ninstitution: Universiteit Duinstad\n---\n\n"
            f"Jaarverslag {year}\n\n{contents}\n\nWoord vooraf\n\nIn {year} groeide het aantal studenten opnieuw.\n",
            encoding="utf-8",
        )
    return root


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Index:
    return Index(ingested_index(tmp_path_factory.mktemp("reports"), _reports))


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Op welke bladzijde begint het hoofdstuk over onderwijs in het jaarverslag 2021?", "1. Onderwijs"),
        ("Op welke pagina van het jaarverslag 2020 staat het stuk over de onderwijsprijzen?", "1.1 Onderwijsprijzen"),
    ],
)
def test_a_question_for_the_page_of_a_part_is_answered_by_that_years_contents_entry(
    reports: Index, question: str, entry: str
) -> None:
    year = "2021" if "2021" in question else "2020"
    page = {"1. Onderwijs": {"2020": "18", "2021": "21"}, "1.1 Onderwijsprijzen": {"2020": "20", "2021": "23"}}
    ans = answer_question(reports, question)
    assert ans.answer.startswith(entry) and page[entry][year] in ans.answer
    assert ans.citations[0].doc_id == f"jaarverslag-{year}.md"


def test_a_page_question_for_a_part_the_contents_do_not_list_gets_no_entry(reports: Index) -> None:
    from planwijzer.assistant.choice import page_entry

    question = parse_question("Op welke pagina staat het stuk over huisvesting in het jaarverslag 2021?")
    hits = reports.search(question.text, None, k=5).hits
    assert hits and page_entry(question, hits, reports) is None


@pytest.mark.parametrize(
    ("best", "following", "brought"),
    [
        # the claim, then its reason
        (
            "Some groups of students face particular challenges at university, among them students from abroad.",
            "They may feel lonely or homesick more intensely.",
            True,
        ),
        # the best sentence gives its reason itself: it stands alone
        (
            "Students from abroad need attention because they often feel lonely.",
            "The award ceremony took place in March.",
            False,
        ),
        # the next sentence is a heading or a question: nothing joins
        ("Some groups of students face particular challenges at university.", "Who won the award?", False),
    ],
)
def test_a_why_questions_best_sentence_without_a_reason_brings_the_one_after_it(
    best: str, following: str, brought: bool
) -> None:
    q = parse_question("Why do students from abroad need extra attention for their well-being?")
    assert q.kind == "why"
    chosen = [c.text for c in compose(q, [cand(best, 1.0, following=[following, "More news."])], 600)]
    assert chosen == ([best, following] if brought else [best])


@pytest.mark.parametrize(
    ("following", "joined", "brought"),
    [
        # the definition goes on in its paragraph, about what the question or the best sentence names
        ("The council's opinion weighs heavily, and a consensus with the board is always sought.", True, True),
        # another paragraph: a new topic begins
        ("The council's opinion weighs heavily, and a consensus with the board is always sought.", False, False),
        # shares no word with the question or the best sentence
        ("A great effort is always made.", True, False),
        # a heading or a question is no continuation
        ("Rights of the council?", True, False),
    ],
)
def test_an_open_questions_best_sentence_brings_the_next_one_of_its_paragraph(
    following: str, joined: bool, brought: bool
) -> None:
    q = parse_question("What is typical of the Leiden model of participation?")
    assert q.kind == "what"
    best = "The Leiden model of participation gives the council a say in all matters."
    chosen = [c.text for c in compose(q, [cand(best, 1.0, following=[following], next_joined=joined)], 600)]
    assert chosen == ([best, following] if brought else [best])


def test_a_sentence_goes_on_in_its_paragraph_only_without_a_line_break_between() -> None:
    from planwijzer.assistant.candidates import joined

    text = "First sentence here. Second one follows.\n\nA new paragraph starts."
    assert joined(text, "First sentence here.", "Second one follows.")
    assert not joined(text, "Second one follows.", "A new paragraph starts.")


@pytest.mark.parametrize(
    ("runner_doc", "share", "joins"),
    [
        ("a.md", 0.8, True),  # the same document says more on what is asked, in other words than the question's
        ("a.md", 0.45, True),  # down to SAME_DOC_SHARE of the best's score
        ("a.md", 0.3, False),  # below it: a sentence on something else
        ("b.md", 0.9, False),  # another document's sentence still has to add a question word
    ],
)
def test_a_close_runner_up_of_the_best_sentences_document_joins_it(runner_doc: str, share: float, joins: bool) -> None:
    q = parse_question("Wat beloofde het college in december aan de raad?")
    best = cand("Het college beloofde de raad een fonds van twee miljoen.", 1.0, matched={"college", "raad"})
    other = "Daarnaast zegde het bestuur toe de leden intensief bij de volgende begroting te betrekken."
    runner = cand(other, share, hit=hit(other, doc=runner_doc), matched={"college"})
    chosen = [c.text for c in compose(q, [best, runner], 600)]
    assert (other in chosen) == joins


def test_an_answer_holds_up_to_four_chosen_sentences() -> None:
    q = parse_question("Wat beloofde het college in december aan de raad?")
    best = cand("Het college beloofde de raad een fonds van twee miljoen.", 1.0, matched={"college", "raad"})
    others = [
        "Daarnaast zegde het bestuur toe de leden bij de begroting te betrekken.",
        "Ook komt er een jaarlijkse evaluatie van het fonds.",
        "Verder worden de opleidingscommissies om advies gevraagd.",
        "Tot slot wordt de website vernieuwd.",
    ]
    runners = [cand(t, 0.9 - 0.05 * i, hit=hit(t, doc="a.md"), matched={"college"}) for i, t in enumerate(others)]
    chosen = [c.text for c in compose(q, [best, *runners], 600)]
    assert chosen == [best.text, *others[:3]]

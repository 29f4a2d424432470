"""HTML rendering: document text is escaped, query words are highlighted, answer markers link to source cards."""

from __future__ import annotations

from planwijzer.ui import render
from planwijzer.ui.catalog import DocInfo, Passage

EVIL = 'Notulen <script>window.__pwned=1</script> <img src=x onerror="alert(1)"> & bestedingsplan'


def _turn(answer: str, quote: str = EVIL, abstained: bool = False) -> dict:
    cite = {"n": 1, "doc_id": "a.md", "title": "<b>Titel</b>", "url": "https://x.example/a?b=1&c=2", "page": 3,
            "date": "2022-03-14", "quote": quote, "heading": "Kop <i>"}  # fmt: skip
    return {
        "question": "Wat staat er in het bestedingsplan?",
        "answer": {"answer": answer, "language": "nl", "abstained": abstained, "citations": [cite], "related": []},
        "vote": None,
    }


def test_highlight_escapes_and_marks_by_stem():
    html = render.highlight(EVIL, "Wat zegt het bestedingsplan over notulen?")
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    assert "<mark>bestedingsplan</mark>" in html and "<mark>Notulen</mark>" in html
    assert "&amp;" in html


def test_highlight_matches_inflections_and_compounds_not_stopwords():
    html = render.highlight("De universiteitsraad stemde in met de plannen.", "plan raad de")
    assert "<mark>plannen</mark>" in html  # same stem
    assert "<mark>universiteitsraad</mark>" not in html  # tail "raad" is shorter than COMPOUND_TAIL
    assert "<mark>De</mark>" not in html and "<mark>de</mark>" not in html
    assert "<mark>universiteitsraad</mark>" in render.highlight("De universiteitsraad", "raad universiteitsraad")


def test_markers_link_to_source_cards():
    html = render.turn_html(_turn("Het plan kost geld. [1] Onbekend [7]"), 2, "nl")
    assert 'href="#pw-t2-s1"' in html and 'data-target="pw-t2-s1"' in html
    assert 'id="pw-t2-s1"' in html
    assert "[7]" in html and "pw-t2-s7" not in html  # a marker without a source stays plain text


def test_source_card_escapes_all_fields():
    html = render.turn_html(_turn("Antwoord [1]"), 0, "nl")
    assert "<script>" not in html and "<b>Titel" not in html and "<i>" not in html
    assert "&lt;b&gt;Titel&lt;/b&gt;" in html
    assert 'href="https://x.example/a?b=1&amp;c=2"' in html
    assert "p. 3" in html and "2022-03-14" in html


def test_unsafe_urls_are_not_linked():
    assert render.safe_url("javascript:alert(1)") is None
    assert render.safe_url("data:text/html,x") is None
    assert render.safe_url("https://ok.example/x") == "https://ok.example/x"
    turn = _turn("Antwoord [1]")
    turn["answer"]["citations"][0]["url"] = "javascript:alert(1)"
    assert "javascript:" not in render.turn_html(turn, 0, "nl")


def test_streaming_keeps_final_layout_with_hidden_rest():
    turn = _turn("Een twee drie vier. [1]")
    html = render.turn_html(turn, 0, "nl", shown=2)
    assert 'aria-busy="true"' in html
    assert '<span class="pw-pending" aria-hidden="true">drie vier. [1]</span>' in html
    assert "disabled" in html  # no voting before the answer is complete
    done = render.turn_html(turn, 0, "nl")
    assert "pw-pending" not in done and 'aria-busy="false"' in done and "disabled" not in done


def test_abstained_answer_and_english_interface():
    html = render.turn_html(_turn("Dit staat niet in de documenten.", abstained=True), 0, "en")
    assert "pw-abstained" in html and "Sources" in html and "Helpful" in html


def test_results_browse_and_documents_escape():
    p = Passage("c1", EVIL, "<b>T</b>", "t.md", None, "2021-02", 2021, "council", "Uni", "nl", 2, "<h1>", 0.5)
    html = render.results_html([p], "notulen", "nl", has_more=True)
    assert "<script>" not in html and "<mark>Notulen</mark>" in html and 'data-year="2021"' in html
    assert "1+ resultaten" in html and "raadsstuk" in html
    d = DocInfo("d", "<script>x</script>", None, None, "news", None, "en", None, 2, "2024-01-01T10:00:00", EVIL)
    for html in (render.browse_html([d], "en"), render.documents_html([d], "en")):
        assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt;" in html
    assert "no_results" not in render.results_html([], "x", "nl")


def test_search_results_say_what_a_mistyped_word_was_searched_for():
    p = Passage("c1", "Het bestedingsplan <b>2022</b>.", "Plan", "plan.md", None, "2022-03", 2022, "plan", None, "nl",
                None, None, 0.5)  # fmt: skip
    html = render.results_html([p], "het bestedingsplan", "nl", corrected=[("bestedingspaln", "bestedingsplan")])
    assert "Gezocht naar “bestedingsplan” (getypt: “bestedingspaln”)." in html
    assert "<mark>bestedingsplan</mark>" in html and "<b>2022</b>" not in html
    assert "pw-corrected" not in render.results_html([p], "het bestedingsplan", "nl")
    assert "pw-corrected" in render.results_html([], "x", "en", corrected=[("<x>", "y")])
    assert "<x>" not in render.results_html([], "x", "en", corrected=[("<x>", "y")])


def test_search_results_and_decisions_link_to_the_passage():
    from planwijzer.ingest.decisions import Decision

    text = "Op 14 maart 2022 stemde de Universiteitsraad in met het bestedingsplan."
    url = "https://duinstad.example/plan"
    p = Passage("c1", text, "Plan", "plan.md", url, "2022-03", 2022, "plan", "Uni", "nl", None, None, 0.5)
    assert f'href="{url}#:~:text=' in render.results_html([p], "plan", "nl")
    rec = Decision("2022-03-14", "14 maart 2022", "Universiteitsraad", "consent", "plan", False, "a.md", "a.md#0",
                   None, text)  # fmt: skip
    doc = DocInfo("a.md", "Plan", "2022-03-14", 2022, "plan", None, "nl", url, 1, None, "")
    assert f'href="{url}#:~:text=Op%2014%20maart' in render.decisions_html([rec], {"a.md": doc}, "nl")


def test_decision_timeline_escapes_document_text():
    from planwijzer.ingest.decisions import Decision

    rec = Decision("2022-03-14", "14 maart <b>2022</b>", "Universiteitsraad", "consent", "het <i>plan</i>", False,
                   "a.md", "a.md#0", 2, EVIL)  # fmt: skip
    doc = DocInfo("a.md", "<b>Titel</b>", "2022-03-14", 2022, "plan", None, "nl", "javascript:alert(1)", 1, None, "")
    html = render.decisions_html([rec], {"a.md": doc}, "en")
    assert "<script>" not in html and "<img" not in html and "<b>" not in html and "<i>" not in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html and "&lt;b&gt;Titel&lt;/b&gt;" in html
    assert "14 maart &lt;b&gt;2022&lt;/b&gt;" in html and "consent" in html and "p. 2" in html
    assert "javascript:" not in html  # unsafe link dropped
    assert '<section class="pw-year" data-year="2022"><h3>2022</h3>' in html
    assert "No decisions found" in render.decisions_html([], {}, "en")


def test_decision_count_is_pluralised_and_bodies_follow_the_interface_language():
    from planwijzer.ingest.decisions import BODIES, Decision
    from planwijzer.ui.i18n import body_label

    from planwijzer.messages import BODY_NAMES_EN

    def rec(body: str) -> Decision:
        return Decision("2022-03-14", "14 maart 2022", body, "approve", "het plan", False, "a.md", "a.md#0", None, "x")

    one, two = [rec("Universiteitsraad")], [rec("Universiteitsraad"), rec("Ministerie van OCW")]
    counts = {
        (n, lang): render.decisions_html(records, {}, lang)
        for n, records in ((1, one), (2, two))
        for lang in ("nl", "en")
    }
    assert ">1 besluit<" in counts[1, "nl"] and ">2 besluiten<" in counts[2, "nl"]
    assert ">1 decision<" in counts[1, "en"] and ">2 decisions<" in counts[2, "en"]
    english, dutch = counts[2, "en"], counts[2, "nl"]
    assert "University Council" in english and "Ministry of Education, Culture and Science" in english
    assert "Universiteitsraad ·" not in english and 'data-body="Universiteitsraad"' in english  # filters keep the key
    assert "Universiteitsraad ·" in dutch and "University Council" not in dutch
    assert set(BODIES) <= set(BODY_NAMES_EN)  # every canonical body has an English name
    assert body_label("Faculteitsraad", "en") == "Faculty Council"
    assert body_label("Faculteitsraad", "nl") == "Faculteitsraad"


def test_a_passage_in_another_language_highlights_the_querys_translations():
    text = "De Universiteitsraad stemde in met de begroting voor 2021."
    p = Passage("c1", text, "Besluit", "b.md", None, "2021-01", 2021, "council", None, "nl", None, None, 0.5,
                also=["begroting"])  # fmt: skip
    html = render.results_html([p], "budget of the council", "en")
    assert "<mark>begroting</mark>" in html
    plain = Passage("c1", text, "Besluit", "b.md", None, "2021-01", 2021, "council", None, "nl", None, None, 0.5)
    assert "<mark>" not in render.results_html([plain], "budget of the council", "en")


def test_search_passages_carry_the_translations_only_in_the_other_language(index) -> None:
    from planwijzer.assistant.retrieval import Filters
    from planwijzer.ui import catalog

    passages = catalog.search(index, "budget of the university council", Filters(), 10)
    dutch = [p for p in passages if p.language == "nl"]
    english = [p for p in passages if p.language == "en"]
    assert dutch and english and all("begroting" in p.also for p in dutch)
    assert all(p.also == [] for p in english)
    assert passages[0].to_json()["also"] == passages[0].also

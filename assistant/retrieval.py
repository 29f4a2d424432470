"""Hybrid retrieval: multilingual dense search (Chroma) + BM25 (stemmed Dutch/English), fused.

Both retrievers contribute their top candidates; every candidate then gets *exact* scores from both
(its stored vector's cosine to the query, its BM25 score), and the default convex fusion ranks by
``w·z(cosine) + (1-w)·z(BM25)`` with the scores standardised over this query's candidates (w = 0.45).
Measured with ``planwijzer eval`` and ``planwijzer bench`` (see README): against weighted reciprocal-rank
fusion (the former default, ``PLANWIJZER_FUSION=rrf``, w=0.35, k=10) it ranked the gold passage first
more often on the real corpus (MRR 0.856 → 0.913) and, with 100k distractor chunks added, kept
recall@5 at 0.932 where rank fusion fell to 0.864: rank fusion let text that merely repeats the query's
words outrank passages whose meaning is close. Dense keeps cross-lingual questions working.

A second multilingual dense lane (USE multilingual v3, ``second_dense``) adds its own top candidates from an
in-memory matrix of every chunk's vector, and the fusion is language-aware (``cross_lingual_bm25``): a candidate
in another language than the question is not sunk by BM25 finding none of the question's words in it. On the two
question files (``planwijzer eval``) this took recall@5 0.955 → 0.977 and 0.738 → 0.857 (cross-lingual 0.818 →
0.909 and 0.286 → 0.571), MRR 0.917 → 0.925 and 0.658 → 0.702. The question's words are also translated into the
other language through the second lane's word vectors (``translate_words``, :mod:`~planwijzer.assistant.translation`):
BM25 with the translated words adds candidates and scores the passages in that language. Near-duplicate hits (two
versions or copies of a page) are collapsed to one.
"""

from __future__ import annotations

import copy
import math
import re
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from planwijzer.assistant.dedup import same_signature, signature
from planwijzer.assistant.lexicon import distinctive_name_words, inflections_of, written_as_names
from planwijzer.assistant.question import cap_question
from planwijzer.assistant.spelling import correct, vocabulary
from planwijzer.assistant.translation import translate, words_of
from planwijzer.assistant.truecase import truecase, written_forms
from planwijzer.ingest.decisions import Decision
from planwijzer.ingest.embedders import get_embedder, get_second_embedder
from planwijzer.ingest.language import ALL_STOPWORDS, detect_language
from planwijzer.ingest.lexical import LexicalIndex, lexical_subset
from planwijzer.ingest.store import IndexStore, open_store, use_matrix
from planwijzer.ingest.tokens import query_stems, word_stems
from planwijzer.ingest.vocabulary import WordTable, word_counts, word_table
from pydantic import ConfigDict

from planwijzer.access import PUBLIC, Reader, readable_labels
from planwijzer.config import Settings


@dataclass(frozen=True)
class Filters:
    """Metadata filters; None means "any"."""

    year_from: int | None = None
    year_to: int | None = None
    doc_type: str | None = None
    institution: str | None = None
    language: str | None = None

    def is_empty(self) -> bool:
        return all(v is None for v in (self.year_from, self.year_to, self.doc_type, self.institution, self.language))

    def chroma_where(self) -> dict | None:
        """The same filter as a Chroma ``where`` clause."""
        clauses: list[dict] = []
        if self.year_from is not None:
            clauses.append({"year": {"$gte": int(self.year_from)}})
        if self.year_to is not None:
            clauses.append({"year": {"$lte": int(self.year_to)}})
        for key in ("doc_type", "institution", "language"):
            value = getattr(self, key)
            if value is not None:
                clauses.append({key: {"$eq": value}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}

    def matches(self, meta: dict) -> bool:
        """True when a chunk's metadata passes every filter (a missing year fails a year filter)."""
        year = meta.get("year")
        if self.year_from is not None and (year is None or int(year) < self.year_from):
            return False
        if self.year_to is not None and (year is None or int(year) > self.year_to):
            return False
        return all(
            getattr(self, key) is None or meta.get(key) == getattr(self, key)
            for key in ("doc_type", "institution", "language")
        )


@dataclass
class Hit:
    """A retrieved chunk with its fused score and its rank in each retriever (None = not found there)."""

    chunk_id: str
    text: str
    meta: dict
    score: float
    dense_rank: int | None = None
    bm25_rank: int | None = None
    dense_score: float | None = None
    bm25_score: float | None = None
    use_rank: int | None = None
    use_score: float | None = None


@dataclass
class SearchResult:
    hits: list[Hit]
    timings_ms: dict[str, float] = field(default_factory=dict)
    query_vector: list[float] = field(default_factory=list, repr=False)
    translations: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    """The question's words in the other language (:func:`assistant.translation.translate`), for word coverage."""
    corrected: list[tuple[str, str]] = field(default_factory=list)
    """The query's mistyped words and what was searched for instead (:meth:`Index.normalise`)."""
    searched: str = ""
    """The query as it was searched for (cut to length, mistyped words corrected, names capitalised)."""
    language: str = ""
    """The language the query was detected in (on the query alone, not its context)."""


@dataclass
class Sentence:
    """A stored sentence of a chunk, with its similarity to the query."""

    position: int
    text: str
    similarity: float


def fuse_lanes(
    lanes: dict[str, dict[str, float]],
    weights: dict[str, float],
    cross: set[str] = frozenset(),
    cross_lingual_bm25: str = "lift",
    cross_weights: dict[str, float] | None = None,
) -> dict[str, float]:
    """Convex fusion over any number of lanes (``name → {candidate: exact score}``, every lane scoring every
    candidate of the first), language-aware: ``w_lane · z(score)`` summed, where ``z`` standardises a lane's scores
    over this query's candidates, squashed into (0, 1).

    Unlike rank fusion it keeps *how much* better a candidate is: a passage that BM25 ranks first only because it
    repeats the query's words, while its meaning is far from the question, no longer wins (Bruch et al., "An
    Analysis of Fusion Functions for Hybrid Retrieval", 2023).

    For a candidate in ``cross`` (its language differs from the question's) BM25 carries no signal: with
    ``renormalise`` it is fused from the other lanes alone, their weights scaled to sum to 1; ``lift`` takes the
    better of that and the full fusion (what both languages write alike — names, dates, numbers, codes — still
    counts, a missing match does not); with ``neutral`` its BM25 term is the candidates' average (z = 0); with
    ``keep`` it is treated like the rest. ``cross_weights`` (default ``weights``) weigh the other lanes for such a
    candidate: a multilingual lane may deserve more weight across languages than within one.
    """
    ids = list(next(iter(lanes.values()), {}))
    if not ids:
        return {}
    z = {
        name: _standardise(np.fromiter((scores.get(c, 0.0) for c in ids), dtype=np.float64, count=len(ids)))
        for name, scores in lanes.items()
    }
    fused = sum(weights[name] * z[name] for name in lanes)
    if cross and "bm25" in lanes and cross_lingual_bm25 != "keep":
        is_cross = np.fromiter((c in cross for c in ids), dtype=bool, count=len(ids))
        across = cross_weights or weights
        other = sum(across[name] * z[name] for name in lanes if name != "bm25")
        if cross_lingual_bm25 in ("renormalise", "lift"):
            total = sum(across[name] for name in lanes if name != "bm25")
            other = other / total if total > 0 else other
        if cross_lingual_bm25 == "lift":  # words both languages share (names, dates, numbers) may still count
            other = np.maximum(other, fused)
        fused = np.where(is_cross, other, fused)
    return dict(zip(ids, (1.0 / (1.0 + np.exp(-fused))).tolist(), strict=True))


def collapse_near_duplicates(hits: list[Hit], k: int, margin: float) -> list[Hit]:
    """The best ``k`` of ``hits`` (best first) with near-duplicates (two versions or copies of one passage, as
    :func:`assistant.dedup.near_duplicate` decides) collapsed to one: the better-ranked, unless the other has a newer
    ``date`` and a score within ``margin`` (a share of the better score)."""
    signs = [signature(h.text) for h in hits]  # once per hit, not once per pair

    kept: list[int] = []
    for i, hit in enumerate(hits):
        twin = next((n for n, j in enumerate(kept) if same_signature(signs[i], signs[j])), None)
        if twin is None:
            if len(kept) < k:
                kept.append(i)
            continue
        other = hits[kept[twin]]
        newer = str(hit.meta.get("date") or "") > str(other.meta.get("date") or "")
        if newer and hit.score >= other.score * (1.0 - margin):
            kept[twin] = i
    return sorted((hits[i] for i in kept), key=lambda h: -h.score)


def _standardise(x: np.ndarray) -> np.ndarray:
    return (x - x.mean()) / (x.std() + 1e-9)


def fuse(rankings: list[tuple[list[str], float]], k: int) -> dict[str, float]:
    """Weighted reciprocal-rank fusion of several rankings ``(ids best-first, weight)``."""
    scores: dict[str, float] = {}
    for ids, weight in rankings:
        for rank, chunk_id in enumerate(ids):
            scores[chunk_id] = scores.get(chunk_id, 0.0) + weight / (k + rank + 1)
    return scores


MEMO_ENTRIES = 64
"""How many values :meth:`Index.memo` keeps per generation."""


class Index:
    """An opened index ready for queries: the :class:`~ingest.store.IndexStore`, the embedders, and the in-memory
    state derived from the store's caches (the BM25 side, the second dense lane's matrix, lookups by chunk).

    One instance per process serves any number of threads. It is current with the store as of the last
    :meth:`refresh`: call that at the start of each request (a CLI command, a web-app handler), so an ingest by
    another process is picked up. Reading the index (:attr:`lexical`, :meth:`search`, ...) never refreshes it.
    """

    def __init__(self, settings: Settings, store: IndexStore | None = None) -> None:
        self.settings = settings
        self.store = store or open_store(settings)
        manifest = self.store.manifest()
        if manifest.embedder and manifest.embedder != settings.index.embedder:
            raise RuntimeError(
                f"{self.store.location} was built with embedder '{manifest.embedder}' but "
                f"'{settings.index.embedder}' is configured; set PLANWIJZER_EMBEDDER={manifest.embedder} or re-run "
                "`planwijzer ingest --rebuild`"
            )
        self.embedder = get_embedder(settings.index.embedder)
        self.vectorstore = self.store.vectorstore(self.embedder)
        """The chunks through langchain-chroma (the LangChain face; dense search goes through it)."""
        self.chunk_collection = self.store.chunk_collection()
        self.sentence_collection = self.store.sentence_collection()
        self.second = get_second_embedder(settings.index.second_dense)
        self.use_collection = self.store.use_collection() if self.second is not None else None
        self._use: np.ndarray | None = None
        self._words: WordTable | None = None
        """The vocabulary's word vectors (second lane), for translating a question's words (None: lane off)."""
        """The second lane's vectors of every chunk, rows in :attr:`lexical` order (None: lane off)."""
        self._lock = threading.Lock()
        self._lex: LexicalIndex | None = None
        self._id_pos: dict[str, int] = {}
        self._by_place: dict[tuple, int] = {}
        self._filter_cache: dict[Filters, np.ndarray] = {}
        self._institution_words: frozenset[str] | None = None
        self._decisions: dict[bool, list[Decision]] = {}
        self._views: dict[frozenset[str], Index] = {}
        self._labels: frozenset[str] = frozenset()
        """The access labels of the chunks, as of the last refresh."""
        self._access_where: dict | None = None
        """A reader's view (:meth:`for_reader`): the Chroma clause keeping dense search to its labels."""
        self._is_view = False
        self._query_vectors: OrderedDict[tuple[str, int, int], tuple] = OrderedDict()
        """The latest questions' embeddings (:meth:`_embed_query`): they do not depend on the index's content."""
        self._query_lock = threading.Lock()
        self.refresh()

    def refresh(self) -> bool:
        """Bring this index in step with the store's generation: the BM25 side (rebuilt from Chroma when its cache
        lags), the second dense lane's matrix (vectors an older index lacks are embedded and stored then), the
        decision records (with a Chroma server a local cache, rebuilt when the server's generation moved on) and
        the lookups derived from them. Cheap when nothing changed (one generation read). Returns whether anything
        was reloaded."""
        if self._is_view:  # a reader's view is a snapshot: refresh the index it came from, then ask for a new view
            return False
        generation = self.store.generation()
        with self._lock:
            if self._lex is not None and self._lex.generation == generation:
                return False
            lex = self.store.lexical(generation)
            self.store.refresh_decisions(lex)
            seen = self._views
            use = use_matrix(self.use_collection, lex, self.second) if self.second is not None else None
            self._load(lex, use)
            self._words = word_table(self.store.dir, lex, self.second) if self.second is not None else None
            if seen:  # readers came with these labels before: have their views ready for the next request
                threading.Thread(target=self._warm, args=(lex, list(seen)), daemon=True).start()
            return True

    def _load(self, lex: LexicalIndex, use: np.ndarray | None) -> None:
        """Hold ``lex`` (and the second lane's matrix ``use`` in its row order) with everything derived from it: the
        lookups by chunk and by place, the access labels, and empty caches (filters, institution words, decision
        lists, readers' views, :meth:`memo`)."""
        self._lex, self._use = lex, use
        self._id_pos = {cid: i for i, cid in enumerate(lex.ids)}
        self._by_place = {(m.get("doc_id"), m.get("position")): i for i, m in enumerate(lex.metas)}
        self._labels = frozenset(str(m.get("access") or PUBLIC) for m in lex.metas)
        self._filter_cache, self._institution_words, self._decisions, self._views = {}, None, {}, {}
        self._memo: dict = {}

    def _warm(self, lex: LexicalIndex, label_sets: list[frozenset[str]]) -> None:
        """Build the views for ``label_sets`` over ``lex`` in the background (a request that comes first builds its
        own); dropped when the index moved on meanwhile."""
        for allowed in label_sets:
            allowed = allowed & self._labels
            if self._lex is not lex or allowed == self._labels or allowed in self._views:
                continue
            view = self._view(lex, allowed)
            with self._lock:
                if self._lex is lex:
                    self._views.setdefault(allowed, view)

    def for_reader(self, who: Reader) -> Index:
        """This index as ``who`` may read it, as of the last :meth:`refresh` (see :mod:`planwijzer.access`).

        When ``who`` may read every document, that is this index itself. Otherwise it is a view holding only the
        chunks ``who`` may read: its BM25 is built over them alone (a restricted chunk can neither take a place in
        a ranking nor change a score), its second-lane matrix and lookups are theirs, dense search adds the access
        labels to the Chroma ``where`` clause, and decision records are those of its documents. So everything read
        through it (answers, citations, related passages, search, decisions, documents) is what ``who`` may read,
        and counts and scores are those of an index without the other documents. Views are kept per set of labels
        until the next refresh."""
        with self._lock:  # one generation's chunks, labels and views (a refresh swaps all three under this lock)
            lex, labels, views = self.lexical, self._labels, self._views
        allowed = readable_labels(labels, who)
        if allowed == labels:
            return self
        view = views.get(allowed)
        if view is None:
            view = self._view(lex, allowed)
            with self._lock:
                if self._lex is lex:  # kept only while its generation is current
                    view = self._views.setdefault(allowed, view)
        return view

    def _view(self, lex: LexicalIndex, allowed: frozenset[str]) -> Index:
        rows = [i for i, m in enumerate(lex.metas) if str(m.get("access") or PUBLIC) in allowed]
        view = copy.copy(self)  # shares the store, the embedders and the collections
        view._is_view, view._lock = True, threading.Lock()
        use = self._use[rows] if self._use is not None and len(self._use) == len(lex) else None
        view._load(lexical_subset(lex, rows), use)
        view._access_where = {"access": {"$in": sorted(allowed)}}
        if self._words is not None:  # only the words of the documents this reader may read
            view._words = self._words.within(word_counts(view.lexical))
        return view

    @property
    def lexical(self) -> LexicalIndex:
        """The BM25 side with every chunk's text and metadata, as of the last :meth:`refresh`."""
        lex = self._lex
        if lex is None:  # only while __init__ runs, before its refresh
            raise RuntimeError("the index is not loaded yet")
        return lex

    def decisions(
        self,
        body: str | None = None,
        year_from: int | None = None,
        year_to: int | None = None,
        text: str | None = None,
        dedupe: bool = True,
        institution: str | None = None,
    ) -> list[Decision]:
        """The decision records in chronological order, filtered by body (any Dutch or English name), years,
        institution and words (see :meth:`~ingest.decision_store.DecisionRecords.query`), read from the local records
        that :meth:`refresh` keeps in step with the store. The unfiltered lists are read once and kept until a
        refresh reloads the index."""
        if body is None and year_from is None and year_to is None and text is None and institution is None:
            cached = self._decisions.get(dedupe)
            if cached is None:
                cached = self._decisions[dedupe] = self._readable(self.store.decisions(dedupe=dedupe))
            return cached
        return self._readable(self.store.decisions(body, year_from, year_to, text, dedupe, institution=institution))

    def _readable(self, records: list[Decision]) -> list[Decision]:
        """The records of this view's documents (a record carries its document's access label)."""
        return [r for r in records if r.access in self._labels] if self._is_view else records

    def _embed_query(self, text: str, mode: str) -> tuple[list[float], np.ndarray | None]:
        """``text``'s embedding and its second lane's (None unless ``mode`` is hybrid and the lane is on), kept for
        the latest ``retrieval.query_cache`` questions: an answer may search again for the same question within one
        source (:func:`~planwijzer.assistant.answer.named_source_passages`)."""
        keep = self.settings.retrieval.query_cache
        second = self.second if mode == "hybrid" else None
        key = (text, id(self.embedder), id(second))  # a lane switched off or swapped is not served another's vectors
        with self._query_lock:
            found = self._query_vectors.get(key)
            if found is not None:
                self._query_vectors.move_to_end(key)
                return found
        vector = self.embedder.embed_query(text)
        use_vector = second.embed_query_array(text) if second is not None else None
        with self._query_lock:
            self._query_vectors[key] = (vector, use_vector)
            while len(self._query_vectors) > keep:
                self._query_vectors.popitem(last=False)
        return vector, use_vector

    def memo(self, key: tuple, make):
        """``make()``, computed once per ``key`` until a refresh loads another generation (for values derived from the
        index that a request would otherwise read again, e.g. the timeline's sentence vectors)."""
        if key not in self._memo:
            if len(self._memo) >= MEMO_ENTRIES:  # many filter combinations: start over rather than grow
                self._memo.clear()
            self._memo[key] = make()
        return self._memo[key]

    def row_of(self, chunk_id: str) -> int | None:
        """The row of ``chunk_id`` in :attr:`lexical` (None when this index or view does not hold it)."""
        return self._id_pos.get(chunk_id)

    def row_at(self, doc_id: str, position: int) -> int | None:
        """The row in :attr:`lexical` of document ``doc_id``'s chunk at ``position`` (None when there is none)."""
        return self._by_place.get((doc_id, position))

    def doc_rows(self, doc_id: str) -> list[int]:
        """The rows in :attr:`lexical` of document ``doc_id``'s chunks in reading order (empty when it is not here)."""
        rows: list[int] = []
        while (row := self._by_place.get((doc_id, len(rows)))) is not None:
            rows.append(row)
        return rows

    def neighbour_text(self, meta: dict, offset: int) -> str | None:
        """The text of the chunk ``offset`` places after (negative: before) the chunk with metadata ``meta``."""
        lex = self.lexical
        pos = self._by_place.get((meta.get("doc_id"), int(meta.get("position", -99)) + offset))
        return lex.texts[pos] if pos is not None else None

    def institution_words(self) -> frozenset[str]:
        """The words that name one of the indexed documents' institutions ("utrecht", "radboud"; see
        :func:`assistant.lexicon.distinctive_name_words`), worked out once per index generation."""
        words = self._institution_words
        if words is None:
            words = self._institution_words = distinctive_name_words(self._institution_names(), self.lexical.texts)
        return words

    def name_words(self) -> frozenset[str]:
        """The words the indexed texts write only as names (:func:`assistant.lexicon.written_as_names`), worked out
        once per index generation."""
        return self.memo(("name words",), lambda: written_as_names(self.lexical.texts))

    def document_words(self, doc_id: str) -> frozenset[str]:
        """The words (lower case, three letters or more) of document ``doc_id``: its chunks and title, worked out once
        per document and index generation."""
        known: dict[str, frozenset[str]] = self.memo(("document words",), dict)
        if doc_id not in known:
            rows = self.doc_rows(doc_id)
            texts = [self.lexical.texts[row] for row in rows]
            texts += [str(self.lexical.metas[rows[0]].get("title") or "")] if rows else []
            known[doc_id] = frozenset(re.findall(r"[a-zà-ÿ]{3,}", " ".join(texts).lower()))
        return known[doc_id]

    def home_words(self, institution: str) -> frozenset[str]:
        """The institutions (as :meth:`institution_words`) that at least half of the documents of ``institution`` (as
        the metadata writes it) name: a university's own name, or a student paper's home university, named in most of
        its articles though not in each (empty for an institution whose documents name none)."""
        homes: dict[str, frozenset[str]] = self.memo(("home words",), dict)
        if institution not in homes:
            known = self.institution_words()
            docs = {str(m.get("doc_id")) for m in self.lexical.metas if str(m.get("institution") or "") == institution}
            counts: dict[str, int] = {}
            for doc_id in docs:
                for word in self.document_words(doc_id) & known:
                    counts[word] = counts.get(word, 0) + 1
            homes[institution] = frozenset(w for w, n in counts.items() if 2 * n >= len(docs))
        return homes[institution]

    def _institution_names(self) -> frozenset[str]:
        """The institutions of the indexed documents, as their metadata writes them."""
        return frozenset(str(m["institution"]) for m in self.lexical.metas if m.get("institution"))

    def institutions_named(self, word: str) -> list[str]:
        """The institutions of the indexed documents (as their metadata writes them) that ``word`` names by one of
        their distinctive words (:meth:`institution_words`; "volkskrant" → "de Volkskrant", "Tilburgse" → "Tilburg
        University"); empty when it names none."""
        known = inflections_of(word.lower(), self.institution_words())
        if not known:
            return []
        names = self.memo(
            ("institution names",),
            lambda: {n: set(re.findall(r"[a-zà-ÿ]{3,}", n.lower())) for n in self._institution_names()},
        )
        return sorted(name for name, words in names.items() if words.intersection(known))

    def truecase(self, text: str) -> str:
        """``text`` typed all in lower case with the capitals the index writes its words with
        (:mod:`~planwijzer.assistant.truecase`; the casing is learnt once per index generation); else ``text``."""
        if not self.settings.retrieval.truecase or any(c.isupper() for c in text):
            return text
        return truecase(text, self.memo(("written_forms",), lambda: written_forms(self.lexical.texts)))

    def spell(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        """``text`` with its mistyped words corrected from the index's vocabulary (:mod:`~.spelling`; the vocabulary
        is read once per index generation), and the ``(typed, corrected)`` pairs. A word is known when it is a
        function word or BM25 knows one of its stems ("voorzitters", "office")."""
        if not self.settings.retrieval.correct_spelling:
            return text, []
        counts, letters = self.memo(("vocabulary",), self._vocabulary)
        bm25 = self.lexical.bm25
        stems = bm25.vocab_dict if bm25 is not None else {}

        def known(word: str) -> bool:
            return word in ALL_STOPWORDS or any(s in stems for s in word_stems(word))

        return correct(text, counts, letters, known)

    def _vocabulary(self) -> tuple[dict[str, int], str]:
        """The words of the index with their chunk counts: the word table's when the second lane built one (its most
        frequent words, counted once at load), else counted from the chunks."""
        table = self._words
        if table is not None and len(table):
            return vocabulary(dict(zip(table.words, map(tuple, table.counts.tolist()), strict=True)))
        return vocabulary(word_counts(self.lexical))

    def normalise(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        """``text`` as the index writes it: mistyped words corrected (:meth:`spell`), then, when it has no capital,
        its names capitalised (:meth:`truecase`); with the ``(typed, corrected)`` pairs."""
        text, corrected = self.spell(text)
        return self.truecase(text), corrected

    def chunk_count(self) -> int:
        """The chunks in the index, as of the last :meth:`refresh`."""
        return len(self.lexical)

    def idf(self, stems: frozenset[str] | set[str]) -> float:
        """BM25-style inverse document frequency of a word given as its possible stems (rarest wins)."""
        lex = self.lexical
        n = len(lex)
        df = 0
        if lex.bm25 is not None:
            vocab, indptr = lex.bm25.vocab_dict, lex.bm25.scores["indptr"]
            df = max((int(indptr[vocab[s] + 1] - indptr[vocab[s]]) for s in stems if s in vocab), default=0)
        return math.log(1.0 + (n - df + 0.5) / (df + 0.5))

    def _mask(self, lex: LexicalIndex, filters: Filters) -> np.ndarray | None:
        if filters.is_empty():
            return None
        mask = self._filter_cache.get(filters)
        if mask is None:
            mask = np.fromiter((filters.matches(m) for m in lex.metas), dtype=bool, count=len(lex.metas))
            self._filter_cache[filters] = mask
        return mask

    def bm25_scores(self, query: str, filters: Filters) -> np.ndarray | None:
        """BM25 scores of every chunk (in :attr:`lexical` order; 0 where a filter fails), None if no query word
        is in the index."""
        lex = self.lexical
        if lex.bm25 is None:
            return None
        token_ids = lex.bm25.get_tokens_ids(query_stems(query))
        if not token_ids:
            return None
        scores = lex.bm25.get_scores_from_ids(token_ids)
        mask = self._mask(lex, filters)
        return np.where(mask, scores, 0.0) if mask is not None else scores

    def bm25_search(
        self, query: str, filters: Filters, k: int, scores: np.ndarray | None = None
    ) -> list[tuple[str, float]]:
        """Top ``k`` chunk ids by BM25 over stemmed Dutch/English query tokens (``scores``: precomputed)."""
        scores = self.bm25_scores(query, filters) if scores is None else scores
        if scores is None:
            return []
        lex = self.lexical
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(lex.ids[i], float(scores[i])) for i in top if scores[i] > 0]

    def _rescore(
        self, vector: list[float], dense: list[tuple[str, float]], others: list[str]
    ) -> list[tuple[str, float]]:
        """The dense ranking made exact over the union of dense and BM25 candidates.

        Approximate (HNSW) search can miss a passage that BM25 finds; its stored vector is fetched and
        scored exactly, so the dense side ranks every candidate the fusion sees.
        """
        known = {cid for cid, _ in dense}
        missing = [cid for cid in dict.fromkeys(others) if cid not in known]
        if not missing:
            return dense
        got = self.chunk_collection.get(ids=missing, include=["embeddings"])
        if not got["ids"]:
            return dense
        sims = np.asarray(got["embeddings"], dtype=np.float32) @ np.asarray(vector, dtype=np.float32)
        merged = dense + [(cid, float(sim)) for cid, sim in zip(got["ids"], sims, strict=True)]
        return sorted(merged, key=lambda pair: -pair[1])

    def dense_search(self, vector: list[float], filters: Filters, k: int) -> list[tuple[Document, float]]:
        """Top ``k`` chunks by cosine similarity (returned as similarity, higher is better); none for a reader's view
        that holds no chunk (Chroma refuses an empty ``$in``)."""
        if self._is_view and not len(self.lexical):
            return []
        where = filters.chroma_where()
        if self._access_where is not None:
            where = self._access_where if where is None else {"$and": [self._access_where, where]}
        docs = self.vectorstore.similarity_search_by_vector_with_relevance_scores(vector, k=k, filter=where)
        return [(doc, 1.0 - float(dist)) for doc, dist in docs]

    def stored_sentences(self, chunk_ids: list[str]) -> tuple[list[tuple[str, int, str]], np.ndarray]:
        """The sentences ingest stored for ``chunk_ids`` as ``(chunk_id, position, text)`` and their vectors (one row
        each), in one read."""
        if not chunk_ids:
            return [], np.zeros((0, 0), dtype=np.float32)
        got = self.sentence_collection.get(
            where={"chunk_id": {"$in": list(chunk_ids)}}, include=["documents", "metadatas", "embeddings"]
        )
        found = [
            (str(meta["chunk_id"]), int(meta["position"]), text)
            for text, meta in zip(got["documents"] or [], got["metadatas"] or [], strict=True)
        ]
        return found, np.asarray(got["embeddings"] if found else np.zeros((0, 0)), dtype=np.float32)

    def sentences_of(self, chunk_ids: list[str], vector: list[float]) -> dict[str, list[Sentence]]:
        """The stored sentences of ``chunk_ids``, each with its cosine similarity to ``vector``."""
        if not chunk_ids:
            return {}
        out: dict[str, list[Sentence]] = {cid: [] for cid in chunk_ids}
        found, vectors = self.stored_sentences(chunk_ids)
        if not found:
            return out
        sims = vectors @ np.asarray(vector, dtype=np.float32)
        for (cid, position, text), sim in zip(found, sims, strict=True):
            out[cid].append(Sentence(position, text, float(sim)))
        for sentences in out.values():
            sentences.sort(key=lambda s: s.position)
        return out

    def use_search(
        self, vector: np.ndarray, filters: Filters, k: int
    ) -> tuple[list[tuple[str, float]], np.ndarray | None]:
        """Top ``k`` chunks by the second dense lane (exact: one product with the in-memory matrix), and the
        similarity of every chunk (in :attr:`lexical` order); ``([], None)`` when the lane is off."""
        lex, matrix = self.lexical, self._use
        if matrix is None or len(matrix) != len(lex) or not len(lex):
            return [], None
        sims = matrix @ vector
        mask = self._mask(lex, filters)
        ranked = np.where(mask, sims, -np.inf) if mask is not None else sims
        k = min(k, len(sims))
        top = np.argpartition(-ranked, k - 1)[:k]
        top = top[np.argsort(-ranked[top], kind="stable")]
        return [(lex.ids[i], float(sims[i])) for i in top if np.isfinite(ranked[i])], sims

    def search(
        self, query: str, filters: Filters | None = None, k: int = 10, context: str = "", mode: str = "hybrid"
    ) -> SearchResult:
        """Hybrid search. ``context`` (e.g. the previous question) is added to the query for follow-ups.

        Candidates come from e5 dense search, the second dense lane (USE) and BM25; each gets exact scores from
        every lane, fused language-aware (see :func:`fuse_lanes`; the question's language is detected on the
        question alone, not the context), and near-duplicates are collapsed.
        ``mode`` ``dense`` or ``bm25`` uses one retriever alone (for baselines and diagnosis).
        """
        filters = filters or Filters()
        query, context = cap_question(query)[0], cap_question(context)[0]  # embedding cost grows with the text
        (query, corrected), context = self.normalise(query), self.normalise(context)[0]  # typos, lower-case names
        full = f"{context}\n{query}".strip() if context else query
        timings: dict[str, float] = {}
        t = time.perf_counter()
        vector, use_vector = self._embed_query(full, mode)
        timings["embed_query"] = (time.perf_counter() - t) * 1000
        n = max(self.settings.retrieval.candidates, k)
        t = time.perf_counter()
        dense = self.dense_search(vector, filters, n)
        timings["dense"] = (time.perf_counter() - t) * 1000
        t = time.perf_counter()
        all_bm25 = self.bm25_scores(full, filters)
        bm25 = self.bm25_search(full, filters, n, all_bm25)
        timings["bm25"] = (time.perf_counter() - t) * 1000
        t = time.perf_counter()
        asked_in = detect_language(query)
        translations = (
            translate(query, asked_in, self._words, self.second)
            if use_vector is not None and self.settings.retrieval.translate_words
            else {}
        )
        across_bm25, translated = None, []
        if translations:  # the query in both languages: BM25 for passages in the other one
            both = " ".join([full, *(w for found in words_of(translations).values() for w in found)])
            across_bm25 = self.bm25_scores(both, filters)
            translated = self.bm25_search(both, filters, n, across_bm25)
        timings["translate"] = (time.perf_counter() - t) * 1000
        t = time.perf_counter()
        use, all_use = self.use_search(use_vector, filters, n) if use_vector is not None else ([], None)
        timings["use"] = (time.perf_counter() - t) * 1000
        t = time.perf_counter()
        dense_pairs = [(d.id, sim) for d, sim in dense]
        if mode == "hybrid":
            others = [cid for cid, _ in bm25] + [cid for cid, _ in use] + [cid for cid, _ in translated]
            dense_pairs = self._rescore(vector, dense_pairs, others)
        timings["rescore"] = (time.perf_counter() - t) * 1000
        t = time.perf_counter()
        w = {"hybrid": self.settings.retrieval.dense_weight, "dense": 1.0, "bm25": 0.0}[mode]
        share = self.settings.retrieval.use_share if all_use is not None else 0.0
        lex, positions = self.lexical, self._id_pos  # as of the last refresh, like bm25_scores above
        if mode == "hybrid" and self.settings.retrieval.fusion == "convex":
            cross = {cid for cid, _ in dense_pairs if lex.metas[positions[cid]].get("language") not in (None, asked_in)}
            lanes = {"dense": dict(dense_pairs), "bm25": {}}
            for cid, _ in dense_pairs:
                scores = across_bm25 if cid in cross and across_bm25 is not None else all_bm25
                lanes["bm25"][cid] = float(scores[positions[cid]]) if scores is not None else 0.0
            weights = {"dense": w * (1.0 - share), "bm25": 1.0 - w, "use": w * share}
            across = self.settings.retrieval.cross_use_share if all_use is not None else 0.0
            across = share if across is None else across
            cross_weights = {"dense": w * (1.0 - across), "bm25": 1.0 - w, "use": w * across}
            if all_use is not None:
                lanes["use"] = {cid: float(all_use[positions[cid]]) for cid, _ in dense_pairs}
            fused = fuse_lanes(lanes, weights, cross, self.settings.retrieval.cross_lingual_bm25, cross_weights)
        else:
            rankings = [([cid for cid, _ in dense_pairs], w * (1.0 - share)), ([cid for cid, _ in bm25], 1.0 - w)]
            if use:
                rankings.append(([cid for cid, _ in use], w * share))
            fused = fuse(rankings, self.settings.retrieval.fusion_k)
        ordered = [cid for cid in sorted(fused, key=lambda cid: -fused[cid]) if fused[cid] > 0]
        dense_info = {cid: (i, sim) for i, (cid, sim) in enumerate(dense_pairs)}
        bm25_info = {cid: (i, s) for i, (cid, s) in enumerate(bm25)}
        use_info = {cid: (i, s) for i, (cid, s) in enumerate(use)}
        hits = []
        for cid in ordered[: 2 * k if self.settings.retrieval.dedup else k]:
            pos = positions[cid]
            text, meta = lex.texts[pos], dict(lex.metas[pos])
            hits.append(
                Hit(
                    cid,
                    text,
                    meta,
                    fused[cid],
                    dense_rank=dense_info[cid][0] if cid in dense_info else None,
                    bm25_rank=bm25_info[cid][0] if cid in bm25_info else None,
                    dense_score=dense_info[cid][1] if cid in dense_info else None,
                    bm25_score=bm25_info[cid][1] if cid in bm25_info else None,
                    use_rank=use_info[cid][0] if cid in use_info else None,
                    use_score=float(all_use[pos]) if all_use is not None else None,
                )
            )
        timings["fusion"] = (time.perf_counter() - t) * 1000
        if self.settings.retrieval.dedup:
            t = time.perf_counter()
            hits = collapse_near_duplicates(hits, k, self.settings.retrieval.dedup_margin)
            timings["dedup"] = (time.perf_counter() - t) * 1000
        return SearchResult(hits, timings, vector, translations, corrected, query, asked_in)


class HybridRetriever(BaseRetriever):
    """The hybrid search as a langchain retriever (for chains and tools that expect one); each retrieval is a
    request, so it refreshes the index first."""

    model_config = ConfigDict(arbitrary_types_allowed=True)
    index: Index
    filters: Filters = Filters()
    k: int = 10

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        self.index.refresh()
        hits = self.index.search(query, self.filters, self.k).hits
        return [Document(page_content=h.text, metadata={**h.meta, "score": h.score}, id=h.chunk_id) for h in hits]

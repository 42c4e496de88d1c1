"""The normaliser and the keyword matcher: examples, evasions, near-misses, and properties."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from bot.core.textmatch import KeywordMatcher
from bot.core.textnorm import normalise, separators

ORDER = ("banned_keyword", "ad")

# Every character Python can hold, lone surrogates included.
ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=60)
# Characters that interact under NFKC and case-folding: Hangul jamo, combining marks,
# compatibility forms, ligatures, and the padding that separates them.
TRICKY = st.sampled_from(
    "\u1100\u1161\u11a8\u0301\u0308\u0336e\u00a8\u00df\u1e9e\ufb01\u2126\u212b\u0130"
    "\u03a3\u03c2\u200b\u200d\u2060\u3000 .-加V"
)
MIXED_TEXT = st.text(st.one_of(TRICKY, st.characters(exclude_categories=())), max_size=40)
# Keywords as companies write them: Chinese words, sometimes with digits.
HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
KEYWORD = st.text(st.one_of(HAN, st.sampled_from("0123456789")), min_size=1, max_size=6).filter(
    lambda word: any("\u4e00" <= ch <= "\u9fff" for ch in word)
)
PADDING = st.text(
    st.sampled_from(" \u3000\t\n\u200b\u200c\u200d\u2060\ufeff\u00ad.-_*·•~|/\\，。、！…—👉💰★"),
    max_size=3,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("赌\u200b博", "赌博"),  # zero-width space
        ("赌\u200d博\ufeff", "赌博"),  # zero-width joiner, BOM
        ("加 V", "加v"),
        ("赌.博", "赌博"),
        ("加-微-信", "加微信"),
        ("ＡＢＣ１２３", "abc123"),  # full-width
        ("加\u3000微\u00a0信", "加微信"),  # ideographic and no-break spaces
        ("六👉合💰彩", "六合彩"),  # emoji as padding
        ("Straße", "strasse"),  # case-folding, not just lower()
        ("⼤家好", "大家好"),  # Kangxi radical → ideograph (NFKC)
        ("①②", "12"),
        ("e\u0301", "é"),
        ("", ""),
        ("！？。", ""),
    ],
)
def test_normalise_examples(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


@given(st.one_of(ANY_TEXT, MIXED_TEXT))
@settings(max_examples=3000)
def test_normalise_is_idempotent_and_never_raises(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once
    assert all(ch.isalnum() for ch in once)
    gaps = separators(text)
    assert gaps is None or all(0 < gap < len(once) for gap in gaps)


def test_normalise_repeats_until_stable() -> None:
    """Dropping the padding lets Hangul jamo compose: one round is not always enough."""
    assert normalise("\u1100\u200b\u1161") == "\uac00"
    assert separators("\u1100\u200b\u1161") is None


def test_normalise_each_code_point_is_stable() -> None:
    """Every single character, not just those hypothesis happens to draw."""
    for code in range(0x110000):
        once = normalise(chr(code))
        assert normalise(once) == once, hex(code)


@pytest.fixture(params=[False, True], ids=["plain", "bytewise"])
def bytewise(request: pytest.FixtureRequest) -> bool:
    """Both spellings of the automaton (bytewise is the default for wide keyword lists)."""
    return request.param


def matcher(*words: str, label: str = "banned_keyword", bytewise: bool = False) -> KeywordMatcher:
    return KeywordMatcher(((label, word) for word in words), bytewise=bytewise)


def find(m: KeywordMatcher, text: str):
    return m.find(normalise(text), ORDER, raw=text)


@pytest.mark.parametrize(
    "text",
    [
        "这是广告内容",  # no word boundaries in Chinese: a `\b` regex misses this
        "广\u200b告",
        "广 告",
        "广-告",
        "【广】【告】",
        "广\n告",
    ],
)
def test_finds_chinese_keywords_however_padded(text: str, bytewise: bool) -> None:
    hit = find(matcher("广告", bytewise=bytewise), text)
    assert hit is not None
    assert hit.keyword == "广告"
    assert hit.label == "banned_keyword"


@pytest.mark.parametrize("text", ["广场告示", "广而告之", "告广", "广", ""])
def test_near_misses_do_not_match(text: str, bytewise: bool) -> None:
    assert find(matcher("广告", bytewise=bytewise), text) is None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("加V 123456", True),
        ("加v信", True),
        ("加V：wang123", True),
        ("需要的加v123456", True),  # digits never block
        ("加 v", True),
        ("参加volunteer活动", False),  # an ASCII letter right after the keyword's "v"
        ("参加VR培训", False),
        ("参加 VR培训", False),  # the space is inside the keyword's span, "r" still touches
        ("加V, R", True),  # "r" is separated from "v" by a comma
    ],
)
def test_ascii_letters_need_a_boundary(text: str, found: bool, bytewise: bool) -> None:
    m = matcher("加v", label="ad", bytewise=bytewise)
    assert (find(m, text) is not None) is found


def test_english_words_match_as_words(bytewise: bool) -> None:
    m = matcher("casino", bytewise=bytewise)
    assert find(m, "New CASINO opens") is not None
    assert find(m, "c.a.s.i.n.o") is not None
    assert find(m, "c a s i n o!") is not None
    assert find(m, "casinos") is None
    assert find(m, "ocasino") is None


def test_banned_keyword_comes_before_ad_whatever_the_order_in_the_text(bytewise: bool) -> None:
    m = KeywordMatcher([("ad", "加微信"), ("banned_keyword", "赌博")], bytewise=bytewise)
    hit = find(m, "加微信带你赌博")
    assert hit is not None
    assert (hit.label, hit.keyword) == ("banned_keyword", "赌博")
    hit = find(m, "加微信吧")
    assert hit is not None
    assert hit.label == "ad"
    # Labels outside the order asked for are not reported.
    assert m.find(normalise("加微信"), ("banned_keyword",)) is None


def test_one_keyword_in_two_lists_carries_both_labels() -> None:
    m = KeywordMatcher([("ad", "刷单"), ("banned_keyword", "刷 单")])
    assert m.size == 1
    hit = m.find("刷单", ORDER)
    assert hit is not None
    assert hit.label == "banned_keyword"


def test_characters_beyond_the_basic_plane(bytewise: bool) -> None:
    m = matcher("𠮷野家", "家𠮷", bytewise=bytewise)  # U+20BB7, a surrogate pair in UTF-16
    hit = find(m, "今天去𠮷 野 家吃饭")
    assert hit is not None
    assert (hit.keyword, hit.start, hit.end) == ("𠮷野家", 3, 6)
    assert find(m, "𠮷家") is None
    assert find(matcher("v", bytewise=bytewise), "𠮷v𠮷") is not None


def test_wide_keyword_lists_are_spelled_bytewise() -> None:
    assert not KeywordMatcher([("ad", "赌博"), ("ad", "六合彩")]).bytewise
    wide = KeywordMatcher(("ad", chr(0x4E00 + i) + "子") for i in range(100))
    assert wide.bytewise
    assert find(wide, "一个\u4e05子") is not None


def test_empty_matcher_finds_nothing_and_bad_keywords_are_refused() -> None:
    assert KeywordMatcher([]).find("赌博", ORDER) is None
    with pytest.raises(ValueError, match="no letters or digits"):
        KeywordMatcher([("ad", "！！")])


@given(st.lists(KEYWORD, min_size=1, max_size=8), ANY_TEXT, st.data())
@settings(max_examples=600)
def test_finds_every_keyword_inserted_anywhere(keywords, text, data) -> None:
    m = matcher(*keywords, bytewise=data.draw(st.booleans()))
    word = data.draw(st.sampled_from(keywords))
    at = data.draw(st.integers(0, len(text)))
    pads = data.draw(st.lists(PADDING, min_size=len(word), max_size=len(word)))
    padded = "".join(ch + pad for ch, pad in zip(word, pads, strict=True))
    assert find(m, text[:at] + padded + text[at:]) is not None


@given(st.lists(KEYWORD, min_size=1, max_size=8), ANY_TEXT, st.booleans())
@settings(max_examples=600)
def test_matches_exactly_where_a_plain_substring_search_does(keywords, text, bytewise) -> None:
    """For Chinese keywords the automaton is a faster `in` over the normalised text."""
    m = matcher(*keywords, bytewise=bytewise)
    clean = normalise(text)
    expected = any(normalise(word) in clean for word in keywords)
    assert (find(m, text) is not None) is expected


@given(st.text("abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8), ANY_TEXT, st.data())
@settings(max_examples=300)
def test_finds_english_keywords_set_apart(word, text, data) -> None:
    at = data.draw(st.integers(0, len(text)))
    sep = data.draw(st.sampled_from([" ", "，", "\u200b-", "! "]))
    haystack = text[:at] + sep + word.upper() + sep + text[at:]
    # Separators cannot be told apart only in text that takes several rounds to normalise.
    assume(separators(haystack) is not None)
    assert find(matcher(word, bytewise=data.draw(st.booleans())), haystack) is not None

"""socialtui.safe: plan text is shown, never obeyed (clean, one_line, plain, md_escape)."""

from __future__ import annotations

import pytest

from socialtui.safe import clean, md_escape, one_line, plain


@pytest.mark.parametrize(
    "text",
    ["", "Corner Bakery 2027", "café ☕ 🎂", "مخبز الزاوية", "日本語", "a — b", "100 %"],
)
def test_plain_text_is_unchanged(text):
    assert clean(text) == text
    assert clean(text, multiline=True) == text


def test_escape_sequences_become_visible():
    assert clean("\x1b[2J") == "␛[2J"
    assert clean("\x1b]0;title\x07") == "␛]0;title␇"
    assert clean("\x00") == "␀"


def test_del_and_c1():
    assert clean("a\x7fb") == "a␡b"
    assert clean("\x9b31m") == "\\x9b31m"
    assert clean("\x80\x9f") == "\\x80\\x9f"


@pytest.mark.parametrize(
    "code",
    [
        0x061C,
        0x200E,
        0x200F,
        0x202A,
        0x202B,
        0x202C,
        0x202D,
        0x202E,
        0x2066,
        0x2067,
        0x2068,
        0x2069,
    ],
)
def test_bidi_controls_become_visible(code):
    assert clean(f"a{chr(code)}b") == f"a\\u{code:04x}b"


def test_line_breaks_in_single_line_text():
    assert clean("a\tb\nc\r\nd\u2028e") == "a b c  d e"


def test_multiline_keeps_line_feeds():
    assert clean("a\r\nb\nc\u2029d\te\x1b", multiline=True) == "a\nb\nc\nd e␛"


def test_lone_surrogates_are_printable():
    out = clean("name\udcff")
    assert out == "name\\udcff"
    out.encode("utf-8")


def test_nothing_dangerous_survives():
    every = "".join(chr(c) for c in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)])
    every += "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    out = clean(every)
    for char in out:
        code = ord(char)
        assert code >= 0x20
        assert not 0x7F <= code <= 0x9F
        assert (
            char not in "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
        )


def test_one_line_cleans_and_cuts_with_an_ellipsis():
    assert one_line("Corner\nBakery \x1b[2J") == "Corner Bakery ␛[2J"
    assert one_line("abcdef", 4) == "abc…"
    assert one_line("abcd", 4) == "abcd"
    assert one_line(42) == "42"


def test_plain_drops_what_clean_would_show_and_folds_spaces():
    assert plain("a\x1b[31m b\u202e\tc\x85d") == "a[31m b c d"
    assert plain("\udcff x") == "x"


def test_md_escape_makes_markdown_inert():
    assert md_escape("*bold* [link](x) | <b>") == "\\*bold\\* \\[link\\](x) \\| \\<b\\>"

"""Wrapping user text for the printed page: nothing runs past its width, nothing is lost."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orderapp.documents.text import clean, fit, one_line, paragraph_markup, text_width, wrap

SIZE = 9.0


def test_latin_text_breaks_between_words() -> None:
    lines = wrap("West Lake Longjing green tea, first picking of the spring", SIZE, 90)
    assert len(lines) > 1
    assert all(text_width(line, SIZE) <= 90 for line in lines)
    assert " ".join(lines) == "West Lake Longjing green tea, first picking of the spring"


def test_chinese_text_breaks_between_any_two_characters() -> None:
    text = "上海市浦东新区世纪大道一百号二十楼东侧电梯口左转第三间"
    lines = wrap(text, SIZE, 60)
    assert len(lines) > 2
    assert "".join(lines) == text
    assert all(text_width(line, SIZE) <= 60 for line in lines)


def test_closing_punctuation_never_starts_a_line() -> None:
    text = "请轻拿轻放，谢谢。" * 6
    for width in range(30, 120, 7):
        for line in wrap(text, SIZE, width)[1:]:
            assert line[0] not in "，。", (width, line)


def test_a_500_character_name_without_spaces_is_cut_to_the_width() -> None:
    name = "王" * 250 + "W" * 250
    lines = wrap(name, SIZE, 120)
    assert "".join(lines) == name
    assert all(text_width(line, SIZE) <= 120 for line in lines)


def test_line_breaks_in_the_text_are_kept_and_trailing_blank_lines_dropped() -> None:
    assert wrap("Flat 3\r\n12 Baker Street\n\n", SIZE, 300) == ["Flat 3", "12 Baker Street"]
    assert wrap("", SIZE, 300) == []


def test_max_lines_ends_with_an_ellipsis_when_text_was_left_out() -> None:
    lines = wrap("one two three four five six seven eight nine ten", SIZE, 40, max_lines=2)
    assert len(lines) == 2
    assert lines[-1].endswith("…")
    assert text_width(lines[-1], SIZE) <= 40


def test_fit_cuts_one_line_to_the_width() -> None:
    assert fit("short", SIZE, 200) == "short"
    cut = fit("a label name that is much too long for the space", SIZE, 60)
    assert cut.endswith("…") and text_width(cut, SIZE) <= 60


def test_control_characters_are_removed_and_tabs_become_spaces() -> None:
    assert clean("A\tB\x00C\x1bD\u2028E") == "A BCDE"
    assert one_line("Flat 3\n 12 Baker St ") == "Flat 3, 12 Baker St"


@pytest.mark.parametrize(
    ("text", "markup"),
    [
        ("Tom & Jerry <b>", "Tom &amp; Jerry &lt;b&gt;"),
        ('say "hi" it\'s', "say &quot;hi&quot; it&#39;s"),
        ("line 1\nline 2", "line 1<br/>line 2"),
    ],
)
def test_paragraph_markup_escapes_user_text(text: str, markup: str) -> None:
    assert paragraph_markup(text) == markup


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(
        alphabet=st.sampled_from(list("abc XYZ 012 <>&\"' 中文字 한국 ひら ，。!\n\t")), min_size=0, max_size=300
    ),
    width=st.floats(min_value=8, max_value=400),
)
def test_no_line_is_ever_wider_than_its_width(text: str, width: float) -> None:
    lines = wrap(text, SIZE, width)
    widest_char = max((text_width(char, SIZE) for char in text), default=0)
    for line in lines:
        # A column narrower than one character still gets a character per line.
        assert text_width(line, SIZE) <= max(width, widest_char) + 1e-6
    kept = "".join("".join(lines).split())
    assert kept == "".join(clean(text).split())  # nothing but spaces and breaks is dropped

"""No blank names on paper (issue 10): characters the embedded CJK font lacks are printed in a font of
the PC that has them, else as "?" with a warning given before anything is printed."""

from __future__ import annotations

import io
import subprocess
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pdf_checks import pdf_text

from orderapp.documents import fonts
from orderapp.documents.labels import LabelProduct, render_labels, sheet
from orderapp.documents.letterhead import Letterhead
from orderapp.documents.packing_slip import SlipLine, SlipOptions, SlipOrder, render_slips

ARABIC = "محمد علي"
HEBREW = "שלום כהן"
EMOJI = "\U0001f600"  # grinning face
NAMES = [f"王小明 {ARABIC}", f"{HEBREW} 李", f"陈 {EMOJI} Chen", f"{ARABIC} {HEBREW} {EMOJI} 张"]


def _slips(names: list[str]) -> tuple[bytes, set[str]]:
    orders = [
        SlipOrder(
            number=f"SO-{index:06d}",
            created_at=datetime(2026, 11, 21, 2, 0, tzinfo=UTC),
            lines=(SlipLine("TEA-000001", f"{name} 礼盒", 1, 12800),),
            ship_name=name,
        )
        for index, name in enumerate(names, start=1)
    ]
    out = io.BytesIO()
    with fonts.collect_missing() as missing:
        render_slips(orders, Letterhead("莲花茶庄 Lotus Tea House"), SlipOptions(), out)
    return out.getvalue(), missing


def _embedded_fonts(pdf: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split()[0] for line in listing.splitlines()[2:] if " TrueType " in line]  # embedded outlines


@pytest.fixture
def no_system_fonts(monkeypatch: pytest.MonkeyPatch) -> None:
    """A PC with no font but the app's own: nothing to fall back on."""
    monkeypatch.setattr(fonts, "_fallbacks", fonts._Fallbacks())
    monkeypatch.setattr(fonts, "_installed_fonts", dict)
    monkeypatch.setattr(fonts, "_fontconfig_candidates", lambda code: [])


def test_without_a_font_for_them_characters_print_as_a_question_mark_and_are_named(
    no_system_fonts: None, tmp_path: Path
) -> None:
    pdf, missing = _slips(NAMES)
    text = pdf_text(pdf, tmp_path)
    assert "王小明???????" in "".join(text.split())  # the seven Arabic letters
    assert "陈 ? Chen" in text
    assert "?" * 4 in text and "李" in text
    assert {ord(char) for char in missing} >= {ord(EMOJI), ord("م"), ord("ש")}
    warning = fonts.missing_warning({EMOJI, "م"})
    assert "U+1F600" in warning and "U+0645" in warning and "“?”" in warning
    assert "…" in fonts.missing_warning(missing)  # a long list is cut, not a wall of code points
    assert _embedded_fonts(pdf, tmp_path) == ["AAAAAA+WenQuanYiMicroHei"]


def test_names_in_a_font_of_the_pc_are_printed_in_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "_fallbacks", fonts._Fallbacks())
    if fonts._fallbacks.font_for(ord("م")) is None or fonts._fallbacks.font_for(ord("ש")) is None:
        pytest.skip("this PC has no TrueType font with Arabic and Hebrew (e.g. DejaVu Sans, Arial)")
    pdf, missing = _slips(NAMES[:2])
    assert missing == set()
    embedded = _embedded_fonts(pdf, tmp_path)
    assert len(embedded) >= 2 and any("WenQuanYi" not in name for name in embedded)
    # Arabic prints in its joined (presentation) forms; NFKC reads them back as the letters typed.
    flat = unicodedata.normalize("NFKC", "".join(pdf_text(pdf, tmp_path, raw=True).split()))
    for letters in ("محمد", "علي", "שלום", "כהן"):  # in whichever order the text is drawn
        assert letters in flat or letters[::-1] in flat, letters
    assert "王小明" in flat and "?" not in flat


def test_an_emoji_prints_in_a_font_of_the_pc_or_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "_fallbacks", fonts._Fallbacks())
    pdf, missing = _slips([f"陈 {EMOJI}"])
    if fonts._fallbacks.font_for(ord(EMOJI)) is None:
        assert missing == {EMOJI} and "陈 ?" in pdf_text(pdf, tmp_path)
    else:
        assert missing == set() and len(_embedded_fonts(pdf, tmp_path)) >= 2


def test_widths_and_wrapping_count_the_fallback_glyphs(no_system_fonts: None) -> None:
    from orderapp.documents.text import fit, wrap

    name = ARABIC * 20
    lines = wrap(name, 9, 100)
    assert len(lines) > 1 and "".join(lines).replace(" ", "") == name.replace(" ", "")
    assert all(fonts.width(line, 9) <= 100 for line in lines)
    assert fonts.width(fit(name, 9, 60), 9) <= 60


def test_labels_never_print_a_blank_name(no_system_fonts: None, tmp_path: Path) -> None:
    product = LabelProduct("GIFT-1", f"{EMOJI}{EMOJI}", 990, "CNY")
    out = io.BytesIO()
    with fonts.collect_missing() as missing:
        render_labels([product], sheet("50x30"), out)
    assert missing == {EMOJI}
    assert "??" in pdf_text(out.getvalue(), tmp_path)


def test_a_control_character_or_joiner_is_not_counted_as_missing(no_system_fonts: None) -> None:
    assert fonts.runs("王小\ufe0f明") == [(fonts.register_font(), "王小明")]
    assert fonts.can_print("王小明 Lotus") and not fonts.can_print(EMOJI)


def test_right_to_left_words_are_drawn_in_reading_order_and_arabic_joined() -> None:
    from orderapp.documents.pen import visual_order

    assert visual_order("王 שלום 李") == "王 םולש 李"  # Hebrew reversed for drawing left to right
    drawn = visual_order("محمد")
    assert unicodedata.normalize("NFKC", drawn) == "دمحم"  # reversed...
    assert all("\ufe70" <= char <= "\ufeff" for char in drawn)  # ...and in joined forms
    assert visual_order("Order SO-000123 王") == "Order SO-000123 王"  # nothing else is touched

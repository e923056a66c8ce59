"""Printed staff badges: each card's Code 128 reads back as that person's staff code, which signs
them in; Chinese names print as text."""

from __future__ import annotations

from pathlib import Path

from pdf_checks import barcodes_in, page_count, page_images, pdf_text

from orderapp.services.staff import people as staff
from orderapp.store.database import Database


def test_badges_scan_back_to_the_people_they_name(database: Database, tmp_path: Path) -> None:
    owner = staff.owner_without_pin(database, station="PC")
    assert owner is not None
    for n in range(11):  # more than one A4 page of ten
        staff.add_user(database, f"打包员 {n}", "packer", "2468", actor=owner)
    rows = [row for row in staff.list_users(database) if row.active]
    pdf = staff.staff_badges_pdf(database, [row.id for row in rows])
    assert page_count(pdf, tmp_path) == 2
    text = pdf_text(pdf, tmp_path)
    assert "打包员 10" in text and "Packer" in text and "Owner" in text
    codes = {text for image in page_images(pdf, tmp_path) for text, _kind in barcodes_in(image)}
    assert codes == {row.badge_code for row in rows}
    badge_of_packer = next(row for row in rows if row.name == "打包员 3").badge_code
    actor = staff.sign_in_badge(database, badge_of_packer, station="PACK-1")
    assert actor is not None and actor.name == "打包员 3"

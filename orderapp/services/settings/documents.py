"""How the shop wants its paperwork: slip paper, prices on slips, the slip footer, the label sheet,
and the language it is printed in.

Stored under the ``documents.`` settings keys.
"""

from __future__ import annotations

from dataclasses import dataclass

from orderapp.errors import FieldError, ValidationFailed
from orderapp.i18n import _
from orderapp.store import settings_store
from orderapp.store.database import Database
from orderapp.store.models import DEFAULT_USER_ID

PAPER_KEYS = ("a4", "a5", "letter", "4x6")
SHEET_KEYS = ("a4-3x8", "avery-5160", "50x30")
# "" follows the window's language; else English, Chinese, or both on one page (documents.words)
LANGUAGE_KEYS = ("", "en", "zh_CN", "both")
MAX_FOOTER = 500

_KEYS = {
    "slip_paper": "documents.slip_paper",
    "show_prices": "documents.show_prices",
    "slip_footer": "documents.slip_footer",
    "list_paper": "documents.list_paper",
    "label_sheet": "documents.label_sheet",
    "paperwork_language": "documents.paperwork_language",
}


@dataclass(frozen=True)
class DocumentSettings:
    slip_paper: str = "a4"  # a4 | a5 | letter | 4x6
    show_prices: bool = True  # False prints gift slips
    slip_footer: str = ""  # e.g. the returns policy
    list_paper: str = "a4"  # pick lists, count sheets, the daily summary: a4 | a5 | letter
    label_sheet: str = "a4-3x8"
    paperwork_language: str = ""  # one of LANGUAGE_KEYS; "" = the language of the window


def validate_document_settings(settings: DocumentSettings) -> list[FieldError]:
    errors: list[FieldError] = []
    if settings.slip_paper not in PAPER_KEYS:
        errors.append(FieldError("slip_paper", _("Choose a paper size for slips: A4, A5, Letter or a 4x6 label.")))
    if settings.list_paper not in PAPER_KEYS[:3]:
        errors.append(FieldError("list_paper", _("Choose A4, A5 or Letter for lists and reports.")))
    if settings.label_sheet not in SHEET_KEYS:
        errors.append(FieldError("label_sheet", _("Choose a label sheet from the list.")))
    if settings.paperwork_language not in LANGUAGE_KEYS:
        errors.append(
            FieldError("paperwork_language", _("Choose the paperwork's language: English, Chinese, or both."))
        )
    if len(settings.slip_footer) > MAX_FOOTER:
        errors.append(
            FieldError("slip_footer", _("The slip footer can be at most {count} characters.").format(count=MAX_FOOTER))
        )
    return errors


def load_document_settings(database: Database) -> DocumentSettings:
    with database.session() as session:
        stored = settings_store.read_values(session, _KEYS.values())
    defaults = DocumentSettings()
    paper = stored.get(_KEYS["slip_paper"], defaults.slip_paper)
    list_paper = stored.get(_KEYS["list_paper"], defaults.list_paper)
    sheet = stored.get(_KEYS["label_sheet"], defaults.label_sheet)
    language = stored.get(_KEYS["paperwork_language"], defaults.paperwork_language)
    return DocumentSettings(
        slip_paper=paper if paper in PAPER_KEYS else defaults.slip_paper,
        show_prices=stored.get(_KEYS["show_prices"], "1") != "0",
        slip_footer=stored.get(_KEYS["slip_footer"], defaults.slip_footer),
        list_paper=list_paper if list_paper in PAPER_KEYS[:3] else defaults.list_paper,
        label_sheet=sheet if sheet in SHEET_KEYS else defaults.label_sheet,
        paperwork_language=language if language in LANGUAGE_KEYS else defaults.paperwork_language,
    )


def save_document_settings(
    database: Database, settings: DocumentSettings, *, user_id: int = DEFAULT_USER_ID
) -> DocumentSettings:
    """Validate and store; raises ValidationFailed (and stores nothing) when something is wrong."""
    errors = validate_document_settings(settings)
    if errors:
        raise ValidationFailed(errors)
    values = {
        _KEYS["slip_paper"]: settings.slip_paper,
        _KEYS["show_prices"]: "1" if settings.show_prices else "0",
        _KEYS["slip_footer"]: settings.slip_footer.strip(),
        _KEYS["list_paper"]: settings.list_paper,
        _KEYS["label_sheet"]: settings.label_sheet,
        _KEYS["paperwork_language"]: settings.paperwork_language,
    }
    with database.session(write=True) as session:
        settings_store.write_values(session, values, user_id=user_id)
        session.commit()
    return settings

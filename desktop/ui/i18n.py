"""Translations: Indonesian is the source language; English comes from a compiled Qt Linguist file."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from desktop.domain.messages import Message, UserError
from desktop.domain.resource_files import resource

LANGUAGE_KEY = "ui/language"
SOURCE_LANGUAGE = "id"
# Language code -> the name shown in the menu, in that language (so a user can always find their own).
LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}


def current_language() -> str:
    """The language chosen in Bantuan > Bahasa (QSettings), Indonesian by default."""
    value = QSettings().value(LANGUAGE_KEY, SOURCE_LANGUAGE)
    return value if value in LANGUAGES else SOURCE_LANGUAGE


def set_language(language: str) -> None:
    """Remembers the language for the next start."""
    if language not in LANGUAGES:
        raise KeyError(language)
    QSettings().setValue(LANGUAGE_KEY, language)


def install_translator(app: QCoreApplication, language: str) -> bool:
    """Loads the app's translation for `language`; True when a file was installed.

    Indonesian is the source language, so it needs no file; a missing file leaves the texts Indonesian.
    """
    if language == SOURCE_LANGUAGE:
        QLocale.setDefault(QLocale("id_ID"))
        return False
    path = resource("i18n", f"spm_luring_{language}.qm")
    translator = QTranslator(app)
    if not path.is_file() or not translator.load(str(path)):
        import logging

        logging.getLogger(__name__).info("no translation file for %r at %s; staying in Indonesian", language, path)
        return False
    app.installTranslator(translator)
    QLocale.setDefault(QLocale(language))
    return True


def tr_message(message: Message) -> str:
    """A domain or storage message, translated into the current language."""
    return message.format(translate=QCoreApplication.translate)


def tr_user_error(exc: UserError) -> str:
    """The translated reason of a UserError."""
    return tr_message(exc.message)


def language_menu(parent: QWidget) -> QMenu:
    """The Bahasa menu: one checkable entry per language; the choice applies after a restart."""
    menu = QMenu(QCoreApplication.translate("Language", "&Bahasa"), parent)
    group = QActionGroup(menu)
    chosen = current_language()
    for code, name in LANGUAGES.items():
        action = QAction(name, menu, checkable=True, checked=code == chosen)
        action.setData(code)
        group.addAction(action)
        menu.addAction(action)
    group.triggered.connect(lambda action: _choose(parent, action.data()))
    return menu


def _choose(parent: QWidget, language: str) -> None:
    if language == current_language():
        return
    set_language(language)
    QMessageBox.information(
        parent,
        QCoreApplication.translate("Language", "Bahasa"),
        QCoreApplication.translate(
            "Language", "Bahasa tampilan akan berganti setelah SPM Luring ditutup lalu dibuka kembali."
        ),
    )

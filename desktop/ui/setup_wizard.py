"""The first-run set-up: the district, the office and its services, the operator, the office signing
key; then a summary. Selesai initialises the installation, then makes the key (when asked for)."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.domain.catalog import Catalog, TypicalOffice, load_catalog
from desktop.domain.formatting import format_int
from desktop.domain.messages import UserError
from desktop.domain.regions import RegionIndex, shipped_regions
from desktop.domain.workflow import Role
from desktop.storage.accounts import check_username
from desktop.storage.installation import validate_nip
from desktop.storage.store import Store
from desktop.ui.account_dialogs import NewPasswordFields
from desktop.ui.exchange_widgets import FingerprintLabel, PassphraseFields
from desktop.ui.i18n import tr_user_error
from desktop.ui.region_picker import RegionPicker
from desktop.ui.service_picker import ServicePicker

NIP_DIGITS = 18
ERROR_STYLE = "color: #b3261e;"


def confirm_cancel(parent: QWidget) -> bool:
    """Asks whether to abandon the set-up (tests replace this function)."""
    box = QMessageBox(QMessageBox.Icon.Question, parent.windowTitle(), "", parent=parent)
    box.setText(
        QCoreApplication.translate("SetupWizard", "Batalkan penyiapan? Isian yang sudah dibuat tidak disimpan.")
    )
    stop = box.addButton(
        QCoreApplication.translate("SetupWizard", "Batalkan penyiapan"), QMessageBox.ButtonRole.AcceptRole
    )
    box.setDefaultButton(
        box.addButton(QCoreApplication.translate("SetupWizard", "Lanjutkan mengisi"), QMessageBox.ButtonRole.RejectRole)
    )
    box.exec()
    return box.clickedButton() is stop


def show_key_result(parent: QWidget, fingerprint: str | None, problem: str | None) -> None:
    """After Selesai: the new key's fingerprint to write down, or why no key could be made (tests replace this)."""
    title = QCoreApplication.translate("SetupWizard", "Kunci tanda tangan")
    if fingerprint is None:
        QMessageBox.warning(
            parent,
            title,
            QCoreApplication.translate(
                "SetupWizard",
                "Aplikasi sudah disiapkan, tetapi kunci tanda tangan belum dapat dibuat: {reason}\n\n"
                "Buat kunci nanti melalui Berkas › Kunci & kepercayaan…",
            ).format(reason=problem or ""),
        )
        return
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    done = QLabel(
        QCoreApplication.translate("SetupWizard", "Aplikasi sudah disiapkan dan kunci tanda tangan kantor dibuat.")
    )
    done.setWordWrap(True)
    caption = QLabel(QCoreApplication.translate("SetupWizard", "Sidik jari kunci:"))
    note = QLabel(
        QCoreApplication.translate(
            "SetupWizard",
            "Catat sidik jari ini dan bacakan kepada verifikator kabupaten saat menyerahkan kunci publik "
            "kantor; ia mencocokkannya sebelum menerima paket laporan Anda. Sidik jari ini juga tampil di "
            "Berkas › Kunci & kepercayaan…",
        )
    )
    note.setWordWrap(True)
    buttons = QDialogButtonBox(dialog)
    buttons.addButton(QCoreApplication.translate("SetupWizard", "Tutup"), QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.accepted.connect(dialog.accept)
    layout = QVBoxLayout(dialog)
    layout.addWidget(done)
    layout.addSpacing(6)
    layout.addWidget(caption)
    layout.addWidget(FingerprintLabel(fingerprint, dialog))
    layout.addWidget(note)
    layout.addWidget(buttons)
    dialog.resize(520, dialog.sizeHint().height())
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()


def _match_office(offices: tuple[TypicalOffice, ...], name: str) -> TypicalOffice | None:
    """The typical office the typed name starts with ("Dinas Kesehatan Kab. Mahakam Ulu"), longest first."""
    typed = " ".join(name.casefold().split())
    found = [o for o in offices if typed.startswith(" ".join(o.name.casefold().split()))]
    return max(found, key=lambda o: len(o.name), default=None)


class RegionPage(QWizardPage):
    """Wilayah: the province, then the kabupaten/kota."""

    def __init__(self, regions: RegionIndex):
        super().__init__()
        self.setTitle(self.tr("Wilayah"))
        self.setSubTitle(self.tr("Pilih kabupaten/kota tempat perangkat daerah ini melapor."))
        self.picker = RegionPicker(regions)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker)
        self.picker.districtChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return self.picker.district_code is not None


class OfficePage(QWizardPage):
    """Perangkat daerah: the office name, the services it reports, rows per kecamatan or desa."""

    def __init__(self, catalog: Catalog, region_page: RegionPage):
        super().__init__()
        self._catalog, self._region_page = catalog, region_page
        self._matched: TypicalOffice | None = None
        self.setTitle(self.tr("Perangkat daerah"))
        self.setSubTitle(self.tr("Nama perangkat daerah (OPD) dan jenis pelayanan dasar yang dilaporkannya."))

        self.office = QComboBox()
        self.office.setEditable(True)
        self.office.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.office.addItems([o.name for o in catalog.typical_offices])
        self.office.setCurrentIndex(-1)
        self.office.lineEdit().setPlaceholderText(self.tr("Pilih dari daftar atau ketik nama lengkapnya"))

        self.services = ServicePicker(catalog)
        self.services.setMinimumHeight(200)
        self.services_count = QLabel()

        self.by_kecamatan = QRadioButton()
        self.by_desa = QRadioButton()
        self.by_kecamatan.setChecked(True)
        self.area_level = QButtonGroup(self)
        self.area_level.addButton(self.by_kecamatan)
        self.area_level.addButton(self.by_desa)
        levels = QVBoxLayout()
        levels.setSpacing(2)
        levels.addWidget(self.by_kecamatan)
        levels.addWidget(self.by_desa)

        form = QFormLayout(self)
        form.addRow(self.tr("&Nama perangkat daerah:"), self.office)
        form.addRow(self.tr("&Jenis pelayanan:"), self.services)
        form.addRow("", self.services_count)
        form.addRow(self.tr("Baris laporan:"), levels)

        self.office.currentTextChanged.connect(self._on_office_text)
        self.services.checkedChanged.connect(self._on_services)
        self._on_services()

    def initializePage(self) -> None:
        code = self._region_page.picker.district_code
        kecamatan, desa = self._region_page.picker.counts(code) if code else (0, 0)
        self.by_kecamatan.setText(self.tr("Per kecamatan ({count} kecamatan)").format(count=format_int(kecamatan)))
        self.by_desa.setText(self.tr("Per desa/kelurahan ({count} desa/kelurahan)").format(count=format_int(desa)))

    @property
    def office_name(self) -> str:
        """The office name as typed, spaces tidied."""
        return " ".join(self.office.currentText().split())

    @property
    def area_level_code(self) -> str:
        """ "kecamatan" or "desa", as the installation stores it."""
        return "desa" if self.by_desa.isChecked() else "kecamatan"

    def isComplete(self) -> bool:
        return bool(self.office_name) and bool(self.services.checked_codes())

    def _on_office_text(self, text: str) -> None:
        # Tick a typical office's services once, when the name first matches it; later ticks are the user's.
        matched = _match_office(self._catalog.typical_offices, text)
        if matched is not None and matched is not self._matched:
            self.services.set_checked(s.code for s in self._catalog.services_for(matched.service_prefixes))
        self._matched = matched
        self.completeChanged.emit()

    def _on_services(self) -> None:
        count = len(self.services.checked_codes())
        self.services_count.setText(
            self.tr("{count} dari {total} jenis pelayanan dipilih.").format(count=count, total=self.services.total())
        )
        self.completeChanged.emit()


class OperatorPage(QWizardPage):
    """Operator: the name (required) and the NIP (optional, 18 digits)."""

    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("Operator"))
        self.setSubTitle(self.tr("Nama dan NIP operator dicatat pada setiap perubahan data (log audit)."))
        self.name = QLineEdit()
        self.name.setMaxLength(120)
        self.nip = QLineEdit()
        self.nip.setMaxLength(30)
        self.nip.setPlaceholderText(self.tr("18 angka, boleh dikosongkan"))
        self.nip_problem = QLabel()
        self.nip_problem.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("&Nama operator:"), self.name)
        form.addRow(self.tr("N&IP:"), self.nip)
        form.addRow("", self.nip_problem)
        self.name.textChanged.connect(self.completeChanged)
        self.nip.textChanged.connect(self._check_nip)
        self.nip.editingFinished.connect(lambda: self._check_nip(self.nip.text(), finished=True))
        self._check_nip("")

    def isComplete(self) -> bool:
        return bool(self.name.text().strip()) and self.nip_error() is None

    def nip_error(self) -> str | None:
        """Why the NIP cannot be used (translated), or None when it is empty or valid."""
        try:
            validate_nip(self.nip.text())
        except UserError as exc:
            return exc.message.format(translate=QCoreApplication.translate)
        return None

    def _check_nip(self, text: str, finished: bool = False) -> None:
        digits = text.replace(" ", "")
        problem = self.nip_error()
        if problem is None:
            self._show_nip(self.tr("Contoh: 19850101 201001 1 001") if not digits else "", error=False)
        elif digits.isdigit() and len(digits) < NIP_DIGITS and not finished:
            # Still typing: count the digits rather than scold.
            self._show_nip(
                self.tr("{count} dari {total} angka.").format(count=len(digits), total=NIP_DIGITS), error=False
            )
        else:
            self._show_nip(problem, error=True)
        self.completeChanged.emit()

    def _show_nip(self, text: str, *, error: bool) -> None:
        self.nip_problem.setStyleSheet(ERROR_STYLE if error else "")
        self.nip_problem.setForegroundRole(
            QPalette.ColorRole.WindowText if error else QPalette.ColorRole.PlaceholderText
        )
        self.nip_problem.setText(text)


class AccountPage(QWizardPage):
    """Akun admin: the first account, which logs in at every start (the operator's name and NIP)."""

    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("Akun admin"))
        self.setSubTitle(
            self.tr(
                "Akun pertama berperan admin: dipakai untuk masuk setiap kali aplikasi dibuka, dan untuk menambah "
                "akun operator atau verifikator lain melalui Akun › Kelola akun…"
            )
        )
        self.username = QLineEdit()
        self.username.setObjectName("admin_username")
        self.username.setMaxLength(32)
        self.username.setPlaceholderText(self.tr("mis. yohanes"))
        self.passwords = NewPasswordFields(self)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        form = QFormLayout(self)
        form.addRow(self.tr("Nama &pengguna:"), self.username)
        form.addRow(self.passwords)
        form.addRow("", self.problem)
        self.username.textChanged.connect(self.completeChanged)
        self.passwords.first.textChanged.connect(self.completeChanged)
        self.passwords.second.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return bool(self.username.text().strip()) and self.passwords.problem() is None

    def validatePage(self) -> bool:
        try:
            check_username(self.username.text())
        except UserError as exc:
            self.problem.setText(tr_user_error(exc))
            return False
        self.problem.clear()
        return True


class KeyPage(QWizardPage):
    """Kunci tanda tangan: a passphrase for the office signing key, or "Buat nanti"."""

    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("Kunci tanda tangan"))
        self.setSubTitle(self.tr("Kunci untuk menandatangani paket laporan yang dikirim ke kabupaten."))
        intro = QLabel(
            self.tr(
                "Setiap paket laporan yang Anda kirim ditandatangani dengan kunci ini, sehingga verifikator "
                "kabupaten dapat memastikan paket itu benar dari kantor Anda dan tidak diubah di jalan. "
                "Frasa sandi melindungi kunci itu: tanpa frasa sandi paket tidak dapat ditandatangani, dan "
                "frasa sandi yang lupa tidak dapat dipulihkan."
            )
        )
        intro.setWordWrap(True)
        self.make_now = QRadioButton(self.tr("&Buat kunci sekarang (disarankan)"))
        self.later = QRadioButton(self.tr("Buat &nanti"))
        self.make_now.setChecked(True)
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.make_now)
        self.choice.addButton(self.later)
        self.fields = PassphraseFields()
        self.fields.setContentsMargins(24, 0, 0, 0)
        self.consequence = QLabel(
            self.tr(
                "Tanpa kunci, paket laporan belum dapat dikirim ke kabupaten. Kunci dapat dibuat kapan saja "
                "melalui Berkas › Kunci & kepercayaan…"
            )
        )
        self.consequence.setWordWrap(True)
        self.consequence.setStyleSheet(
            "background: #fff4e5; color: #663c00; border: 1px solid #f5d29b; border-radius: 4px; padding: 8px;"
        )
        self.consequence.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addWidget(self.make_now)
        layout.addWidget(self.fields)
        layout.addWidget(self.later)
        layout.addWidget(self.consequence)
        layout.addStretch(1)
        self.fields.changed.connect(self.completeChanged)
        self.choice.buttonToggled.connect(self._chosen)
        self._chosen()

    @property
    def make_key(self) -> bool:
        """Whether Selesai makes the key."""
        return self.make_now.isChecked()

    @property
    def passphrase(self) -> str:
        """The passphrase for the new key ("" when the key is made later or it cannot be used)."""
        return self.fields.passphrase() if self.make_key else ""

    def isComplete(self) -> bool:
        return not self.make_key or self.fields.is_acceptable()

    def _chosen(self, *_args) -> None:
        self.fields.setEnabled(self.make_key)
        self.consequence.setVisible(not self.make_key)
        if self.make_key:
            self.fields.first.setFocus()
        self.completeChanged.emit()


class SummaryPage(QWizardPage):
    """Ringkasan: what Selesai will set up; a refusal from the store is shown here."""

    def __init__(self, wizard: SetupWizard):
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Ringkasan"))
        self.setSubTitle(self.tr("Periksa kembali, lalu tekan Selesai untuk menyiapkan aplikasi."))
        self.setFinalPage(True)
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.text)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)

    def initializePage(self) -> None:
        self.error.hide()
        self.text.setText(self._wizard.summary_html())

    def validatePage(self) -> bool:
        try:
            self._wizard.set_up()
        except UserError as exc:
            self.error.setText(exc.message.format(translate=QCoreApplication.translate))
            self.error.show()
            return False
        wizard = self._wizard
        if wizard.key_fingerprint is not None or wizard.key_problem is not None:
            show_key_result(wizard, wizard.key_fingerprint, wizard.key_problem)
        return True


class SetupWizard(QWizard):
    """The first-run set-up wizard; Selesai initialises the store's installation."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.catalog = load_catalog()
        self.regions = shipped_regions()
        self.setWindowTitle(self.tr("Penyiapan SPM Luring"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        # Qt ships no Indonesian translation of its own wizard buttons.
        for button, text in (
            (QWizard.WizardButton.BackButton, self.tr("Kembali")),
            (QWizard.WizardButton.NextButton, self.tr("Lanjut")),
            (QWizard.WizardButton.FinishButton, self.tr("Selesai")),
            (QWizard.WizardButton.CancelButton, self.tr("Batal")),
        ):
            self.setButtonText(button, text)
        self.region_page = RegionPage(self.regions)
        self.office_page = OfficePage(self.catalog, self.region_page)
        self.operator_page = OperatorPage()
        self.account_page = AccountPage()
        self.key_page = KeyPage()
        self.summary_page = SummaryPage(self)
        pages = (
            self.region_page,
            self.office_page,
            self.operator_page,
            self.account_page,
            self.key_page,
            self.summary_page,
        )
        for page in pages:
            self.addPage(page)
        self.key_fingerprint: str | None = None  # the key Selesai made
        self.key_problem: str | None = None  # why Selesai could not make it (the install is set up all the same)
        self.resize(760, 640)

    def set_up(self) -> None:
        """Initialises the installation from the pages, then makes the office key when asked for.

        Raises UserError when the store refuses the installation; a key that cannot be made does not
        undo the installation (it is noted in `key_problem`, and can be made later).
        """
        passphrase = self.key_page.passphrase
        self.store.installation_repo.initialize(
            catalog=self.catalog,
            regions=self.regions,
            district_code=self.region_page.picker.district_code or "",
            office_name=self.office_page.office_name,
            operator_name=self.operator_page.name.text(),
            operator_nip=self.operator_page.nip.text(),
            services=self.office_page.services.checked_codes(),
            area_level=self.office_page.area_level_code,
        )
        self.store.forget_installation()
        username, password = self.account_page.username.text(), self.account_page.passwords.password()
        self.store.users.add(
            username, self.operator_page.name.text(), self.operator_page.nip.text(), Role.ADMIN, password
        )
        self.store.access.login(username, password)
        if passphrase:
            self._make_key(passphrase)

    def _make_key(self, passphrase: str) -> None:
        from desktop.exchange.trust import create_office_key

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:  # ~0.3 s of scrypt: short enough for the GUI thread, with a busy cursor
            self.key_fingerprint = create_office_key(self.store, passphrase).fingerprint
        except UserError as exc:
            self.key_problem = tr_user_error(exc)
        finally:
            QGuiApplication.restoreOverrideCursor()
            self.key_page.fields.clear()

    def summary_html(self) -> str:
        """The chosen set-up, as rich text for the summary page."""
        code = self.region_page.picker.district_code or ""
        district = self.regions.get(code)
        province = self.regions.get(district.parent_code or "") if district else None
        kecamatan, desa = self.region_page.picker.counts(code) if district else (0, 0)
        if self.office_page.area_level_code == "desa":
            rows = self.tr("per desa/kelurahan ({count} desa/kelurahan)").format(count=format_int(desa))
        else:
            rows = self.tr("per kecamatan ({count} kecamatan)").format(count=format_int(kecamatan))
        chosen = set(self.office_page.services.checked_codes())
        groups = []
        for field in self.catalog.fields:
            names = [f"{s.code} {html.escape(s.name)}" for s in field.services if s.code in chosen]
            if names:
                groups.append(f"<b>{html.escape(field.name)}</b><br>" + "<br>".join(names))
        nip = self.operator_page.nip.text().replace(" ", "")
        if len(nip) == NIP_DIGITS:  # as printed on forms: birth date, appointment, sex, serial
            nip = f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
        facts = [
            (self.tr("Provinsi"), province.name if province else ""),
            (self.tr("Kabupaten/kota"), f"{district.name} ({code})" if district else ""),
            (self.tr("Perangkat daerah"), self.office_page.office_name),
            (self.tr("Baris laporan"), rows),
            (self.tr("Operator"), self.operator_page.name.text().strip()),
            (self.tr("NIP"), nip or self.tr("(tidak diisi)")),
            (self.tr("Akun admin"), self.account_page.username.text().strip()),
            (self.tr("Jenis pelayanan"), self.tr("{count} jenis").format(count=len(chosen))),
            (
                self.tr("Kunci tanda tangan"),
                self.tr("dibuat saat Selesai ditekan")
                if self.key_page.make_key
                else self.tr("dibuat nanti (paket laporan belum dapat dikirim)"),
            ),
        ]
        table = "".join(
            f"<tr><td style='padding-right:12px'>{html.escape(label)}</td><td><b>{html.escape(value)}</b></td></tr>"
            for label, value in facts
        )
        return f"<table>{table}</table><p>{'</p><p>'.join(groups)}</p>"

    def reject(self) -> None:
        # Past the first page there is typed work to lose: ask first.
        if self.currentId() > 0 and not confirm_cancel(self):
            return
        super().reject()


def run_setup(store: Store, parent: QWidget | None = None) -> bool:
    """Shows the set-up wizard modally; True when the install is now set up."""
    wizard = SetupWizard(store, parent)
    try:
        accepted = wizard.exec() == QDialog.DialogCode.Accepted
    finally:
        wizard.deleteLater()
    return accepted and store.installation is not None

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name>App</name>
    <message>
        <source>SPM Luring</source>
        <translation>SPM Luring</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>Baris log audit {row} hilang (dihapus).</source>
        <translation>Audit log row {row} is missing (deleted).</translation>
    </message>
    <message>
        <source>Baris log audit {row} tidak menyambung ke baris sebelumnya (disisipkan atau diubah).</source>
        <translation>Audit log row {row} does not link to the previous row (inserted or altered).</translation>
    </message>
    <message>
        <source>Baris log audit {row} diubah setelah dicatat.</source>
        <translation>Audit log row {row} was changed after it was recorded.</translation>
    </message>
    <message>
        <source>Penanda akhir log audit hilang.</source>
        <translation>The end marker of the audit log is missing.</translation>
    </message>
    <message>
        <source>Baris log audit setelah baris {row} hilang (dihapus).</source>
        <translation>Audit log rows after row {row} are missing (deleted).</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Layanan {code} tidak termasuk layanan yang dilaporkan {office} (lihat &apos;spm-luring catalog&apos;).</source>
        <translation>Service {code} is not one of the services {office} reports on (see &apos;spm-luring catalog&apos;).</translation>
    </message>
    <message>
        <source>Data dukung {id} tidak ada.</source>
        <translation>There is no supporting evidence with ID {id}.</translation>
    </message>
</context>
<context>
    <name>Column</name>
    <message>
        <source>Sasaran</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Terlayani</source>
        <translation>Served</translation>
    </message>
    <message>
        <source>Mutu dipersyaratkan</source>
        <translation>Quality required</translation>
    </message>
    <message>
        <source>Mutu terpenuhi</source>
        <translation>Quality met</translation>
    </message>
    <message>
        <source>Anggaran (Rp)</source>
        <translation>Budget (Rp)</translation>
    </message>
    <message>
        <source>Realisasi (Rp)</source>
        <translation>Spent (Rp)</translation>
    </message>
    <message>
        <source>Permasalahan</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>Tindak lanjut</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>Evidence</name>
    <message>
        <source>&apos;{name}&apos; bukan berkas.</source>
        <translation>&apos;{name}&apos; is not a file.</translation>
    </message>
    <message>
        <source>Berkas &apos;{name}&apos; tidak ditemukan.</source>
        <translation>The file &apos;{name}&apos; was not found.</translation>
    </message>
    <message>
        <source>Berkas &apos;{name}&apos; berukuran {size} MB, melebihi batas {limit} MB. Perkecil berkasnya (misalnya pindai ulang dengan resolusi lebih rendah).</source>
        <translation>The file &apos;{name}&apos; is {size} MB, over the {limit} MB limit. Make the file smaller (for example, scan it again at a lower resolution).</translation>
    </message>
    <message>
        <source>Berkas &apos;{name}&apos; kosong.</source>
        <translation>The file &apos;{name}&apos; is empty.</translation>
    </message>
    <message>
        <source>Isi berkas &apos;{name}&apos; tidak dikenali sebagai {claimed}. Data dukung yang diterima: PDF, JPEG, PNG, XLSX, DOCX, ODT, ODS.</source>
        <translation>The content of &apos;{name}&apos; is not recognized as {claimed}. Accepted supporting evidence: PDF, JPEG, PNG, XLSX, DOCX, ODT, ODS.</translation>
    </message>
    <message>
        <source>jenis yang diterima</source>
        <translation>an accepted type</translation>
    </message>
    <message>
        <source>Wilayah {code} bukan bagian dari kabupaten/kota ini.</source>
        <translation>Area {code} is not part of this regency/city.</translation>
    </message>
    <message>
        <source>Berkas &apos;{name}&apos; berubah atau terputus saat disalin; tidak dilampirkan. Coba lagi.</source>
        <translation>The file &apos;{name}&apos; changed or was cut off while being copied; it was not attached. Try again.</translation>
    </message>
</context>
<context>
    <name>EvidenceDialogs</name>
    <message>
        <source>Data dukung ({patterns})</source>
        <translation>Supporting evidence ({patterns})</translation>
    </message>
    <message>
        <source>Semua berkas (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Pilih data dukung</source>
        <translation>Choose supporting evidence</translation>
    </message>
    <message>
        <source>Lampirkan data dukung</source>
        <translation>Attach supporting evidence</translation>
    </message>
    <message>
        <source>Lampirkan</source>
        <translation>Attach</translation>
    </message>
    <message>
        <source>… dan {count} berkas lain</source>
        <translation>… and {count} more</translation>
    </message>
    <message>
        <source>{listed}

Keterangan (boleh dikosongkan):</source>
        <translation>{listed}

Description (optional):</translation>
    </message>
    <message>
        <source>Lepas data dukung</source>
        <translation>Remove supporting evidence</translation>
    </message>
    <message>
        <source>Lepas</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Lepaskan &apos;{name}&apos; dari laporan ini?
Berkasnya tetap tersimpan dan tindakan ini dicatat di log audit.

Alasan (boleh dikosongkan):</source>
        <translation>Remove &apos;{name}&apos; from this report?
The file stays stored and this action is recorded in the audit log.

Reason (optional):</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>EvidenceModel</name>
    <message>
        <source>Nama berkas</source>
        <translation>File name</translation>
    </message>
    <message>
        <source>Wilayah</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Ukuran</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>{name}
Ditambahkan oleh {who}
SHA-256: {sha}</source>
        <translation>{name}
Added by {who}
SHA-256: {sha}</translation>
    </message>
    <message>
        <source>Seluruh laporan</source>
        <translation>Whole report</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <source>Pilih jenis pelayanan dan triwulan untuk melihat data dukungnya.</source>
        <translation>Choose a service type and a quarter to see its supporting evidence.</translation>
    </message>
    <message>
        <source>Seluruh laporan</source>
        <translation>Whole report</translation>
    </message>
    <message>
        <source>T&amp;ambah…</source>
        <translation>&amp;Add…</translation>
    </message>
    <message>
        <source>B&amp;uka</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>&amp;Lepas</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>Lampirkan berkas PDF, JPEG, PNG, XLSX, DOCX, ODT atau ODS</source>
        <translation>Attach PDF, JPEG, PNG, XLSX, DOCX, ODT or ODS files</translation>
    </message>
    <message>
        <source>Buka salinan hanya-baca dengan aplikasi penampil di komputer ini</source>
        <translation>Open a read-only copy in a viewer on this computer</translation>
    </message>
    <message>
        <source>Lepaskan dari laporan (dicatat di log audit; berkasnya tetap tersimpan)</source>
        <translation>Remove from the report (recorded in the audit log; the file stays stored)</translation>
    </message>
    <message>
        <source>Berkas juga dapat diseret dari pengelola berkas ke daftar ini.</source>
        <translation>Files can also be dragged from the file manager onto this list.</translation>
    </message>
    <message>
        <source>Wilayah terpilih: (tidak ada)</source>
        <translation>Selected area: (none)</translation>
    </message>
    <message>
        <source>Wilayah terpilih: {area}</source>
        <translation>Selected area: {area}</translation>
    </message>
    <message>
        <source>{count} berkas</source>
        <translation>Files: {count}</translation>
    </message>
    <message>
        <source>Belum ada berkas</source>
        <translation>No files yet</translation>
    </message>
    <message>
        <source>Berkas baru dilampirkan ke laporan secara keseluruhan.</source>
        <translation>New files are attached to the report as a whole.</translation>
    </message>
    <message>
        <source>Berkas baru dilampirkan ke wilayah {area}.</source>
        <translation>New files are attached to the area {area}.</translation>
    </message>
    <message>
        <source>Tidak ada berkas yang dilampirkan.</source>
        <translation>No files were attached.</translation>
    </message>
    <message>
        <source>Menyalin {count} berkas ke penyimpanan data dukung…</source>
        <translation>Copying {count} file(s) to the supporting evidence store…</translation>
    </message>
    <message>
        <source>{count} berkas dilampirkan ke laporan.</source>
        <translation>{count} file(s) attached to the report.</translation>
    </message>
    <message>
        <source>{count} berkas dilampirkan ke wilayah {area}.</source>
        <translation>{count} file(s) attached to the area {area}.</translation>
    </message>
    <message>
        <source>Berkas &apos;{name}&apos; tidak ditemukan di penyimpanan data dukung. Pulihkan dari cadangan.</source>
        <translation>The file &apos;{name}&apos; is missing from the supporting evidence store. Restore it from a backup.</translation>
    </message>
    <message>
        <source>Salinan &apos;{name}&apos; untuk dibuka tidak dapat dibuat: {reason}</source>
        <translation>Could not make a copy of &apos;{name}&apos; to open: {reason}</translation>
    </message>
    <message>
        <source>Tidak ada aplikasi di komputer ini untuk membuka berkas {type} &apos;{name}&apos;.</source>
        <translation>No application on this computer can open the {type} file &apos;{name}&apos;.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; dilepas dari laporan.</source>
        <translation>&apos;{name}&apos; was removed from the report.</translation>
    </message>
</context>
<context>
    <name>InstanceLock</name>
    <message>
        <source>SPM Luring sudah terbuka untuk folder data ini (proses {pid}). Gunakan jendela yang sudah terbuka; dua salinan tidak boleh menulis data yang sama.</source>
        <translation>SPM Luring is already open for this data folder (process {pid}). Use the window that is already open; two copies must not write to the same data.</translation>
    </message>
    <message>
        <source>SPM Luring sudah terbuka untuk folder data ini. Gunakan jendela yang sudah terbuka; dua salinan tidak boleh menulis data yang sama.</source>
        <translation>SPM Luring is already open for this data folder. Use the window that is already open; two copies must not write to the same data.</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>&amp;Bahasa</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Bahasa</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Bahasa tampilan akan berganti setelah SPM Luring ditutup lalu dibuka kembali.</source>
        <translation>The display language will change after SPM Luring is closed and opened again.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>SPM Luring — {office}, {district}</source>
        <translation>SPM Luring — {office}, {district}</translation>
    </message>
    <message>
        <source>Tersimpan pukul {time}</source>
        <translation>Saved at {time}</translation>
    </message>
    <message>
        <source>Tidak tersimpan: {reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
    <message>
        <source>Seluruh laporan</source>
        <translation>Whole report</translation>
    </message>
    <message>
        <source>&amp;Isian</source>
        <translation>&amp;Data entry</translation>
    </message>
    <message>
        <source>Ri&amp;ngkasan</source>
        <translation>&amp;Summary</translation>
    </message>
    <message>
        <source>Data dukung</source>
        <translation>Supporting evidence</translation>
    </message>
    <message>
        <source>Panel data dukung belum tersedia.</source>
        <translation>The supporting evidence panel is not available yet.</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Status penyimpanan</source>
        <translation>Save status</translation>
    </message>
    <message>
        <source>&amp;Berkas</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Keluar</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Ubah</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>Urungkan</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Ulangi</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>&amp;Salin</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>&amp;Tempel</source>
        <translation>&amp;Paste</translation>
    </message>
    <message>
        <source>&amp;Kosongkan sel</source>
        <translation>C&amp;lear cells</translation>
    </message>
    <message>
        <source>&amp;Tampilan</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>B&amp;antuan</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Tentang SPM Luring</source>
        <translation>&amp;About SPM Luring</translation>
    </message>
    <message>
        <source>Tentang SPM Luring</source>
        <translation>About SPM Luring</translation>
    </message>
    <message>
        <source>SPM Luring {version}

Pencatatan capaian Standar Pelayanan Minimal per triwulan, tanpa jaringan.</source>
        <translation>SPM Luring {version}

Offline, quarterly recording of achievement against the Minimum Service Standards (Standar Pelayanan Minimal, SPM).</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <source>Perangkat daerah</source>
        <translation>Regional agency</translation>
    </message>
    <message>
        <source>Nama perangkat daerah (OPD) dan jenis pelayanan dasar yang dilaporkannya.</source>
        <translation>The regional agency (OPD) and the basic service types it reports on.</translation>
    </message>
    <message>
        <source>Pilih dari daftar atau ketik nama lengkapnya</source>
        <translation>Pick from the list or type its full name</translation>
    </message>
    <message>
        <source>&amp;Nama perangkat daerah:</source>
        <translation>Agency &amp;name:</translation>
    </message>
    <message>
        <source>&amp;Jenis pelayanan:</source>
        <translation>Service &amp;types:</translation>
    </message>
    <message>
        <source>Baris laporan:</source>
        <translation>Report rows:</translation>
    </message>
    <message>
        <source>Per kecamatan ({count} kecamatan)</source>
        <translation>Per district (kecamatan): {count}</translation>
    </message>
    <message>
        <source>Per desa/kelurahan ({count} desa/kelurahan)</source>
        <translation>Per village (desa/kelurahan): {count}</translation>
    </message>
    <message>
        <source>{count} dari {total} jenis pelayanan dipilih.</source>
        <translation>{count} of {total} service types selected.</translation>
    </message>
</context>
<context>
    <name>OperatorPage</name>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Nama dan NIP operator dicatat pada setiap perubahan data (log audit).</source>
        <translation>The operator&apos;s name and NIP are recorded with every data change (audit log).</translation>
    </message>
    <message>
        <source>18 angka, boleh dikosongkan</source>
        <translation>18 digits, optional</translation>
    </message>
    <message>
        <source>&amp;Nama operator:</source>
        <translation>Operator &amp;name:</translation>
    </message>
    <message>
        <source>N&amp;IP:</source>
        <translation>N&amp;IP:</translation>
    </message>
    <message>
        <source>Contoh: 19850101 201001 1 001</source>
        <translation>Example: 19850101 201001 1 001</translation>
    </message>
    <message>
        <source>{count} dari {total} angka.</source>
        <translation>{count} of {total} digits.</translation>
    </message>
</context>
<context>
    <name>Period</name>
    <message>
        <source>Tahun {year} di luar rentang {first}-{last}.</source>
        <translation>Year {year} is outside the range {first}-{last}.</translation>
    </message>
    <message>
        <source>Triwulan harus 1, 2, 3 atau 4, bukan {quarter}.</source>
        <translation>The quarter must be 1, 2, 3 or 4, not {quarter}.</translation>
    </message>
    <message>
        <source>Periode &apos;{text}&apos; tidak dikenali; tulis misalnya 2024Q3.</source>
        <translation>Period &apos;{text}&apos; not recognized; write it like 2024Q3.</translation>
    </message>
</context>
<context>
    <name>PeriodBar</name>
    <message>
        <source>Jan–Mar</source>
        <translation>Jan–Mar</translation>
    </message>
    <message>
        <source>Apr–Jun</source>
        <translation>Apr–Jun</translation>
    </message>
    <message>
        <source>Jul–Sep</source>
        <translation>Jul–Sep</translation>
    </message>
    <message>
        <source>Okt–Des</source>
        <translation>Oct–Dec</translation>
    </message>
    <message>
        <source>Tahun</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Triwulan {roman} ({months})</source>
        <translation>Quarter {roman} ({months})</translation>
    </message>
    <message>
        <source>Triwulan</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>Ta&amp;hun</source>
        <translation>&amp;Year</translation>
    </message>
    <message>
        <source>T&amp;riwulan</source>
        <translation>&amp;Quarter</translation>
    </message>
</context>
<context>
    <name>RegionPage</name>
    <message>
        <source>Wilayah</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Pilih kabupaten/kota tempat perangkat daerah ini melapor.</source>
        <translation>Choose the regency or city (kabupaten/kota) this agency reports for.</translation>
    </message>
</context>
<context>
    <name>RegionPicker</name>
    <message>
        <source>Semua provinsi</source>
        <translation>All provinces</translation>
    </message>
    <message>
        <source>Ketik nama, misalnya: mahakam</source>
        <translation>Type a name, e.g. mahakam</translation>
    </message>
    <message>
        <source>Kabupaten/kota</source>
        <translation>Regency/city</translation>
    </message>
    <message>
        <source>Provinsi</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>&amp;Provinsi:</source>
        <translation>&amp;Province:</translation>
    </message>
    <message>
        <source>&amp;Cari kabupaten/kota:</source>
        <translation>&amp;Search regency/city:</translation>
    </message>
    <message>
        <source>Pilih satu kabupaten/kota dari daftar ({count} ditemukan).</source>
        <translation>Choose a regency/city from the list ({count} found).</translation>
    </message>
    <message>
        <source>Tidak ada kabupaten/kota yang cocok. Periksa ejaan atau pilih provinsi lain.</source>
        <translation>No regency/city matches. Check the spelling or choose another province.</translation>
    </message>
    <message>
        <source>{name} ({code}), Provinsi {province}: {kecamatan} kecamatan, {desa} desa/kelurahan.</source>
        <translation>{name} ({code}), {province} Province: {kecamatan} districts (kecamatan), {desa} villages (desa/kelurahan).</translation>
    </message>
</context>
<context>
    <name>ReportGrid</name>
    <message>
        <source>Wilayah</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Isian laporan</source>
        <translation>Report data entry</translation>
    </message>
    <message>
        <source>Papan klip kosong: salin dulu sel dari lembar kerja.</source>
        <translation>The clipboard is empty: copy cells from a spreadsheet first.</translation>
    </message>
</context>
<context>
    <name>ReportHeader</name>
    <message>
        <source>Pilih jenis pelayanan dasar di sebelah kiri</source>
        <translation>Choose a basic service type on the left</translation>
    </message>
    <message>
        <source>(belum ditetapkan dalam katalog)</source>
        <translation>(not yet defined in the catalog)</translation>
    </message>
    <message>
        <source>Penerima layanan: {recipient}</source>
        <translation>Service recipients: {recipient}</translation>
    </message>
    <message>
        <source>Status laporan: {status}</source>
        <translation>Report status: {status}</translation>
    </message>
    <message>
        <source>Status laporan: {status} — isian terkunci dan tidak dapat diubah.</source>
        <translation>Report status: {status} — the entries are locked and cannot be changed.</translation>
    </message>
    <message>
        <source>Capaian penerima {recipients}  ·  Capaian mutu {quality}  ·  Realisasi anggaran {budget}</source>
        <translation>Recipient achievement {recipients}  ·  Quality achievement {quality}  ·  Budget spent {budget}</translation>
    </message>
    <message>
        <source>Nilai {score}</source>
        <translation>Score {score}</translation>
    </message>
    <message>
        <source>Belum ada data</source>
        <translation>No data yet</translation>
    </message>
</context>
<context>
    <name>ReportTableModel</name>
    <message>
        <source>Wilayah</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Jumlah penerima yang harus dilayani dalam satu tahun</source>
        <translation>Number of recipients to be served in the year</translation>
    </message>
    <message>
        <source>Jumlah penerima yang sudah dilayani sejak awal tahun (kumulatif)</source>
        <translation>Number of recipients served since the start of the year (cumulative)</translation>
    </message>
    <message>
        <source>Belum terlayani</source>
        <translation>Not yet served</translation>
    </message>
    <message>
        <source>Dihitung otomatis: Sasaran − Terlayani</source>
        <translation>Calculated automatically: Target − Served</translation>
    </message>
    <message>
        <source>Capaian (%)</source>
        <translation>Achievement (%)</translation>
    </message>
    <message>
        <source>Dihitung otomatis: Terlayani ÷ Sasaran</source>
        <translation>Calculated automatically: Served ÷ Target</translation>
    </message>
    <message>
        <source>Jumlah butir mutu (barang/jasa, SDM, petunjuk teknis) yang dipersyaratkan</source>
        <translation>Number of quality items required (goods/services, human resources, technical guidelines)</translation>
    </message>
    <message>
        <source>Jumlah butir mutu yang sudah terpenuhi</source>
        <translation>Number of quality items already met</translation>
    </message>
    <message>
        <source>Capaian mutu (%)</source>
        <translation>Quality achieved (%)</translation>
    </message>
    <message>
        <source>Dihitung otomatis: Mutu terpenuhi ÷ Mutu dipersyaratkan</source>
        <translation>Calculated automatically: Quality met ÷ Quality required</translation>
    </message>
    <message>
        <source>Alokasi anggaran untuk layanan ini (rupiah)</source>
        <translation>Budget allocated to this service (rupiah)</translation>
    </message>
    <message>
        <source>Anggaran yang sudah direalisasikan sejak awal tahun (rupiah)</source>
        <translation>Budget spent since the start of the year (rupiah)</translation>
    </message>
    <message>
        <source>Realisasi (%)</source>
        <translation>Spent (%)</translation>
    </message>
    <message>
        <source>Dihitung otomatis: Realisasi ÷ Anggaran (dilaporkan, tidak masuk nilai)</source>
        <translation>Calculated automatically: Spent ÷ Budget (reported, not part of the score)</translation>
    </message>
    <message>
        <source>Permasalahan yang dihadapi</source>
        <translation>Problems encountered</translation>
    </message>
    <message>
        <source>Tindak lanjut atau solusi yang direncanakan</source>
        <translation>Planned follow-up or solution</translation>
    </message>
    <message>
        <source>Data dukung</source>
        <translation>Supporting evidence</translation>
    </message>
    <message>
        <source>Jumlah berkas data dukung wilayah ini (lihat panel Data dukung)</source>
        <translation>Number of supporting evidence files for this area (see the Supporting evidence panel)</translation>
    </message>
    <message>
        <source>Tingkat kota (tidak dirinci)</source>
        <translation>City level (not broken down)</translation>
    </message>
    <message>
        <source>Tingkat kabupaten (tidak dirinci)</source>
        <translation>Regency level (not broken down)</translation>
    </message>
    <message>
        <source>isi sel</source>
        <translation>cell entry</translation>
    </message>
    <message>
        <source>tempel</source>
        <translation>paste</translation>
    </message>
    <message>
        <source>hapus isi</source>
        <translation>clear contents</translation>
    </message>
    <message>
        <source>Laporan ini tidak dapat diubah karena statusnya bukan draf.</source>
        <translation>This report cannot be changed because its status is not Draft.</translation>
    </message>
    <message>
        <source>Blok yang ditempel berisi {rows} baris, tetapi dari baris ini hanya ada {room} baris wilayah.</source>
        <translation>The pasted block has {rows} rows, but there are only {room} area rows from this row down.</translation>
    </message>
    <message>
        <source>Blok yang ditempel berisi {columns} kolom dan melewati kolom terakhir.</source>
        <translation>The pasted block has {columns} columns and runs past the last column.</translation>
    </message>
    <message>
        <source>Blok yang ditempel mengenai kolom {column}, yang tidak dapat diisi.</source>
        <translation>The pasted block covers the column {column}, which cannot be filled in.</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Jumlah seluruh baris laporan</source>
        <translation>Total of all report rows</translation>
    </message>
    <message>
        <source>{name} ({code}): angka yang tidak dirinci per desa/kelurahan, misalnya layanan di rumah sakit daerah.</source>
        <translation>{name} ({code}): figures not broken down by village (desa/kelurahan), such as services at the regional hospital.</translation>
    </message>
    <message>
        <source>{name} ({code}): angka yang tidak dirinci per kecamatan, misalnya layanan di rumah sakit daerah.</source>
        <translation>{name} ({code}): figures not broken down by district (kecamatan), such as services at the regional hospital.</translation>
    </message>
    <message>
        <source>Kode wilayah: {code}</source>
        <translation>Area code: {code}</translation>
    </message>
    <message>
        <source>Sasaran 0: tidak berlaku, tidak dihitung</source>
        <translation>Target 0: not applicable, not counted</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>{area}: {reason}</source>
        <translation>{area}: {reason}</translation>
    </message>
    <message>
        <source>Wilayah {code} bukan bagian dari kabupaten/kota ini.</source>
        <translation>Area {code} is not part of this regency/city.</translation>
    </message>
    <message>
        <source>Laporan ini berstatus {status} dan tidak dapat diubah.</source>
        <translation>This report has the status {status} and cannot be changed.</translation>
    </message>
    <message>
        <source>{area}, kolom {column}: {reason}</source>
        <translation>{area}, column {column}: {reason}</translation>
    </message>
</context>
<context>
    <name>ServiceTree</name>
    <message>
        <source>Jenis pelayanan dasar</source>
        <translation>Basic service type</translation>
    </message>
    <message>
        <source>Nilai</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Daftar jenis pelayanan dasar</source>
        <translation>Basic service types</translation>
    </message>
    <message>
        <source>Rata-rata nilai bidang</source>
        <translation>Average score of the sector</translation>
    </message>
    <message>
        <source>Nilai jenis pelayanan</source>
        <translation>Service score</translation>
    </message>
    <message>
        <source>Belum ada data pada triwulan ini</source>
        <translation>No data for this quarter yet</translation>
    </message>
</context>
<context>
    <name>Setup</name>
    <message>
        <source>NIP harus 18 angka (tertulis: &apos;{nip}&apos;).</source>
        <translation>The NIP must have 18 digits (entered: &apos;{nip}&apos;).</translation>
    </message>
    <message>
        <source>Aplikasi ini sudah disiapkan untuk {office}.</source>
        <translation>This application is already set up for {office}.</translation>
    </message>
    <message>
        <source>Kode &apos;{code}&apos; bukan kode kabupaten/kota yang dikenal (contoh: 64.11).</source>
        <translation>&apos;{code}&apos; is not a known regency/city code (example: 64.11).</translation>
    </message>
    <message>
        <source>Nama perangkat daerah (OPD) wajib diisi.</source>
        <translation>The name of the regional agency (OPD) is required.</translation>
    </message>
    <message>
        <source>Nama operator wajib diisi.</source>
        <translation>The operator&apos;s name is required.</translation>
    </message>
    <message>
        <source>Tingkat wilayah harus kecamatan atau desa.</source>
        <translation>The area level must be kecamatan or desa.</translation>
    </message>
    <message>
        <source>Kode layanan tidak dikenal: {codes}.</source>
        <translation>Unknown service code(s): {codes}.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Batalkan penyiapan? Isian yang sudah dibuat tidak disimpan.</source>
        <translation>Cancel the setup? What you have entered will not be saved.</translation>
    </message>
    <message>
        <source>Batalkan penyiapan</source>
        <translation>Cancel setup</translation>
    </message>
    <message>
        <source>Lanjutkan mengisi</source>
        <translation>Continue setup</translation>
    </message>
    <message>
        <source>Penyiapan SPM Luring</source>
        <translation>SPM Luring setup</translation>
    </message>
    <message>
        <source>Kembali</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Lanjut</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>per desa/kelurahan ({count} desa/kelurahan)</source>
        <translation>per village (desa/kelurahan): {count}</translation>
    </message>
    <message>
        <source>per kecamatan ({count} kecamatan)</source>
        <translation>per district (kecamatan): {count}</translation>
    </message>
    <message>
        <source>Provinsi</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Kabupaten/kota</source>
        <translation>Regency/city</translation>
    </message>
    <message>
        <source>Perangkat daerah</source>
        <translation>Regional agency</translation>
    </message>
    <message>
        <source>Baris laporan</source>
        <translation>Report rows</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <source>(tidak diisi)</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <source>Jenis pelayanan</source>
        <translation>Service types</translation>
    </message>
    <message>
        <source>{count} jenis</source>
        <translation>{count} selected</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Draf</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Diajukan</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>Dikembalikan</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>Disetujui</source>
        <translation>Approved</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>Disk penuh di {where}. Kosongkan ruang disk lalu coba lagi; data yang sudah tersimpan tetap aman.</source>
        <translation>The disk is full at {where}. Free up disk space and try again; data already saved is safe.</translation>
    </message>
    <message>
        <source>Folder data {where} tidak dapat ditulisi (hanya-baca atau tanpa izin). Perubahan tidak disimpan.</source>
        <translation>The data folder {where} cannot be written to (read-only or no permission). The change was not saved.</translation>
    </message>
    <message>
        <source>Berkas basis data {where} rusak. Pulihkan dari cadangan terakhir.</source>
        <translation>The database file {where} is damaged. Restore it from the latest backup.</translation>
    </message>
    <message>
        <source>Media penyimpanan {where} tidak dapat diakses ({reason}). Periksa apakah masih terpasang.</source>
        <translation>The storage device {where} cannot be accessed ({reason}). Check that it is still connected.</translation>
    </message>
    <message>
        <source>Gagal menulis ke {where}: {reason}</source>
        <translation>Could not write to {where}: {reason}</translation>
    </message>
    <message>
        <source>Basis data sedang dipakai proses lain. Tutup aplikasi SPM Luring yang lain lalu coba lagi.</source>
        <translation>The database is in use by another process. Close the other copy of SPM Luring and try again.</translation>
    </message>
    <message>
        <source>Kesalahan baca/tulis disk di {where}. Perubahan tidak disimpan.</source>
        <translation>Disk read/write error at {where}. The change was not saved.</translation>
    </message>
    <message>
        <source>Basis data ini dibuat oleh versi SPM Luring yang lebih baru (skema {found}, versi ini {supported}). Pasang versi terbaru.</source>
        <translation>This database was made by a newer version of SPM Luring (schema {found}; this version supports {supported}). Install the latest version.</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>Belum ada data di {folder}. Jalankan &apos;spm-luring init&apos; atau buka aplikasinya.</source>
        <translation>There is no data in {folder} yet. Run &apos;spm-luring init&apos; or open the application.</translation>
    </message>
    <message>
        <source>Basis data di {folder} perlu diperbarui; buka aplikasinya sekali terlebih dahulu.</source>
        <translation>The database in {folder} needs updating; open the application once first.</translation>
    </message>
    <message>
        <source>Aplikasi belum disiapkan. Jalankan penyiapan awal (atau &apos;spm-luring init&apos;) dahulu.</source>
        <translation>The application has not been set up yet. Run the initial setup (or &apos;spm-luring init&apos;) first.</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Ringkasan</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Periksa kembali, lalu tekan Selesai untuk menyiapkan aplikasi.</source>
        <translation>Check the details, then press Finish to set up the application.</translation>
    </message>
</context>
<context>
    <name>SummaryView</name>
    <message>
        <source>Indeks capaian SPM: rata-rata nilai jenis pelayanan yang sudah berisi data. Nilai jenis pelayanan = {recipients} capaian penerima + {quality} capaian mutu (paling tinggi 100).</source>
        <translation>SPM achievement index: the average score of the service types that have data. Service score = {recipients} recipient achievement + {quality} quality achievement (at most 100).</translation>
    </message>
    <message>
        <source>Bidang / jenis pelayanan dasar</source>
        <translation>Sector / basic service type</translation>
    </message>
    <message>
        <source>Sasaran</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Terlayani</source>
        <translation>Served</translation>
    </message>
    <message>
        <source>Capaian penerima (%)</source>
        <translation>Recipients served (%)</translation>
    </message>
    <message>
        <source>Capaian mutu (%)</source>
        <translation>Quality achieved (%)</translation>
    </message>
    <message>
        <source>Realisasi anggaran (%)</source>
        <translation>Budget spent (%)</translation>
    </message>
    <message>
        <source>Nilai</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Ringkasan capaian per jenis pelayanan</source>
        <translation>Achievement summary by service type</translation>
    </message>
    <message>
        <source>&lt;b&gt;{office}&lt;/b&gt; — Triwulan {roman} {year}</source>
        <translation>&lt;b&gt;{office}&lt;/b&gt; — Quarter {roman} {year}</translation>
    </message>
    <message>
        <source>Belum ada data</source>
        <translation>No data yet</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>{column}: &apos;{text}&apos; bukan bilangan bulat. Isi angka tanpa koma, misalnya 1.250.</source>
        <translation>{column}: &apos;{text}&apos; is not a whole number. Enter digits only, without decimals, e.g. 1250.</translation>
    </message>
    <message>
        <source>{column} tidak boleh negatif ({value}).</source>
        <translation>{column} cannot be negative ({value}).</translation>
    </message>
    <message>
        <source>{column} terlalu besar ({value}); periksa kembali angkanya.</source>
        <translation>{column} is too large ({value}); check the figure again.</translation>
    </message>
    <message>
        <source>{column} terlalu panjang ({length} karakter, paling banyak {limit}).</source>
        <translation>{column} is too long ({length} characters, at most {limit}).</translation>
    </message>
    <message>
        <source>Mutu terpenuhi ({met}) melebihi mutu yang dipersyaratkan ({required}).</source>
        <translation>Quality met ({met}) exceeds quality required ({required}).</translation>
    </message>
    <message>
        <source>Sasaran 0 (tidak berlaku) tetapi terlayani {served}; jelaskan di Permasalahan.</source>
        <translation>Target is 0 (not applicable) but {served} were served; explain under Problems.</translation>
    </message>
    <message>
        <source>Terlayani ({served}) melebihi sasaran ({target}); jelaskan di Permasalahan.</source>
        <translation>Served ({served}) exceeds the target ({target}); explain under Problems.</translation>
    </message>
    <message>
        <source>Terlayani sudah diisi tetapi sasaran belum; baris ini belum dihitung dalam capaian.</source>
        <translation>Served is filled in but Target is not; this row is not yet counted in the achievement.</translation>
    </message>
    <message>
        <source>Realisasi melebihi anggaran; jelaskan di Permasalahan.</source>
        <translation>Spent exceeds the budget; explain under Problems.</translation>
    </message>
    <message>
        <source>{column} ({now}) lebih kecil dari triwulan sebelumnya ({before}); angka triwulan bersifat kumulatif.</source>
        <translation>{column} ({now}) is lower than in the previous quarter ({before}); quarterly figures are cumulative.</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <source>Terjadi kesalahan yang tidak terduga: {reason}. Data yang sudah tersimpan tetap aman.</source>
        <translation>An unexpected error occurred: {reason}. Data already saved is safe.</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Sedang bekerja</source>
        <translation>Working</translation>
    </message>
</context>
</TS>

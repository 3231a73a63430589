<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name>Access</name>
    <message>
        <source>mengubah angka dan data dukung laporan</source>
        <translation>change a report&apos;s figures and evidence</translation>
    </message>
    <message>
        <source>mengajukan laporan</source>
        <translation>submit reports</translation>
    </message>
    <message>
        <source>mengembalikan laporan</source>
        <translation>return reports</translation>
    </message>
    <message>
        <source>menyetujui laporan</source>
        <translation>approve reports</translation>
    </message>
    <message>
        <source>mengirim paket laporan</source>
        <translation>send report bundles</translation>
    </message>
    <message>
        <source>menerima paket laporan</source>
        <translation>receive report bundles</translation>
    </message>
    <message>
        <source>mengelola akun pengguna</source>
        <translation>manage user accounts</translation>
    </message>
    <message>
        <source>mengatur batas waktu periode</source>
        <translation>set period deadlines</translation>
    </message>
    <message>
        <source>mengelola kunci, kepercayaan dan penanda tangan</source>
        <translation>manage keys, trust and signatories</translation>
    </message>
    <message>
        <source>bekerja setelah batas waktu</source>
        <translation>work after the deadline</translation>
    </message>
    <message>
        <source>Masuk dengan akun Anda terlebih dahulu untuk {act}.</source>
        <translation>Log in with your account first to {act}.</translation>
    </message>
    <message>
        <source>Akun dengan peran {role} tidak berhak {act}.</source>
        <translation>An account with the role {role} may not {act}.</translation>
    </message>
    <message>
        <source>{period} sudah ditutup sejak {date}. Minta admin membuka periode ini bila masih perlu diubah.</source>
        <translation>{period} has been closed since {date}. Ask the admin to reopen the period if it still needs changes.</translation>
    </message>
</context>
<context>
    <name>AccountActions</name>
    <message>
        <source>A&amp;kun</source>
        <translation>Acc&amp;ount</translation>
    </message>
    <message>
        <source>&amp;Kunci sekarang</source>
        <translation>&amp;Lock now</translation>
    </message>
    <message>
        <source>Ubah &amp;kata sandi…</source>
        <translation>Change &amp;password…</translation>
    </message>
    <message>
        <source>Kelola &amp;akun…</source>
        <translation>Manage &amp;accounts…</translation>
    </message>
    <message>
        <source>Buat akun &amp;admin pertama…</source>
        <translation>Create the first &amp;admin account…</translation>
    </message>
    <message>
        <source>&amp;Batas waktu periode…</source>
        <translation>Period &amp;deadline…</translation>
    </message>
    <message>
        <source>&amp;Riwayat sel…</source>
        <translation>Cell &amp;history…</translation>
    </message>
    <message>
        <source>&amp;Periksa log audit</source>
        <translation>&amp;Verify the audit log</translation>
    </message>
    <message>
        <source>Pengguna: {name} ({role})</source>
        <translation>User: {name} ({role})</translation>
    </message>
    <message>
        <source>Pilih sel isian sebuah wilayah untuk melihat riwayatnya.</source>
        <translation>Select an input cell of an area to see its history.</translation>
    </message>
    <message>
        <source>Log audit</source>
        <translation>Audit log</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>Akun admin pertama</source>
        <translation>First admin account</translation>
    </message>
    <message>
        <source>Tambah akun</source>
        <translation>Add account</translation>
    </message>
    <message>
        <source>18 angka, boleh dikosongkan</source>
        <translation>18 digits, may be left empty</translation>
    </message>
    <message>
        <source>&amp;Nama pengguna:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>Nama &amp;lengkap:</source>
        <translation>Full &amp;name:</translation>
    </message>
    <message>
        <source>N&amp;IP:</source>
        <translation>N&amp;IP:</translation>
    </message>
    <message>
        <source>&amp;Peran:</source>
        <translation>&amp;Role:</translation>
    </message>
</context>
<context>
    <name>AccountDialogs</name>
    <message>
        <source>&amp;Simpan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AccountPage</name>
    <message>
        <source>Akun admin</source>
        <translation>Admin account</translation>
    </message>
    <message>
        <source>Akun pertama berperan admin: dipakai untuk masuk setiap kali aplikasi dibuka, dan untuk menambah akun operator atau verifikator lain melalui Akun › Kelola akun…</source>
        <translation>The first account is an admin: it logs in every time the application opens, and adds other operator or verifier accounts through Account › Manage accounts…</translation>
    </message>
    <message>
        <source>mis. yohanes</source>
        <translation>e.g. yohanes</translation>
    </message>
    <message>
        <source>Nama &amp;pengguna:</source>
        <translation>&amp;User name:</translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <source>Nama lengkap wajib diisi.</source>
        <translation>The full name is required.</translation>
    </message>
    <message>
        <source>Nama pengguna &apos;{name}&apos; sudah dipakai.</source>
        <translation>The user name &apos;{name}&apos; is already taken.</translation>
    </message>
    <message>
        <source>Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {seconds} detik.</source>
        <translation>Too many failed login attempts. Try again in {seconds} seconds.</translation>
    </message>
    <message>
        <source>Nama pengguna atau kata sandi salah.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <source>Akun ini dinonaktifkan. Hubungi admin.</source>
        <translation>This account is disabled. Contact the admin.</translation>
    </message>
    <message>
        <source>Tidak ada akun &apos;{name}&apos;.</source>
        <translation>There is no account &apos;{name}&apos;.</translation>
    </message>
    <message>
        <source>Harus tetap ada setidaknya satu admin yang aktif.</source>
        <translation>At least one active admin must remain.</translation>
    </message>
    <message>
        <source>Nama pengguna 3–32 karakter: huruf, angka, titik, garis bawah atau tanda hubung.</source>
        <translation>A user name has 3–32 characters: letters, digits, dots, underscores or hyphens.</translation>
    </message>
    <message>
        <source>Kata sandi minimal {count} karakter.</source>
        <translation>A password needs at least {count} characters.</translation>
    </message>
    <message>
        <source>Akun pertama harus berperan admin.</source>
        <translation>The first account must be an admin.</translation>
    </message>
    <message>
        <source>Anda tidak dapat menonaktifkan akun Anda sendiri.</source>
        <translation>You cannot disable your own account.</translation>
    </message>
    <message>
        <source>Waktu kunci otomatis 0–{most} menit.</source>
        <translation>The automatic lock time is 0–{most} minutes.</translation>
    </message>
</context>
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
    <name>Backup</name>
    <message>
        <source>Belum ada data di {folder}; tidak ada yang dicadangkan.</source>
        <translation>There is no data in {folder} yet; nothing to back up.</translation>
    </message>
    <message>
        <source>Simpan cadangan di luar folder data ({folder}), misalnya di flashdisk.</source>
        <translation>Save the backup outside the data folder ({folder}), for example on a USB stick.</translation>
    </message>
    <message>
        <source>berkas {name} tidak ada</source>
        <translation>the file {name} is missing</translation>
    </message>
    <message>
        <source>isi berkas {name} tidak cocok dengan hash-nya</source>
        <translation>the content of {name} does not match its hash</translation>
    </message>
    <message>
        <source>basis data di dalamnya rusak</source>
        <translation>the database in it is damaged</translation>
    </message>
    <message>
        <source>versi skema tidak cocok dengan manifest</source>
        <translation>the schema version does not match the manifest</translation>
    </message>
    <message>
        <source>data dukung {name} tidak ada di cadangan</source>
        <translation>the evidence file {name} is not in the backup</translation>
    </message>
    <message>
        <source>Cadangan {folder} rusak atau tidak lengkap: {reason}. Cadangan ini tidak dipakai; data tidak diubah.</source>
        <translation>The backup {folder} is damaged or incomplete: {reason}. It was not used; no data was changed.</translation>
    </message>
    <message>
        <source>Folder cadangan {folder} tidak ditemukan.</source>
        <translation>The backup folder {folder} was not found.</translation>
    </message>
    <message>
        <source>manifest.json tidak ada</source>
        <translation>manifest.json is missing</translation>
    </message>
    <message>
        <source>manifest.json tidak dapat dibaca</source>
        <translation>manifest.json cannot be read</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>Ca&amp;dangkan data…</source>
        <translation>&amp;Back up data…</translation>
    </message>
    <message>
        <source>Salin basis data, data dukung dan kunci kantor ke folder lain (misalnya flashdisk), lalu periksa</source>
        <translation>Copy the database, evidence and office key to another folder (for example a USB stick), then check the copy</translation>
    </message>
    <message>
        <source>&amp;Pulihkan dari cadangan…</source>
        <translation>&amp;Restore from a backup…</translation>
    </message>
    <message>
        <source>Ganti data aplikasi ini dengan isi folder cadangan yang sudah diperiksa</source>
        <translation>Replace this application&apos;s data with the contents of a checked backup folder</translation>
    </message>
    <message>
        <source>Dibatalkan; tidak ada yang diubah.</source>
        <translation>Cancelled; nothing was changed.</translation>
    </message>
    <message>
        <source>Mencadangkan dan memeriksa cadangan…</source>
        <translation>Backing up and checking the backup…</translation>
    </message>
    <message>
        <source>Cadangan tersimpan dan sudah diperiksa:
{path}</source>
        <translation>The backup is saved and checked:
{path}</translation>
    </message>
    <message>
        <source>{count} data dukung sudah tidak ada di folder data dan tidak ikut dicadangkan.</source>
        <translation>{count} evidence files were no longer in the data folder and are not in the backup.</translation>
    </message>
    <message>
        <source>Cadangan tersimpan: {path}</source>
        <translation>Backup saved: {path}</translation>
    </message>
    <message>
        <source>Cadangkan data</source>
        <translation>Back up data</translation>
    </message>
    <message>
        <source>Memeriksa dan menyalin cadangan…</source>
        <translation>Checking and copying the backup…</translation>
    </message>
    <message>
        <source>Pemulihan dibatalkan; tidak ada yang diubah.</source>
        <translation>Restore cancelled; nothing was changed.</translation>
    </message>
    <message>
        <source>Data lama tetap utuh. Aplikasi ditutup; buka kembali lalu coba lagi.</source>
        <translation>The old data is intact. The application closes; open it again and retry.</translation>
    </message>
    <message>
        <source>Data sudah dipulihkan dari cadangan. Aplikasi ditutup; buka kembali untuk memakai data ini.</source>
        <translation>The data has been restored from the backup. The application closes; open it again to use this data.</translation>
    </message>
    <message>
        <source>Data sebelumnya disimpan di:
{path}</source>
        <translation>The previous data is kept in:
{path}</translation>
    </message>
    <message>
        <source>Pulihkan dari cadangan</source>
        <translation>Restore from a backup</translation>
    </message>
</context>
<context>
    <name>BackupDialogs</name>
    <message>
        <source>Pilih folder tujuan cadangan (misalnya flashdisk)</source>
        <translation>Choose the folder for the backup (for example a USB stick)</translation>
    </message>
    <message>
        <source>Pilih folder cadangan yang akan dipulihkan</source>
        <translation>Choose the backup folder to restore</translation>
    </message>
    <message>
        <source>Cadangan dibuat {when} oleh SPM Luring {version}: {files} berkas, {size} MB.</source>
        <translation>Backup made {when} by SPM Luring {version}: {files} files, {size} MB.</translation>
    </message>
    <message>
        <source>Semua data di aplikasi ini akan diganti dengan isi cadangan. Data yang sekarang tidak dihapus: disimpan di folder &apos;backups&apos; di folder data. Aplikasi akan ditutup setelah pemulihan; buka kembali.</source>
        <translation>All data in this application will be replaced by the contents of the backup. The current data is not deleted: it is kept in the &apos;backups&apos; folder of the data folder. The application closes after the restore; open it again.</translation>
    </message>
    <message>
        <source>Pulihkan dari cadangan</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <source>Pulihkan</source>
        <translation>Restore</translation>
    </message>
</context>
<context>
    <name>BundleCheck</name>
    <message>
        <source>{file} diawali penanda BOM; berkas tag BagIt harus UTF-8 tanpa BOM.</source>
        <translation>{file} starts with a byte-order mark; BagIt tag files must be UTF-8 without a BOM.</translation>
    </message>
    <message>
        <source>{file} bukan teks UTF-8.</source>
        <translation>{file} is not UTF-8 text.</translation>
    </message>
    <message>
        <source>bagit.txt tidak ada: berkas ini bukan tas BagIt.</source>
        <translation>bagit.txt is missing: this is not a BagIt bag.</translation>
    </message>
    <message>
        <source>bagit.txt tidak sesuai RFC 8493 (harus tepat: {reason}, tanpa spasi sebelum titik dua).</source>
        <translation>bagit.txt does not follow RFC 8493 (it must be exactly: {reason}, with no space before the colon).</translation>
    </message>
    <message>
        <source>Versi BagIt &apos;{version}&apos; tidak didukung.</source>
        <translation>BagIt version &apos;{version}&apos; is not supported.</translation>
    </message>
    <message>
        <source>Pengodean berkas tag &apos;{encoding}&apos; tidak didukung; harus UTF-8.</source>
        <translation>Tag file encoding &apos;{encoding}&apos; is not supported; it must be UTF-8.</translation>
    </message>
    <message>
        <source>Baris bag-info.txt tidak sah: &apos;{line}&apos;.</source>
        <translation>Invalid bag-info.txt line: &apos;{line}&apos;.</translation>
    </message>
    <message>
        <source>Baris {line} di {file} tidak sah (harus: hash, spasi, path).</source>
        <translation>Line {line} of {file} is invalid (it must be: hash, space, path).</translation>
    </message>
    <message>
        <source>{file} memuat path &apos;{path}&apos; yang tidak aman ({reason}): bisa menunjuk ke luar tas.</source>
        <translation>{file} holds the unsafe path &apos;{path}&apos; ({reason}): it could point outside the bag.</translation>
    </message>
    <message>
        <source>{file} mencantumkan &apos;{path}&apos; di tempat yang salah.</source>
        <translation>{file} lists &apos;{path}&apos; in the wrong place.</translation>
    </message>
    <message>
        <source>{file} mencantumkan &apos;{path}&apos; lebih dari sekali.</source>
        <translation>{file} lists &apos;{path}&apos; more than once.</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; adalah tautan (symlink); tas tidak boleh memuat tautan.</source>
        <translation>&apos;{path}&apos; is a link (symlink); a bag must not contain links.</translation>
    </message>
    <message>
        <source>{file} terlalu besar (lebih dari {limit} byte).</source>
        <translation>{file} is too large (more than {limit} bytes).</translation>
    </message>
    <message>
        <source>Tas memuat fetch.txt (berkas yang harus diunduh); paket SPM Luring harus lengkap.</source>
        <translation>The bag holds fetch.txt (files to download); an SPM Luring bundle must be complete.</translation>
    </message>
    <message>
        <source>Manifest {file} memakai algoritme hash yang tidak didukung.</source>
        <translation>Manifest {file} uses a hash algorithm that is not supported.</translation>
    </message>
    <message>
        <source>Tas tidak memuat manifest berkas data (manifest-sha256.txt).</source>
        <translation>The bag has no payload manifest (manifest-sha256.txt).</translation>
    </message>
    <message>
        <source>Berkas tag {file} tercantum di tagmanifest tetapi tidak ada.</source>
        <translation>Tag file {file} is listed in the tag manifest but is missing.</translation>
    </message>
    <message>
        <source>Berkas tag {file} tidak cocok dengan tagmanifest: isinya berubah setelah ditandatangani.</source>
        <translation>Tag file {file} does not match the tag manifest: it changed after it was signed.</translation>
    </message>
    <message>
        <source>Berkas {path} tercantum di manifest tetapi tidak ada di paket.</source>
        <translation>File {path} is listed in the manifest but is not in the bundle.</translation>
    </message>
    <message>
        <source>Berkas {path} ada di paket tetapi tidak tercantum di manifest.</source>
        <translation>File {path} is in the bundle but not listed in the manifest.</translation>
    </message>
    <message>
        <source>Isi berkas {path} tidak cocok dengan manifest: berkas rusak atau diubah.</source>
        <translation>The contents of {path} do not match the manifest: the file is damaged or was changed.</translation>
    </message>
    <message>
        <source>Payload-Oxum &apos;{value}&apos; tidak sah.</source>
        <translation>Payload-Oxum &apos;{value}&apos; is invalid.</translation>
    </message>
    <message>
        <source>Payload-Oxum &apos;{value}&apos; tidak cocok dengan isi paket ({octets} byte, {count} berkas).</source>
        <translation>Payload-Oxum &apos;{value}&apos; does not match the bundle&apos;s contents ({octets} bytes, {count} files).</translation>
    </message>
    <message>
        <source>Berkas paket {name} tidak ditemukan.</source>
        <translation>Bundle file {name} was not found.</translation>
    </message>
    <message>
        <source>Berkas ini bukan paket SPM Luring yang utuh (bukan ZIP, atau terpotong).</source>
        <translation>This file is not a complete SPM Luring bundle (not a ZIP, or cut off).</translation>
    </message>
    <message>
        <source>Paket terlalu besar: isinya melebihi batas {limit} GB.</source>
        <translation>The bundle is too large: its contents exceed the {limit} GB limit.</translation>
    </message>
    <message>
        <source>Paket memuat {count} berkas; paling banyak {limit}.</source>
        <translation>The bundle holds {count} files; at most {limit} are allowed.</translation>
    </message>
    <message>
        <source>Daftar isi ZIP paket ini terlalu besar; paket ditolak.</source>
        <translation>This bundle&apos;s ZIP directory is too large; the bundle is refused.</translation>
    </message>
    <message>
        <source>Berkas {name} di dalam ZIP dienkripsi; paket ditolak.</source>
        <translation>File {name} inside the ZIP is encrypted; the bundle is refused.</translation>
    </message>
    <message>
        <source>Berkas {name} memakai metode kompresi yang tidak didukung.</source>
        <translation>File {name} uses a compression method that is not supported.</translation>
    </message>
    <message>
        <source>Berkas {name} berukuran {size} MB, melebihi batas {limit} MB.</source>
        <translation>File {name} is {size} MB, over the {limit} MB limit.</translation>
    </message>
    <message>
        <source>Ukuran berkas {name} di dalam ZIP tidak konsisten.</source>
        <translation>The sizes of {name} inside the ZIP are inconsistent.</translation>
    </message>
    <message>
        <source>Berkas {name} mengembang lebih dari {limit} kali saat dibuka (bom ZIP); paket ditolak.</source>
        <translation>File {name} expands more than {limit} times when opened (a ZIP bomb); the bundle is refused.</translation>
    </message>
    <message>
        <source>Paket memuat tautan (symlink) {name}; paket ditolak.</source>
        <translation>The bundle holds a link (symlink) {name}; the bundle is refused.</translation>
    </message>
    <message>
        <source>Paket memuat berkas khusus {name} (bukan berkas biasa); paket ditolak.</source>
        <translation>The bundle holds a special file {name} (not a regular file); the bundle is refused.</translation>
    </message>
    <message>
        <source>Nama berkas &apos;{name}&apos; memakai garis miring terbalik; paket ditolak.</source>
        <translation>File name &apos;{name}&apos; uses backslashes; the bundle is refused.</translation>
    </message>
    <message>
        <source>Nama berkas &apos;{name}&apos; berupa path mutlak; paket ditolak.</source>
        <translation>File name &apos;{name}&apos; is an absolute path; the bundle is refused.</translation>
    </message>
    <message>
        <source>Nama berkas &apos;{name}&apos; memuat &apos;..&apos; atau &apos;.&apos;; bisa menunjuk ke luar paket.</source>
        <translation>File name &apos;{name}&apos; contains &apos;..&apos; or &apos;.&apos;; it could point outside the bundle.</translation>
    </message>
    <message>
        <source>Nama berkas &apos;{name}&apos; di dalam paket tidak sah.</source>
        <translation>File name &apos;{name}&apos; inside the bundle is invalid.</translation>
    </message>
    <message>
        <source>Nama berkas &apos;{name}&apos; muncul dua kali di paket (juga sebagai &apos;{other}&apos;); paket ditolak.</source>
        <translation>File name &apos;{name}&apos; appears twice in the bundle (also as &apos;{other}&apos;); the bundle is refused.</translation>
    </message>
    <message>
        <source>Paket memuat berkas tak dikenal &apos;{name}&apos;.</source>
        <translation>The bundle holds an unknown file &apos;{name}&apos;.</translation>
    </message>
    <message>
        <source>Isi berkas {name} bertumpang tindih di dalam ZIP; paket ditolak.</source>
        <translation>The contents of {name} overlap inside the ZIP; the bundle is refused.</translation>
    </message>
    <message>
        <source>Kepala berkas {name} di dalam ZIP tidak cocok dengan daftar isinya.</source>
        <translation>The header of {name} inside the ZIP does not match its directory.</translation>
    </message>
    <message>
        <source>Berkas {name} di dalam ZIP rusak (CRC tidak cocok).</source>
        <translation>File {name} inside the ZIP is damaged (the CRC does not match).</translation>
    </message>
    <message>
        <source>Berkas {name} di dalam ZIP terpotong.</source>
        <translation>File {name} inside the ZIP is cut off.</translation>
    </message>
    <message>
        <source>Paket terenkripsi ini tidak ditujukan untuk kunci age yang diberikan; tidak dapat dibuka.</source>
        <translation>This encrypted bundle is not addressed to the age key given; it cannot be opened.</translation>
    </message>
    <message>
        <source>Paket terenkripsi rusak atau terpotong; tidak dapat dibuka.</source>
        <translation>The encrypted bundle is damaged or cut off; it cannot be opened.</translation>
    </message>
    <message>
        <source>Paket ini terenkripsi (age). Berikan berkas kunci age penerimanya untuk membukanya.</source>
        <translation>This bundle is encrypted (age). Give the recipient&apos;s age key file to open it.</translation>
    </message>
    <message>
        <source>submission.json tidak sesuai skema di {where}: {problem}.</source>
        <translation>submission.json does not follow the schema at {where}: {problem}.</translation>
    </message>
    <message>
        <source>submission.json bukan JSON UTF-8 yang sah.</source>
        <translation>submission.json is not valid UTF-8 JSON.</translation>
    </message>
    <message>
        <source>submission.csv tidak sama dengan submission.json ({detail}); paket ditolak.</source>
        <translation>submission.csv differs from submission.json ({detail}); the bundle is refused.</translation>
    </message>
    <message>
        <source>kunci ganda</source>
        <translation>duplicate key</translation>
    </message>
    <message>
        <source>bukan angka yang sah</source>
        <translation>not a valid number</translation>
    </message>
    <message>
        <source>harus objek</source>
        <translation>must be an object</translation>
    </message>
    <message>
        <source>wajib ada</source>
        <translation>is required</translation>
    </message>
    <message>
        <source>harus teks</source>
        <translation>must be text</translation>
    </message>
    <message>
        <source>terlalu panjang</source>
        <translation>too long</translation>
    </message>
    <message>
        <source>format tidak sah</source>
        <translation>invalid format</translation>
    </message>
    <message>
        <source>harus bilangan bulat</source>
        <translation>must be a whole number</translation>
    </message>
    <message>
        <source>di luar rentang yang diizinkan</source>
        <translation>outside the allowed range</translation>
    </message>
    <message>
        <source>harus daftar</source>
        <translation>must be a list</translation>
    </message>
    <message>
        <source>terlalu banyak isi</source>
        <translation>too many items</translation>
    </message>
    <message>
        <source>skema tidak dikenal (harus spm-luring/submission/1)</source>
        <translation>unknown schema (must be spm-luring/submission/1)</translation>
    </message>
    <message>
        <source>laporan layanan yang sama muncul dua kali</source>
        <translation>the same service&apos;s report appears twice</translation>
    </message>
    <message>
        <source>wilayah yang sama muncul dua kali</source>
        <translation>the same area appears twice</translation>
    </message>
    <message>
        <source>data dukung yang sama muncul dua kali</source>
        <translation>the same evidence file appears twice</translation>
    </message>
    <message>
        <source>kosong</source>
        <translation>empty</translation>
    </message>
    <message>
        <source>baris tanpa isi</source>
        <translation>a row with nothing in it</translation>
    </message>
    <message>
        <source>mutu terpenuhi melebihi mutu yang dipersyaratkan</source>
        <translation>quality met exceeds quality required</translation>
    </message>
    <message>
        <source>nilai tidak sah</source>
        <translation>invalid value</translation>
    </message>
    <message>
        <source>Paket tidak bertanda tangan (tagmanifest-sha256.txt.minisig tidak ada); paket ditolak.</source>
        <translation>The bundle is not signed (tagmanifest-sha256.txt.minisig is missing); the bundle is refused.</translation>
    </message>
    <message>
        <source>tagmanifest-sha256.txt tidak ada; tanda tangan tidak dapat diperiksa.</source>
        <translation>tagmanifest-sha256.txt is missing; the signature cannot be checked.</translation>
    </message>
    <message>
        <source>Berkas tanda tangan paket rusak atau bukan tanda tangan minisign.</source>
        <translation>The bundle&apos;s signature file is damaged or is not a minisign signature.</translation>
    </message>
    <message>
        <source>Paket ditandatangani kunci {key_id} yang tidak dipercaya. Tambahkan kunci publik pengirim (setelah mencocokkan sidik jarinya) bila paket ini memang dari mitra Anda.</source>
        <translation>The bundle is signed by key {key_id}, which is not trusted. Add the sender&apos;s public key (after comparing its fingerprint) if this bundle really comes from your partner.</translation>
    </message>
    <message>
        <source>Tanda tangan paket (kunci {key_id}) tidak sah: paket diubah setelah ditandatangani.</source>
        <translation>The bundle&apos;s signature (key {key_id}) is not valid: the bundle was changed after it was signed.</translation>
    </message>
    <message>
        <source>Keterangan bertanda tangan (trusted comment) tidak cocok dengan isi paket; paket ditolak.</source>
        <translation>The signed comment (trusted comment) does not match the bundle&apos;s contents; the bundle is refused.</translation>
    </message>
    <message>
        <source>Berkas tag {file} tidak tercantum di tagmanifest; paket ditolak.</source>
        <translation>Tag file {file} is not listed in the tag manifest; the bundle is refused.</translation>
    </message>
    <message>
        <source>bag-info.txt memuat &apos;{label}&apos; lebih dari sekali.</source>
        <translation>bag-info.txt holds &apos;{label}&apos; more than once.</translation>
    </message>
    <message>
        <source>Paket tidak memuat {name}.</source>
        <translation>The bundle does not hold {name}.</translation>
    </message>
    <message>
        <source>Hash isi laporan {service} tidak cocok dengan angkanya; paket ditolak.</source>
        <translation>The content hash of report {service} does not match its figures; the bundle is refused.</translation>
    </message>
    <message>
        <source>Keterangan &apos;{label}&apos; di bag-info.txt tidak cocok dengan submission.json; paket ditolak.</source>
        <translation>&apos;{label}&apos; in bag-info.txt does not match submission.json; the bundle is refused.</translation>
    </message>
    <message>
        <source>Kunci &apos;{name}&apos; tidak berhak menandatangani laporan perangkat daerah ini; paket ditolak.</source>
        <translation>Key &apos;{name}&apos; may not sign this office&apos;s reports; the bundle is refused.</translation>
    </message>
    <message>
        <source>Kunci &apos;{name}&apos; (provinsi) tidak menandatangani laporan perangkat daerah; paket ditolak.</source>
        <translation>Key &apos;{name}&apos; (province) does not sign office reports; the bundle is refused.</translation>
    </message>
    <message>
        <source>Kode kabupaten/kota {code} tidak dikenal.</source>
        <translation>Regency/city code {code} is unknown.</translation>
    </message>
    <message>
        <source>Paket memakai katalog SPM versi {version} yang tidak dikenal aplikasi ini. Perbarui aplikasinya.</source>
        <translation>The bundle uses SPM catalog version {version}, which this application does not know. Update the application.</translation>
    </message>
    <message>
        <source>Kode layanan {code} tidak ada di katalog paket ini.</source>
        <translation>Service code {code} is not in this bundle&apos;s catalog.</translation>
    </message>
    <message>
        <source>Kode wilayah {code} tidak dikenal atau bukan bagian dari kabupaten/kota {district}.</source>
        <translation>Area code {code} is unknown or not part of regency/city {district}.</translation>
    </message>
    <message>
        <source>Jenis berkas data dukung &apos;{name}&apos; tidak diterima.</source>
        <translation>The type of evidence file &apos;{name}&apos; is not accepted.</translation>
    </message>
    <message>
        <source>Berkas data dukung &apos;{name}&apos; tidak ada di paket.</source>
        <translation>Evidence file &apos;{name}&apos; is not in the bundle.</translation>
    </message>
    <message>
        <source>Ukuran berkas data dukung &apos;{name}&apos; tidak cocok.</source>
        <translation>The size of evidence file &apos;{name}&apos; does not match.</translation>
    </message>
    <message>
        <source>Formulir {path} di paket bukan berkas PDF; paket ditolak.</source>
        <translation>Form {path} in the bundle is not a PDF file; the bundle is refused.</translation>
    </message>
    <message>
        <source>Berkas {path} tidak dirujuk laporan mana pun; paket ditolak.</source>
        <translation>File {path} is not referred to by any report; the bundle is refused.</translation>
    </message>
</context>
<context>
    <name>CellHistoryDialog</name>
    <message>
        <source>Riwayat sel</source>
        <translation>Cell history</translation>
    </message>
    <message>
        <source>Waktu (UTC)</source>
        <translation>Time (UTC)</translation>
    </message>
    <message>
        <source>Oleh</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Sebelum</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>Sesudah</source>
        <translation>After</translation>
    </message>
    <message>
        <source>Sel ini belum pernah diubah.</source>
        <translation>This cell has never been changed.</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
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
    <message>
        <source>--year dan --quarter harus disebut bersama (atau keduanya tidak).</source>
        <translation>--year and --quarter go together (or neither is given).</translation>
    </message>
    <message>
        <source>Tanggal &apos;{text}&apos; tidak dikenali; tulis misalnya 2024-10-31 atau hari-ini.</source>
        <translation>Date &apos;{text}&apos; not recognised; write e.g. 2024-10-31 or hari-ini (today).</translation>
    </message>
    <message>
        <source>Tidak ada yang diubah; sebut misalnya --head-name dan --head-nip.</source>
        <translation>Nothing to change; give e.g. --head-name and --head-nip.</translation>
    </message>
    <message>
        <source>Kode layanan tidak dikenal: {codes}.</source>
        <translation>Unknown service codes: {codes}.</translation>
    </message>
    <message>
        <source>{name} bukan templat SPM Luring: sebutkan --service, --year dan --quarter yang diisinya.</source>
        <translation>{name} is not an SPM Luring template: give the --service, --year and --quarter it fills.</translation>
    </message>
    <message>
        <source>Catatan wilayah ditulis KODE=CATATAN, bukan &apos;{text}&apos;.</source>
        <translation>An area note is written CODE=NOTE, not &apos;{text}&apos;.</translation>
    </message>
    <message>
        <source>Kantor &apos;{office}&apos; tidak dikenal di sini.</source>
        <translation>The office &apos;{office}&apos; is not known here.</translation>
    </message>
    <message>
        <source>Kata sandi tidak diberikan: pakai berkas (--password-file) atau {variable}.</source>
        <translation>No password given: use a file (--password-file) or {variable}.</translation>
    </message>
    <message>
        <source>Kedua kata sandi tidak sama.</source>
        <translation>The two passwords differ.</translation>
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
    <name>Completeness</name>
    <message>
        <source>angka</source>
        <translation>figures</translation>
    </message>
    <message>
        <source>angka sebagian wilayah</source>
        <translation>figures of some areas</translation>
    </message>
    <message>
        <source>data dukung</source>
        <translation>evidence</translation>
    </message>
    <message>
        <source>formulir bertanda tangan</source>
        <translation>signed form</translation>
    </message>
    <message>
        <source>pengajuan</source>
        <translation>submission</translation>
    </message>
</context>
<context>
    <name>CompletenessActions</name>
    <message>
        <source>&amp;Kelengkapan laporan…</source>
        <translation>Report &amp;completeness…</translation>
    </message>
</context>
<context>
    <name>CompletenessDialog</name>
    <message>
        <source>Kelengkapan laporan — {period}</source>
        <translation>Report completeness — {period}</translation>
    </message>
    <message>
        <source>{done} dari {total} laporan lengkap (angka, data dukung, formulir bertanda tangan, diajukan).</source>
        <translation>{done} of {total} reports complete (figures, evidence, signed form, submitted).</translation>
    </message>
    <message>
        <source>Kantor</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Jenis pelayanan</source>
        <translation>Service type</translation>
    </message>
    <message>
        <source>Angka (wilayah)</source>
        <translation>Figures (areas)</translation>
    </message>
    <message>
        <source>Data dukung</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Formulir TTD</source>
        <translation>Signed form</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Yang kurang</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Klik dua kali sebuah baris untuk membuka laporannya.</source>
        <translation>Double-click a row to open its report.</translation>
    </message>
    <message>
        <source>belum ada</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>lengkap</source>
        <translation>complete</translation>
    </message>
</context>
<context>
    <name>Consolidate</name>
    <message>
        <source>Belum ada laporan kantor yang disetujui untuk {period}; tidak ada yang dikonsolidasikan.</source>
        <translation>No office report has been approved for {period}; there is nothing to consolidate.</translation>
    </message>
    <message>
        <source>Laporan {service} dari beberapa kantor memakai katalog berbeda ({versions}).</source>
        <translation>Report {service} from several offices uses different catalogs ({versions}).</translation>
    </message>
    <message>
        <source>Laporan {service} untuk wilayah {area} disetujui dari dua kantor ({first} dan {second}); tetapkan satu sebelum konsolidasi.</source>
        <translation>Report {service} for area {area} was approved from two offices ({first} and {second}); settle on one before consolidating.</translation>
    </message>
</context>
<context>
    <name>CreateKeyDialog</name>
    <message>
        <source>Ganti kunci tanda tangan</source>
        <translation>Replace the signing key</translation>
    </message>
    <message>
        <source>Buat kunci tanda tangan</source>
        <translation>Make the signing key</translation>
    </message>
    <message>
        <source>Kunci ini menandatangani setiap paket laporan yang dikirim, sehingga penerima dapat memastikan paket itu benar dari kantor ini dan tidak diubah. Frasa sandi melindunginya; frasa sandi yang lupa tidak dapat dipulihkan.</source>
        <translation>This key signs every report bundle sent, so that the recipient can be sure the bundle really comes from this office and was not changed. The passphrase protects it; a forgotten passphrase cannot be recovered.</translation>
    </message>
    <message>
        <source>Kunci lama diarsipkan dan tidak dipakai lagi. Paket yang ditandatangani kunci baru ditolak penerima sampai mereka mempercayai kunci publik yang baru.</source>
        <translation>The old key is archived and no longer used. Bundles signed with the new key are refused by their recipients until they trust the new public key.</translation>
    </message>
    <message>
        <source>Ganti kunci</source>
        <translation>Replace key</translation>
    </message>
    <message>
        <source>Buat kunci</source>
        <translation>Make key</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>belum ada data</source>
        <translation>no data yet</translation>
    </message>
    <message>
        <source>tidak berlaku (sasaran 0)</source>
        <translation>not applicable (target 0)</translation>
    </message>
    <message>
        <source>Laporan berdata dukung</source>
        <translation>Reports with evidence</translation>
    </message>
    <message>
        <source>Baris berdata dukung</source>
        <translation>Rows with evidence</translation>
    </message>
    <message>
        <source>Layanan berangka lengkap</source>
        <translation>Services with complete figures</translation>
    </message>
    <message>
        <source>Layanan berdata dukung</source>
        <translation>Services with evidence</translation>
    </message>
    <message>
        <source>Layanan diajukan/disetujui</source>
        <translation>Services submitted/approved</translation>
    </message>
    <message>
        <source>Layanan lengkap seluruhnya</source>
        <translation>Services complete in every respect</translation>
    </message>
    <message>
        <source>Capaian (%)</source>
        <translation>Achievement (%)</translation>
    </message>
    <message>
        <source>Target 100 %</source>
        <translation>Target 100 %</translation>
    </message>
    <message>
        <source>TW {roman}</source>
        <translation>Q{roman}</translation>
    </message>
    <message>
        <source>Indeks (%)</source>
        <translation>Index (%)</translation>
    </message>
    <message>
        <source>Triwulan</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>{count}/{total} ({pct})</source>
        <translation>{count}/{total} ({pct})</translation>
    </message>
    <message>
        <source>Triwulan {roman} {year}: belum ada data untuk dibandingkan</source>
        <translation>Quarter {roman} {year}: no data to compare with</translation>
    </message>
    <message>
        <source>Triwulan {roman} {year}: {index}</source>
        <translation>Quarter {roman} {year}: {index}</translation>
    </message>
    <message>
        <source>naik {points} poin</source>
        <translation>up {points} points</translation>
    </message>
    <message>
        <source>turun {points} poin</source>
        <translation>down {points} points</translation>
    </message>
    <message>
        <source>tidak berubah</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <source>Data dukung: {reports} dari {report_total} laporan ({report_pct}), {rows} dari {row_total} baris ({row_pct}). Lengkap (angka, data dukung, diajukan): {complete} dari {services} jenis pelayanan.</source>
        <translation>Evidence: {reports} of {report_total} reports ({report_pct}), {rows} of {row_total} rows ({row_pct}). Complete (figures, evidence, submitted): {complete} of {services} services.</translation>
    </message>
    <message>
        <source>Simpan PNG…</source>
        <translation>Save PNG…</translation>
    </message>
    <message>
        <source>Simpan grafik ini sebagai gambar PNG</source>
        <translation>Save this chart as a PNG image</translation>
    </message>
</context>
<context>
    <name>DashboardExport</name>
    <message>
        <source>Berkas {path} tidak dapat ditulis.</source>
        <translation>The file {path} could not be written.</translation>
    </message>
</context>
<context>
    <name>DashboardPdf</name>
    <message>
        <source>Dasbor capaian SPM</source>
        <translation>SPM achievement dashboard</translation>
    </message>
    <message>
        <source>Nilai jenis pelayanan = {recipients} capaian penerima + {quality} capaian mutu (paling tinggi 100); indeks = rata-rata nilai yang berisi data. Dicetak dengan SPM Luring {version}, {date}.</source>
        <translation>Service score = {recipients} recipients achievement + {quality} quality achievement (at most 100); index = mean of the scores that have data. Printed with SPM Luring {version}, {date}.</translation>
    </message>
    <message>
        <source>Dasbor capaian SPM — {office}, {district}</source>
        <translation>SPM achievement dashboard — {office}, {district}</translation>
    </message>
    <message>
        <source>Triwulan {roman} {year}</source>
        <translation>Quarter {roman} {year}</translation>
    </message>
    <message>
        <source>Belum ada data</source>
        <translation>No data yet</translation>
    </message>
    <message>
        <source>Capaian penerima per kecamatan</source>
        <translation>Recipients achievement per kecamatan</translation>
    </message>
    <message>
        <source>Nilai per jenis pelayanan (terendah di atas)</source>
        <translation>Score per service (lowest on top)</translation>
    </message>
    <message>
        <source>Nilai per bidang</source>
        <translation>Score per field</translation>
    </message>
    <message>
        <source>Indeks per triwulan</source>
        <translation>Index per quarter</translation>
    </message>
    <message>
        <source>Data dukung dan kelengkapan</source>
        <translation>Evidence and completeness</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Indeks capaian SPM</source>
        <translation>SPM achievement index</translation>
    </message>
    <message>
        <source>Ekspor &amp;PDF…</source>
        <translation>Export &amp;PDF…</translation>
    </message>
    <message>
        <source>Seluruh dasbor pada satu halaman A4, untuk rapat koordinasi</source>
        <translation>The whole dashboard on one A4 page, for a coordination meeting</translation>
    </message>
    <message>
        <source>Klik batang untuk membuka isian jenis pelayanan itu</source>
        <translation>Click a bar to open that service&apos;s figures</translation>
    </message>
    <message>
        <source>Jenis pelayanan yang dibandingkan per kecamatan</source>
        <translation>Service compared per kecamatan</translation>
    </message>
    <message>
        <source>Nilai per jenis pelayanan (terendah di atas)</source>
        <translation>Score per service (lowest on top)</translation>
    </message>
    <message>
        <source>Capaian penerima per kecamatan</source>
        <translation>Recipients achievement per kecamatan</translation>
    </message>
    <message>
        <source>Indeks per triwulan, tahun ini dan tahun lalu</source>
        <translation>Index per quarter, this year and last year</translation>
    </message>
    <message>
        <source>Nilai per bidang (terendah di atas)</source>
        <translation>Score per field (lowest on top)</translation>
    </message>
    <message>
        <source>Data dukung dan kelengkapan laporan</source>
        <translation>Evidence and completeness of reports</translation>
    </message>
    <message>
        <source>Kelengkapan per jenis pelayanan</source>
        <translation>Completeness per service</translation>
    </message>
    <message>
        <source>&lt;b&gt;Dasbor capaian SPM&lt;/b&gt; — {office}, {district} — &lt;b&gt;Triwulan {roman} {year}&lt;/b&gt;</source>
        <translation>&lt;b&gt;SPM achievement dashboard&lt;/b&gt; — {office}, {district} — &lt;b&gt;Quarter {roman} {year}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Belum ada data</source>
        <translation>No data yet</translation>
    </message>
    <message>
        <source>Simpan grafik sebagai PNG</source>
        <translation>Save chart as PNG</translation>
    </message>
    <message>
        <source>Gambar PNG (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>Ekspor dasbor sebagai PDF</source>
        <translation>Export dashboard as PDF</translation>
    </message>
    <message>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Jenis pelayanan</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Angka lengkap</source>
        <translation>Figures complete</translation>
    </message>
    <message>
        <source>Data dukung</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kelengkapan laporan per jenis pelayanan</source>
        <translation>Completeness of reports per service</translation>
    </message>
    <message>
        <source>Belum ada</source>
        <translation>None yet</translation>
    </message>
    <message>
        <source>Disimpan: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
</context>
<context>
    <name>DeadlineDialog</name>
    <message>
        <source>Batas waktu {period}</source>
        <translation>Deadline of {period}</translation>
    </message>
    <message>
        <source>&amp;Tetapkan batas waktu</source>
        <translation>&amp;Set the deadline</translation>
    </message>
    <message>
        <source>mis. susulan data Puskesmas</source>
        <translation>e.g. late data from a Puskesmas</translation>
    </message>
    <message>
        <source>&amp;Buka kembali</source>
        <translation>&amp;Reopen</translation>
    </message>
    <message>
        <source>Hari terakhir operator mengisi:</source>
        <translation>Last day operators may enter figures:</translation>
    </message>
    <message>
        <source>Buka kembali sampai:</source>
        <translation>Reopen until:</translation>
    </message>
    <message>
        <source>Alasan:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Periode ini belum punya batas waktu: operator dapat mengisi kapan saja.</source>
        <translation>This period has no deadline yet: operators may enter figures at any time.</translation>
    </message>
    <message>
        <source>Ditutup sejak {date}.</source>
        <translation>Closed since {date}.</translation>
    </message>
    <message>
        <source>Terbuka; batas waktu {date}.</source>
        <translation>Open; deadline {date}.</translation>
    </message>
    <message>
        <source>Tidak dapat dilakukan</source>
        <translation>Cannot be done</translation>
    </message>
</context>
<context>
    <name>Deadlines</name>
    <message>
        <source>Batas waktu tidak boleh sebelum tahun periodenya ({year}).</source>
        <translation>The deadline cannot be before the period&apos;s year ({year}).</translation>
    </message>
    <message>
        <source>Periode {period} belum punya batas waktu; tidak ada yang perlu dibuka.</source>
        <translation>{period} has no deadline; there is nothing to reopen.</translation>
    </message>
</context>
<context>
    <name>DecisionActions</name>
    <message>
        <source>Kirim &amp;keputusan ke kantor…</source>
        <translation>Send &amp;decisions to the office…</translation>
    </message>
    <message>
        <source>Laporan yang dikembalikan atau disetujui, untuk diterima kantor pengirimnya</source>
        <translation>Returned or approved reports, for the office that sent them</translation>
    </message>
    <message>
        <source>Kirim rekap &amp;konsolidasi kabupaten…</source>
        <translation>Send the district&apos;s &amp;consolidated report…</translation>
    </message>
    <message>
        <source>Semua laporan kantor yang disetujui pada triwulan ini, bertanda tangan kabupaten, untuk provinsi</source>
        <translation>Every office report approved this quarter, signed by the district, for the province</translation>
    </message>
    <message>
        <source>Rekap konsolidasi terkirim</source>
        <translation>Consolidated report sent</translation>
    </message>
    <message>
        <source>{count} laporan dan {files} data dukung tersimpan dan sudah diperiksa:
{path}</source>
        <translation>{count} reports and {files} evidence files saved and checked:
{path}</translation>
    </message>
    <message>
        <source>Kunci kantor</source>
        <translation>Office key</translation>
    </message>
    <message>
        <source>Paket tidak terkirim</source>
        <translation>Bundle not sent</translation>
    </message>
    <message>
        <source>Frasa sandi kunci kantor ini:</source>
        <translation>Passphrase of this office&apos;s key:</translation>
    </message>
    <message>
        <source>Keputusan terkirim</source>
        <translation>Decisions sent</translation>
    </message>
    <message>
        <source>{count} keputusan untuk {office} tersimpan dan sudah diperiksa:
{path}</source>
        <translation>{count} decisions for {office} saved and checked:
{path}</translation>
    </message>
</context>
<context>
    <name>Decisions</name>
    <message>
        <source>Pilih kantor pengirim laporan yang diperiksa di sini.</source>
        <translation>Choose an office whose reports are reviewed here.</translation>
    </message>
    <message>
        <source>Belum ada laporan {office} {period} yang dikembalikan atau disetujui di sini.</source>
        <translation>No report of {office} for {period} has been returned or approved here yet.</translation>
    </message>
    <message>
        <source>Paket dari kabupaten ini memuat laporan {service} tanpa keputusan.</source>
        <translation>This bundle from the district carries report {service} without a decision.</translation>
    </message>
    <message>
        <source>Keputusan untuk laporan {service} dibuat atas isi yang berbeda dari laporan di sini (sudah diubah sesudah dikirim). Tidak ada yang diimpor.</source>
        <translation>The decision on report {service} was made on other content than the report here (it changed after it was sent). Nothing was imported.</translation>
    </message>
</context>
<context>
    <name>Encryption</name>
    <message>
        <source>&apos;{text}&apos; bukan penerima age yang sah (harus diawali age1…).</source>
        <translation>&apos;{text}&apos; is not a valid age recipient (it must start with age1…).</translation>
    </message>
    <message>
        <source>Berkas kunci age &apos;{name}&apos; tidak ditemukan.</source>
        <translation>Age key file &apos;{name}&apos; was not found.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; bukan berkas kunci age (baris AGE-SECRET-KEY-1…).</source>
        <translation>&apos;{name}&apos; is not an age key file (AGE-SECRET-KEY-1… lines).</translation>
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
    <message>
        <source>Berkas &apos;{name}&apos; tidak cocok dengan hash atau jenisnya; tidak disimpan.</source>
        <translation>File &apos;{name}&apos; does not match its hash or type; it was not stored.</translation>
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
        <source>Formulir &amp;TTD…</source>
        <translation>Signed &amp;form…</translation>
    </message>
    <message>
        <source>Lampirkan formulir laporan yang sudah ditandatangani dan dicap (hasil pindai) untuk seluruh laporan</source>
        <translation>Attach the report form signed and stamped (scanned) for the whole report</translation>
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
        <source>Formulir laporan bertanda tangan</source>
        <translation>Signed report form</translation>
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
    <name>ExcelActions</name>
    <message>
        <source>Buat templat E&amp;xcel…</source>
        <translation>Create E&amp;xcel template…</translation>
    </message>
    <message>
        <source>&amp;Impor dari Excel…</source>
        <translation>&amp;Import from Excel…</translation>
    </message>
    <message>
        <source>Ekspor rekap e-&amp;SPM…</source>
        <translation>Export e-&amp;SPM summary…</translation>
    </message>
    <message>
        <source>Templat isian triwulan yang tampil, berisi angka yang tersimpan</source>
        <translation>Entry template for the quarter shown, with the stored figures</translation>
    </message>
    <message>
        <source>Baca angka dari templat atau lembar Excel; semua atau tidak sama sekali</source>
        <translation>Read figures from a template or an Excel sheet; all or nothing</translation>
    </message>
    <message>
        <source>Rekap triwulan yang tampil, tersusun seperti isian e-SPM</source>
        <translation>Summary of the quarter shown, laid out like the e-SPM input</translation>
    </message>
    <message>
        <source>Dibatalkan; tidak ada yang diubah.</source>
        <translation>Cancelled; nothing was changed.</translation>
    </message>
    <message>
        <source>Disimpan: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <source>Buat templat Excel</source>
        <translation>Create Excel template</translation>
    </message>
    <message>
        <source>Membuat templat Excel…</source>
        <translation>Creating the Excel template…</translation>
    </message>
    <message>
        <source>Ekspor rekap e-SPM</source>
        <translation>Export e-SPM summary</translation>
    </message>
    <message>
        <source>Menyusun rekap…</source>
        <translation>Building the summary…</translation>
    </message>
    <message>
        <source>Memeriksa berkas…</source>
        <translation>Checking the file…</translation>
    </message>
    <message>
        <source>Memeriksa setiap sel…</source>
        <translation>Checking every cell…</translation>
    </message>
    <message>
        <source>{name}: tidak ada angka yang berbeda dari yang tersimpan ({rows} baris dibaca).</source>
        <translation>{name}: no figure differs from the stored ones ({rows} rows read).</translation>
    </message>
    <message>
        <source>Menyimpan angka…</source>
        <translation>Saving the figures…</translation>
    </message>
    <message>
        <source>Diimpor dari {name}: {cells} sel di {reports} laporan.</source>
        <translation>Imported from {name}: {cells} cells in {reports} reports.</translation>
    </message>
    <message>
        <source>Impor {name} akan mengubah {cells} sel di {reports} laporan, Triwulan {roman} {year}:</source>
        <translation>Importing {name} will change {cells} cells in {reports} reports, quarter {roman} {year}:</translation>
    </message>
    <message>
        <source>• {code} {name}: {cells} sel, {rows} wilayah</source>
        <translation>• {code} {name}: {cells} cells, {rows} areas</translation>
    </message>
    <message>
        <source>• … dan {count} laporan lain</source>
        <translation>• … and {count} more reports</translation>
    </message>
    <message>
        <source>{count} peringatan (misalnya terlayani melebihi sasaran) akan ditandai di barisnya.</source>
        <translation>{count} warnings (such as served above target) will be flagged on their rows.</translation>
    </message>
    <message>
        <source>Semua disimpan sekaligus dan tercatat di log audit. Lanjutkan?</source>
        <translation>Everything is saved at once and recorded in the audit log. Continue?</translation>
    </message>
</context>
<context>
    <name>ExcelDialogs</name>
    <message>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Semua berkas (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Impor dari Excel</source>
        <translation>Import from Excel</translation>
    </message>
    <message>
        <source>Lembar biasa</source>
        <translation>Plain sheet</translation>
    </message>
    <message>
        <source>{name} bukan templat SPM Luring. Angka di lembar pertamanya akan dibaca menurut kepala kolomnya; pilih layanan dan periode yang diisinya.</source>
        <translation>{name} is not an SPM Luring template. The figures on its first sheet will be read by their column headers; choose the service and period they fill.</translation>
    </message>
    <message>
        <source>Triwulan {roman}</source>
        <translation>Quarter {roman}</translation>
    </message>
    <message>
        <source>Layanan</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Tahun</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Triwulan</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>Lanjut</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Simpan angkanya</source>
        <translation>Save the figures</translation>
    </message>
    <message>
        <source>Excel</source>
        <translation>Excel</translation>
    </message>
</context>
<context>
    <name>ExcelFile</name>
    <message>
        <source>{name} rusak atau tidak lengkap ({reason}). Buka di Excel, simpan ulang, lalu coba lagi.</source>
        <translation>{name} is damaged or incomplete ({reason}). Open it in Excel, save it again, then retry.</translation>
    </message>
    <message>
        <source>{name} bukan buku kerja Excel (.xlsx).</source>
        <translation>{name} is not an Excel workbook (.xlsx).</translation>
    </message>
    <message>
        <source>Lembar &apos;{sheet}&apos; berisi sampai baris {row}; paling banyak {limit} baris per lembar. Hapus baris yang tidak diperlukan lalu impor lagi.</source>
        <translation>Sheet &apos;{sheet}&apos; reaches row {row}; at most {limit} rows per sheet. Delete the rows not needed, then import again.</translation>
    </message>
    <message>
        <source>Lembar &apos;{sheet}&apos; berisi sampai kolom {column}; paling banyak {limit} kolom. Hapus kolom yang tidak diperlukan lalu impor lagi.</source>
        <translation>Sheet &apos;{sheet}&apos; reaches column {column}; at most {limit} columns. Delete the columns not needed, then import again.</translation>
    </message>
    <message>
        <source>Lembar &apos;{sheet}&apos; ditulis dengan struktur yang tidak biasa. Buka di Excel atau LibreOffice, simpan ulang sebagai .xlsx, lalu impor lagi.</source>
        <translation>Sheet &apos;{sheet}&apos; is written in an unusual structure. Open it in Excel or LibreOffice, save it again as .xlsx, then import again.</translation>
    </message>
    <message>
        <source>Berkas {path} tidak ditemukan.</source>
        <translation>File {path} not found.</translation>
    </message>
    <message>
        <source>{name} terlalu besar ({size} MB); paling besar {limit} MB.</source>
        <translation>{name} is too large ({size} MB); at most {limit} MB.</translation>
    </message>
    <message>
        <source>{name} berformat OpenDocument (.ods). Simpan sebagai .xlsx lalu impor lagi.</source>
        <translation>{name} is an OpenDocument spreadsheet (.ods). Save it as .xlsx, then import again.</translation>
    </message>
    <message>
        <source>{name} berformat Excel biner (.xlsb). Simpan sebagai .xlsx lalu impor lagi.</source>
        <translation>{name} is a binary Excel workbook (.xlsb). Save it as .xlsx, then import again.</translation>
    </message>
    <message>
        <source>Bagian {part} di dalam {name} terlalu besar setelah diurai ({size} MB); tidak dapat diimpor.</source>
        <translation>Part {part} inside {name} is too large once unpacked ({size} MB); it cannot be imported.</translation>
    </message>
    <message>
        <source>{name} berformat Excel lama (.xls). Buka di Excel, simpan sebagai Buku Kerja Excel (.xlsx), lalu impor lagi.</source>
        <translation>{name} is in the old Excel format (.xls). Open it in Excel, save it as an Excel Workbook (.xlsx), then import again.</translation>
    </message>
    <message>
        <source>{name} dilindungi kata sandi (terenkripsi), jadi isinya tidak dapat dibaca. Buka di Excel, hapus kata sandi pembukanya, simpan, lalu impor lagi.</source>
        <translation>{name} is password-protected (encrypted), so its content cannot be read. Open it in Excel, remove the password to open, save, then import again.</translation>
    </message>
</context>
<context>
    <name>ExcelImport</name>
    <message>
        <source>Lembar &apos;{sheet}&apos; untuk layanan {service} tidak ada.</source>
        <translation>Sheet &apos;{sheet}&apos; for service {service} is missing.</translation>
    </message>
    <message>
        <source>Identitas templat di {name} rusak ({detail}); buat templat baru.</source>
        <translation>The template identity in {name} is damaged ({detail}); create a new template.</translation>
    </message>
    <message>
        <source>Lembar identitas di {name} bukan buatan SPM Luring.</source>
        <translation>The identity sheet in {name} was not made by SPM Luring.</translation>
    </message>
    <message>
        <source>{name} adalah templat versi {found}, sedangkan aplikasi ini membaca templat versi {expected}. Buat templat baru lalu salin angkanya ke sana.</source>
        <translation>{name} is a version {found} template, while this application reads version {expected} templates. Create a new template and copy the figures into it.</translation>
    </message>
    <message>
        <source>{name} bukan templat SPM Luring: tentukan layanan dan periode yang diisinya.</source>
        <translation>{name} is not an SPM Luring template: give the service and period it fills.</translation>
    </message>
    <message>
        <source>Templat ini untuk {district} ({code}), bukan untuk kabupaten/kota aplikasi ini ({own}).</source>
        <translation>This template is for {district} ({code}), not for this application&apos;s regency/city ({own}).</translation>
    </message>
    <message>
        <source>Templat ini dibuat oleh {office} di instalasi SPM Luring lain. Buat templat dari aplikasi ini (Berkas → Buat templat Excel…) lalu salin angkanya ke sana.</source>
        <translation>This template was made by {office} in another SPM Luring installation. Create a template from this application (File → Create Excel template…) and copy the figures into it.</translation>
    </message>
    <message>
        <source>Templat ini berisi baris per {level}, sedangkan laporan {office} per {own}.</source>
        <translation>This template has rows per {level}, while {office} reports per {own}.</translation>
    </message>
    <message>
        <source>Templat ini untuk Triwulan {roman} {year}, bukan Triwulan {wanted_roman} {wanted_year}.</source>
        <translation>This template is for quarter {roman} {year}, not quarter {wanted_roman} {wanted_year}.</translation>
    </message>
    <message>
        <source>Templat ini tidak memuat layanan {code}.</source>
        <translation>This template does not hold service {code}.</translation>
    </message>
    <message>
        <source>Layanan {code} tidak termasuk layanan yang dilaporkan {office}.</source>
        <translation>Service {code} is not among the services {office} reports.</translation>
    </message>
    <message>
        <source>Sel ini berisi rumus. Isi angkanya saja: salin sel, lalu Tempel Khusus → Nilai.</source>
        <translation>This cell holds a formula. Enter the number only: copy the cell, then Paste Special → Values.</translation>
    </message>
    <message>
        <source>Sel gabungan {cells} tidak boleh ada di tabel. Batalkan penggabungan lalu isi setiap sel.</source>
        <translation>Merged cells {cells} are not allowed in the table. Unmerge them and fill each cell.</translation>
    </message>
    <message>
        <source>Baris kepala kolom tidak ditemukan di {rows} baris pertama: perlu kolom &apos;Kode wilayah&apos; atau &apos;Nama wilayah&apos; dan kolom angka seperti &apos;Sasaran&apos; dan &apos;Terlayani&apos;.</source>
        <translation>No header row in the first {rows} rows: it needs a &apos;Kode wilayah&apos; or &apos;Nama wilayah&apos; column and figure columns such as &apos;Sasaran&apos; and &apos;Terlayani&apos;.</translation>
    </message>
    <message>
        <source>Kolom &apos;{header}&apos; muncul lebih dari sekali (kolom {columns}).</source>
        <translation>Column &apos;{header}&apos; appears more than once (columns {columns}).</translation>
    </message>
    <message>
        <source>Kepala kolom di baris {row} tidak sesuai templat (tidak ada: {columns}). Jangan mengubah, memindahkan atau menghapus kolom templat.</source>
        <translation>The headers in row {row} do not match the template (missing: {columns}). Do not change, move or delete the template&apos;s columns.</translation>
    </message>
    <message>
        <source>Baris ini berisi angka tetapi tanpa kode atau nama wilayah.</source>
        <translation>This row has figures but no area code or name.</translation>
    </message>
    <message>
        <source>Kode wilayah &apos;{code}&apos; tidak dikenal di {district}.</source>
        <translation>Area code &apos;{code}&apos; is not known in {district}.</translation>
    </message>
    <message>
        <source>Nama wilayah &apos;{name}&apos; tidak ditemukan di {district}; periksa ejaannya atau isi kode wilayahnya.</source>
        <translation>Area name &apos;{name}&apos; was not found in {district}; check its spelling or enter its area code.</translation>
    </message>
    <message>
        <source>Nama wilayah &apos;{name}&apos; dipakai lebih dari satu wilayah ({choices}); isi kode wilayahnya agar jelas yang mana.</source>
        <translation>Area name &apos;{name}&apos; is used by more than one area ({choices}); enter its area code to say which.</translation>
    </message>
    <message>
        <source>{name} ({code}) adalah {level}, sedangkan laporan {office} per {area_level}.</source>
        <translation>{name} ({code}) is a {level}, while {office} reports per {area_level}.</translation>
    </message>
    <message>
        <source>{name} ({code}) sudah ada di baris {row}; setiap wilayah hanya boleh satu baris.</source>
        <translation>{name} ({code}) is already in row {row}; each area may have one row only.</translation>
    </message>
    <message>
        <source>Nama &apos;{given}&apos; berbeda dengan nama wilayah {code} ({name}); angkanya dibaca untuk {name}.</source>
        <translation>Name &apos;{given}&apos; differs from the name of area {code} ({name}); the figures are read for {name}.</translation>
    </message>
    <message>
        <source>Laporan {service} berstatus {status}; angkanya tidak dapat diubah.</source>
        <translation>Report {service} is {status}; its figures cannot be changed.</translation>
    </message>
    <message>
        <source>Pemeriksaan dihentikan setelah {count} masalah; perbaiki yang tercantum lalu impor lagi.</source>
        <translation>Checking stopped after {count} problems; fix those listed, then import again.</translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <source>Dibatalkan; tidak ada yang disimpan.</source>
        <translation>Cancelled; nothing was saved.</translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message>
        <source>&amp;Kirim paket laporan (USB)…</source>
        <translation>&amp;Send report bundle (USB)…</translation>
    </message>
    <message>
        <source>Simpan laporan triwulan beserta data dukungnya sebagai paket bertanda tangan, untuk kabupaten</source>
        <translation>Save the quarter&apos;s reports with their supporting evidence as a signed bundle, for the district</translation>
    </message>
    <message>
        <source>&amp;Terima paket laporan…</source>
        <translation>&amp;Receive report bundle…</translation>
    </message>
    <message>
        <source>Periksa paket dari perangkat daerah, lihat perubahannya, lalu terapkan</source>
        <translation>Check a bundle from an agency, see what it changes, then apply it</translation>
    </message>
    <message>
        <source>Kunci &amp;&amp; &amp;kepercayaan…</source>
        <translation>&amp;Keys &amp;&amp; trust…</translation>
    </message>
    <message>
        <source>Kunci tanda tangan kantor, kunci mitra yang dipercaya, penerima enkripsi</source>
        <translation>The office signing key, trusted partner keys, encryption recipients</translation>
    </message>
</context>
<context>
    <name>ExchangeCli</name>
    <message>
        <source>Frasa sandi diperlukan: berikan --passphrase-file BERKAS (atau jalankan di terminal).</source>
        <translation>A passphrase is needed: give --passphrase-file FILE (or run it in a terminal).</translation>
    </message>
    <message>
        <source>Kedua frasa sandi tidak sama.</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <source>Perlu konfirmasi: jalankan di terminal, atau tambahkan --yes.</source>
        <translation>Confirmation needed: run it in a terminal, or add --yes.</translation>
    </message>
    <message>
        <source>Penerima enkripsi &apos;{name}&apos; tidak terdaftar (lihat &apos;recipients list&apos;).</source>
        <translation>Encryption recipient &apos;{name}&apos; is not registered (see &apos;recipients list&apos;).</translation>
    </message>
</context>
<context>
    <name>ExchangeDialogs</name>
    <message>
        <source>Simpan paket laporan</source>
        <translation>Save report bundle</translation>
    </message>
    <message>
        <source>Paket laporan SPM (*.spmb)</source>
        <translation>SPM report bundle (*.spmb)</translation>
    </message>
    <message>
        <source>Semua berkas (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Terima paket laporan</source>
        <translation>Receive report bundle</translation>
    </message>
    <message>
        <source>Paket laporan SPM (*.spmb *.spmb.age *.age)</source>
        <translation>SPM report bundle (*.spmb *.spmb.age *.age)</translation>
    </message>
    <message>
        <source>Pilih kunci age untuk membuka paket terenkripsi</source>
        <translation>Choose the age key that opens the encrypted bundle</translation>
    </message>
    <message>
        <source>Kunci age (*.txt *.key *.age-key)</source>
        <translation>age key (*.txt *.key *.age-key)</translation>
    </message>
    <message>
        <source>Pilih kunci publik mitra</source>
        <translation>Choose a partner&apos;s public key</translation>
    </message>
    <message>
        <source>Kunci publik minisign (*.pub)</source>
        <translation>minisign public key (*.pub)</translation>
    </message>
    <message>
        <source>Ekspor kunci publik kantor</source>
        <translation>Export the office&apos;s public key</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ExchangeWidgets</name>
    <message>
        <source>Sidik jari kunci</source>
        <translation>Key fingerprint</translation>
    </message>
    <message>
        <source>Paling sedikit {minimum} karakter. Beberapa kata yang mudah Anda ingat lebih kuat daripada satu kata yang rumit, misalnya: perahu sungai mahakam pagi.</source>
        <translation>At least {minimum} characters. A few words you remember easily are stronger than one complicated word, for example: perahu sungai mahakam pagi.</translation>
    </message>
    <message>
        <source>Terlalu pendek: {count} dari paling sedikit {minimum} karakter.</source>
        <translation>Too short: {count} of at least {minimum} characters.</translation>
    </message>
    <message>
        <source>Lemah: mudah ditebak. Tambahkan kata lain atau angka.</source>
        <translation>Weak: easy to guess. Add another word or some digits.</translation>
    </message>
    <message>
        <source>Kuat.</source>
        <translation>Strong.</translation>
    </message>
    <message>
        <source>Cukup. Frasa yang lebih panjang (tiga kata atau lebih) lebih aman.</source>
        <translation>Fair. A longer phrase (three words or more) is safer.</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Layanan {codes} tidak termasuk layanan yang dilaporkan {office}.</source>
        <translation>Services {codes} are not among the services {office} reports.</translation>
    </message>
    <message>
        <source>Belum ada laporan triwulan {quarter} {year} yang dapat dikirim.</source>
        <translation>There is no report of quarter {quarter} {year} to send yet.</translation>
    </message>
    <message>
        <source>Formulir &apos;{name}&apos; bukan berkas PDF.</source>
        <translation>Form &apos;{name}&apos; is not a PDF file.</translation>
    </message>
    <message>
        <source>Kunci yang dibuka bukan kunci kantor yang tercatat.</source>
        <translation>The key that was opened is not the office key on record.</translation>
    </message>
    <message>
        <source>Folder tujuan {folder} tidak ada atau tidak terpasang.</source>
        <translation>Target folder {folder} does not exist or is not mounted.</translation>
    </message>
    <message>
        <source>Paket yang terbaca kembali bukan paket yang ditulis.</source>
        <translation>The bundle read back is not the bundle that was written.</translation>
    </message>
    <message>
        <source>Berkas data dukung &apos;{name}&apos; rusak di penyimpanan (isinya tidak cocok lagi dengan hash-nya). Paket tidak dibuat; pulihkan berkas itu dari cadangan atau lampirkan ulang.</source>
        <translation>Evidence file &apos;{name}&apos; is damaged in the store (its contents no longer match its hash). No bundle was made; restore the file from a backup or attach it again.</translation>
    </message>
    <message>
        <source>Berkas data dukung &apos;{name}&apos; tidak dapat dibaca dari penyimpanan ({path}). Paket tidak dibuat.</source>
        <translation>Evidence file &apos;{name}&apos; cannot be read from the store ({path}). No bundle was made.</translation>
    </message>
    <message>
        <source>Berkas yang terbaca kembali dari {folder} tidak sama dengan yang ditulis. Coba media lain.</source>
        <translation>The file read back from {folder} is not what was written. Try another medium.</translation>
    </message>
    <message>
        <source>Paket yang terbaca kembali dari {folder} rusak ({reason}). Paket dihapus; coba media lain.</source>
        <translation>The bundle read back from {folder} is damaged ({reason}). The bundle was removed; try another medium.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Kirim paket laporan (USB)</source>
        <translation>Send report bundle (USB)</translation>
    </message>
    <message>
        <source>Laporan triwulan yang dipilih beserta data dukungnya disimpan sebagai satu berkas paket yang ditandatangani dengan kunci kantor. Simpan ke flashdisk, lalu serahkan ke verifikator kabupaten.</source>
        <translation>The chosen quarter&apos;s reports and their supporting evidence are saved as one bundle file, signed with the office key. Save it to a USB stick, then hand it to the district verifier.</translation>
    </message>
    <message>
        <source>Simpan &amp;ke:</source>
        <translation>Save &amp;to:</translation>
    </message>
    <message>
        <source>Frasa sandi kunci kantor</source>
        <translation>Office key passphrase</translation>
    </message>
    <message>
        <source>&amp;Buat kunci…</source>
        <translation>&amp;Make key…</translation>
    </message>
    <message>
        <source>Periode:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>&amp;Jenis pelayanan:</source>
        <translation>Service &amp;types:</translation>
    </message>
    <message>
        <source>&amp;Frasa sandi kunci kantor:</source>
        <translation>Office key &amp;passphrase:</translation>
    </message>
    <message>
        <source>&amp;Kirim ke berkas</source>
        <translation>&amp;Write bundle</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Colokkan flashdisk, lalu tekan Pilih… untuk memilih tempatnya</source>
        <translation>Plug in the USB stick, then press Choose… to pick where to save</translation>
    </message>
    <message>
        <source>&amp;Pilih…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <source>Enkripsi untuk:</source>
        <translation>Encrypt for:</translation>
    </message>
    <message>
        <source>Centang bila paket memuat data pribadi (misalnya daftar NIK). Hanya penerima yang dicentang yang dapat membuka paketnya.</source>
        <translation>Tick when the bundle carries personal data (such as NIK lists). Only the ticked recipients can open the bundle.</translation>
    </message>
    <message>
        <source>Kantor ini belum mempunyai kunci tanda tangan, jadi paket belum dapat ditandatangani. Tekan Buat kunci… (atau buka Berkas › Kunci &amp; kepercayaan…), lalu serahkan kunci publiknya ke verifikator kabupaten.</source>
        <translation>This office has no signing key yet, so bundles cannot be signed. Press Make key… (or open File › Keys &amp; trust…), then give its public key to the district verifier.</translation>
    </message>
    <message>
        <source>belum ada isian</source>
        <translation>nothing entered yet</translation>
    </message>
    <message>
        <source>{rows} wilayah</source>
        <translation>{rows} areas</translation>
    </message>
    <message>
        <source>, {evidence} data dukung</source>
        <translation>, {evidence} evidence files</translation>
    </message>
    <message>
        <source>; kiriman ke-{revision}</source>
        <translation>; submission no. {revision}</translation>
    </message>
    <message>
        <source>Centang paling sedikit satu jenis pelayanan yang sudah berisi data.</source>
        <translation>Tick at least one service type that has data.</translation>
    </message>
    <message>
        <source>Akan dikirim: {reports} laporan, {evidence} berkas data dukung ({size}).</source>
        <translation>To be sent: {reports} reports, {evidence} supporting evidence files ({size}).</translation>
    </message>
    <message>
        <source>Paket ditulis langsung ke tempat ini, lalu dibaca ulang dan diperiksa di sana.</source>
        <translation>The bundle is written straight to this place, then read back and checked there.</translation>
    </message>
    <message>
        <source>Folder {folder} tidak ada. Colokkan flashdisk, lalu tekan Pilih….</source>
        <translation>Folder {folder} does not exist. Plug in the USB stick, then press Choose….</translation>
    </message>
    <message>
        <source>Ruang kosong di tujuan hanya {free}, padahal paket ini sekitar {size}. Kosongkan sebagian isi flashdisk atau pilih tempat lain.</source>
        <translation>Only {free} is free at the target, and this bundle is about {size}. Free some space on the USB stick or choose another place.</translation>
    </message>
    <message>
        <source>Ruang kosong di tujuan: {free}.</source>
        <translation>Free space at the target: {free}.</translation>
    </message>
    <message>
        <source>Karena dienkripsi, berkasnya bernama {name}.</source>
        <translation>Because it is encrypted, the file is named {name}.</translation>
    </message>
    <message>
        <source>Ketik frasa sandi kunci kantor.</source>
        <translation>Type the office key&apos;s passphrase.</translation>
    </message>
    <message>
        <source>Timpa berkas</source>
        <translation>Replace file</translation>
    </message>
    <message>
        <source>Berkas {name} sudah ada di {folder}. Timpa dengan paket yang baru?</source>
        <translation>{name} already exists in {folder}. Replace it with the new bundle?</translation>
    </message>
    <message>
        <source>Timpa</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>Menulis paket ke {folder}, lalu membacanya ulang untuk diperiksa…</source>
        <translation>Writing the bundle to {folder}, then reading it back to check it…</translation>
    </message>
    <message>
        <source>Membuka kunci kantor…</source>
        <translation>Unlocking the office key…</translation>
    </message>
    <message>
        <source>{reason} Berkas paket dihapus lagi.</source>
        <translation>{reason} The bundle file was removed again.</translation>
    </message>
    <message>
        <source>Ukuran {size} · {reports} laporan · {evidence} berkas data dukung</source>
        <translation>Size {size} · {reports} reports · {evidence} supporting evidence files</translation>
    </message>
    <message>
        <source> · terenkripsi untuk {names}</source>
        <translation> · encrypted for {names}</translation>
    </message>
    <message>
        <source>Paket laporan tersimpan</source>
        <translation>Report bundle saved</translation>
    </message>
    <message>
        <source>Paket laporan tersimpan:
{path}

{details}.

Berkas sudah dibaca ulang dan diperiksa di media tujuan. Lepaskan flashdisk dengan aman (Eject) sebelum mencabutnya, lalu serahkan ke verifikator kabupaten.</source>
        <translation>Report bundle saved:
{path}

{details}.

The file was read back and checked on the target medium. Eject the USB stick safely before pulling it out, then hand it to the district verifier.</translation>
    </message>
    <message>
        <source>Dibatalkan; tidak ada berkas yang disimpan dan tidak ada yang dicatat.</source>
        <translation>Cancelled; no file was saved and nothing was recorded.</translation>
    </message>
</context>
<context>
    <name>HistoryDialogs</name>
    <message>
        <source>Log audit utuh: {rows} catatan, rantai hash sesuai.</source>
        <translation>The audit log is intact: {rows} entries, the hash chain matches.</translation>
    </message>
    <message>
        <source>Log audit rusak pada catatan {row}: {reason}</source>
        <translation>The audit log is broken at entry {row}: {reason}</translation>
    </message>
</context>
<context>
    <name>HubDialog</name>
    <message>
        <source>Hub provinsi</source>
        <translation>Province hub</translation>
    </message>
    <message>
        <source>Saat ada sambungan internet, paket laporan dikirim sendiri ke hub provinsi dan keputusan provinsi diambil kembali. Alamat dan token kantor diberikan oleh Biro Pemerintahan provinsi.</source>
        <translation>Whenever there is an internet connection, report bundles are sent to the province hub by themselves and the province&apos;s decisions are fetched back. The address and the office token are given by the province&apos;s Government Bureau.</translation>
    </message>
    <message>
        <source>Alamat hub:</source>
        <translation>Hub address:</translation>
    </message>
    <message>
        <source>Token kantor:</source>
        <translation>Office token:</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Periksa sambungan</source>
        <translation>Check connection</translation>
    </message>
    <message>
        <source>Lupakan hub</source>
        <translation>Forget hub</translation>
    </message>
    <message>
        <source>Alamat hub harus diawali http:// atau https://.</source>
        <translation>The hub address must start with http:// or https://.</translation>
    </message>
    <message>
        <source>Isi token kantor dari provinsi.</source>
        <translation>Enter the office token from the province.</translation>
    </message>
    <message>
        <source>Menghubungi hub…</source>
        <translation>Contacting the hub…</translation>
    </message>
    <message>
        <source>Tersambung. Terdaftar sebagai {office}. Sidik jari kunci provinsi: {fingerprint}.</source>
        <translation>Connected. Registered as {office}. Province key fingerprint: {fingerprint}.</translation>
    </message>
    <message>
        <source>Kunci provinsi ini belum dipercaya di sini: cocokkan sidik jarinya dengan provinsi lewat telepon, lalu tambahkan di Kunci &amp; kepercayaan (peran provinsi). Sebelum itu keputusan provinsi belum diterapkan.</source>
        <translation>This province key is not trusted here yet: compare its fingerprint with the province by phone, then add it in Keys &amp; trust (role province). Until then the province&apos;s decisions are not applied.</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>baru</source>
        <translation>new</translation>
    </message>
    <message>
        <source>diperbarui</source>
        <translation>updated</translation>
    </message>
    <message>
        <source>tidak berubah</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <source>usang (ditolak)</source>
        <translation>out of date (refused)</translation>
    </message>
    <message>
        <source>bertentangan (disimpan terpisah)</source>
        <translation>conflict (kept separately)</translation>
    </message>
    <message>
        <source>Paket ini usang: laporan {service} di dalamnya adalah revisi {revision}, padahal revisi {current} yang lebih baru sudah diimpor. Tidak ada yang diimpor.</source>
        <translation>This bundle is out of date: its report {service} is revision {revision}, while the newer revision {current} was already imported. Nothing was imported.</translation>
    </message>
    <message>
        <source>Paket {bundle} sudah pernah diimpor; tidak ada yang berubah.</source>
        <translation>Bundle {bundle} was imported before; nothing changed.</translation>
    </message>
    <message>
        <source>Diimpor: {added} laporan baru, {updated} diperbarui, {conflicts} bertentangan; {figures} angka berubah, {evidence} data dukung ditambahkan.</source>
        <translation>Imported: {added} new reports, {updated} updated, {conflicts} in conflict; {figures} figures changed, {evidence} evidence files added.</translation>
    </message>
    <message>
        <source>Paket ini dibuat oleh kantor ini sendiri ({office}); laporannya sudah ada di sini.</source>
        <translation>This bundle was made by this office itself ({office}); its reports are already here.</translation>
    </message>
    <message>
        <source>Paket ini dari {office}, {district} ({code}); aplikasi ini disiapkan untuk {own} ({own_code}).</source>
        <translation>This bundle is from {office}, {district} ({code}); this application is set up for {own} ({own_code}).</translation>
    </message>
    <message>
        <source>Paket ini berasal dari kantor ini sendiri; tidak diimpor.</source>
        <translation>This bundle comes from this office itself; it was not imported.</translation>
    </message>
    <message>
        <source>Paket {bundle} sudah pernah diimpor.</source>
        <translation>Bundle {bundle} was imported before.</translation>
    </message>
    <message>
        <source>Tidak ada revisi yang bertentangan dari paket {bundle}.</source>
        <translation>There is no conflicting revision from bundle {bundle}.</translation>
    </message>
    <message>
        <source>Revisi laporan {service} berubah sejak rencana ini dibuat (paket lain dicatat lebih dahulu). Ulangi.</source>
        <translation>The revision of report {service} changed since this plan was made (another bundle was recorded first). Try again.</translation>
    </message>
    <message>
        <source>Data dukung {id} di paket sudah tercatat untuk laporan lain; paket tidak diimpor.</source>
        <translation>Evidence {id} in the bundle is already recorded for another report; the bundle was not imported.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>membuka enkripsi</source>
        <translation>decryption</translation>
    </message>
    <message>
        <source>wadah berkas (ZIP)</source>
        <translation>file container (ZIP)</translation>
    </message>
    <message>
        <source>tanda tangan</source>
        <translation>signature</translation>
    </message>
    <message>
        <source>daftar berkas tag (tagmanifest)</source>
        <translation>tag file list (tagmanifest)</translation>
    </message>
    <message>
        <source>daftar isi dan sidik berkas (manifest)</source>
        <translation>content list and file hashes (manifest)</translation>
    </message>
    <message>
        <source>isi laporan (submission.json)</source>
        <translation>report contents (submission.json)</translation>
    </message>
    <message>
        <source>rujukan katalog, wilayah dan data dukung</source>
        <translation>catalog, area and evidence references</translation>
    </message>
    <message>
        <source>Paket ini rusak atau diubah setelah ditandatangani. Jangan dipakai: minta pengirim membuat paket baru, lalu salin lagi ke flashdisk.</source>
        <translation>This bundle is damaged or was changed after it was signed. Do not use it: ask the sender to make a new bundle and copy it to the USB stick again.</translation>
    </message>
    <message>
        <source>Bila pengirimnya memang mitra Anda, minta berkas kunci publiknya, cocokkan sidik jarinya lewat telepon, lalu tambahkan di Berkas › Kunci &amp; kepercayaan…, kemudian terima paket ini lagi.</source>
        <translation>If the sender really is your partner, ask for their public key file, compare its fingerprint over the phone, add it under File › Keys &amp; trust…, then receive this bundle again.</translation>
    </message>
    <message>
        <source>Pilih berkas kunci age yang benar, atau minta pengirim mengenkripsi paketnya untuk Anda.</source>
        <translation>Choose the right age key file, or ask the sender to encrypt the bundle for you.</translation>
    </message>
    <message>
        <source>Paket merujuk katalog, wilayah atau kantor yang tidak cocok dengan aplikasi ini. Periksa versi aplikasi pengirim dan kabupaten/kotanya, atau minta paket baru.</source>
        <translation>The bundle refers to a catalog, area or office that does not match this application. Check the sender&apos;s application version and regency/city, or ask for a new bundle.</translation>
    </message>
    <message>
        <source>Terima paket laporan — {name}</source>
        <translation>Receive report bundle — {name}</translation>
    </message>
    <message>
        <source>Memeriksa paket {name}…</source>
        <translation>Checking bundle {name}…</translation>
    </message>
    <message>
        <source>&amp;Terapkan</source>
        <translation>&amp;Apply</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Pengirim:</source>
        <translation>Sender:</translation>
    </message>
    <message>
        <source>Ditandatangani:</source>
        <translation>Signed by:</translation>
    </message>
    <message>
        <source>Periode:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Dibuat:</source>
        <translation>Made:</translation>
    </message>
    <message>
        <source>Berkas:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Paket ditolak pada pemeriksaan {stage}.</source>
        <translation>The bundle was refused at the {stage} check.</translation>
    </message>
    <message>
        <source>Paket tidak dapat diperiksa.</source>
        <translation>The bundle could not be checked.</translation>
    </message>
    <message>
        <source>Tidak ada yang diubah.</source>
        <translation>Nothing was changed.</translation>
    </message>
    <message>
        <source>Pemeriksaan dibatalkan; tidak ada yang diubah.</source>
        <translation>Check cancelled; nothing was changed.</translation>
    </message>
    <message>
        <source>Paket ini sah, tetapi tidak dapat diterima di sini.</source>
        <translation>This bundle is valid, but it cannot be received here.</translation>
    </message>
    <message>
        <source>{office}, {district}</source>
        <translation>{office}, {district}</translation>
    </message>
    <message>
        <source>{name} — sidik jari {fingerprint}</source>
        <translation>{name} — fingerprint {fingerprint}</translation>
    </message>
    <message>
        <source>Triwulan {roman} {year}</source>
        <translation>Quarter {roman} {year}</translation>
    </message>
    <message>
        <source>{when} oleh {operator}</source>
        <translation>{when} by {operator}</translation>
    </message>
    <message>
        <source>{name} ({size}, terenkripsi)</source>
        <translation>{name} ({size}, encrypted)</translation>
    </message>
    <message>
        <source>{name} ({size})</source>
        <translation>{name} ({size})</translation>
    </message>
    <message>
        <source>(kantor ini belum pernah mengirim paket ke sini)</source>
        <translation>(this office has not sent a bundle here before)</translation>
    </message>
    <message>
        <source>Keputusan verifikator kabupaten atas laporan kantor ini. Laporan yang dikembalikan dapat diperbaiki lagi; yang disetujui terkunci. Tekan Terapkan untuk menerimanya.</source>
        <translation>The district verifier&apos;s decisions on this office&apos;s reports. Returned reports can be corrected again; approved ones are locked. Press Apply to accept them.</translation>
    </message>
    <message>
        <source>Keputusan diterima</source>
        <translation>Decisions received</translation>
    </message>
    <message>
        <source>{count} laporan diperbarui sesuai keputusan kabupaten.</source>
        <translation>{count} reports updated as the district decided.</translation>
    </message>
    <message>
        <source>Paket ditolak.</source>
        <translation>The bundle was refused.</translation>
    </message>
    <message>
        <source>Paket ini sudah pernah diterima; tidak ada yang berubah.</source>
        <translation>This bundle was received before; nothing changes.</translation>
    </message>
    <message>
        <source>Paket ini sah, tetapi tidak mengubah apa pun di sini.</source>
        <translation>This bundle is valid, but it changes nothing here.</translation>
    </message>
    <message>
        <source>Paket sah: tanda tangan, isi dan data dukungnya sudah diperiksa. Periksa perubahannya di bawah, lalu tekan Terapkan.</source>
        <translation>The bundle is valid: its signature, contents and supporting evidence were checked. Review the changes below, then press Apply.</translation>
    </message>
    <message>
        <source>Menyalin data dukung dari paket…</source>
        <translation>Copying supporting evidence from the bundle…</translation>
    </message>
    <message>
        <source>Dibatalkan; tidak ada yang diubah.</source>
        <translation>Cancelled; nothing was changed.</translation>
    </message>
    <message>
        <source>{reason}

Tidak ada yang diubah.</source>
        <translation>{reason}

Nothing was changed.</translation>
    </message>
    <message>
        <source>Paket laporan diterima</source>
        <translation>Report bundle received</translation>
    </message>
    <message>
        <source>{summary}

Dari {office}, triwulan {roman} {year}.</source>
        <translation>{summary}

From {office}, quarter {roman} {year}.</translation>
    </message>
</context>
<context>
    <name>ImportErrorsDialog</name>
    <message>
        <source>Lembar</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>Baris</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Kolom</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV untuk Excel (*.csv)</source>
        <translation>CSV for Excel (*.csv)</translation>
    </message>
    <message>
        <source>Simpan daftar kesalahan</source>
        <translation>Save the list of errors</translation>
    </message>
    <message>
        <source>Impor ditolak</source>
        <translation>Import refused</translation>
    </message>
    <message>
        <source>{count} masalah ditemukan di {name}. Tidak ada angka yang disimpan: perbaiki semuanya lalu impor lagi.</source>
        <translation>{count} problems found in {name}. No figure was saved: fix them all, then import again.</translation>
    </message>
    <message>
        <source>Pemeriksaan berhenti setelah banyak masalah; mungkin masih ada yang lain.</source>
        <translation>Checking stopped after many problems; there may be more.</translation>
    </message>
    <message>
        <source>Simpan daftar…</source>
        <translation>Save list…</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Daftar disimpan: {path}</source>
        <translation>List saved: {path}</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>Jenis pelayanan</source>
        <translation>Service type</translation>
    </message>
    <message>
        <source>Keputusan</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Revisi</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Perubahan</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>Data dukung</source>
        <translation>Supporting evidence</translation>
    </message>
    <message>
        <source>Wilayah</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Kolom</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Sebelum</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>Sesudah</source>
        <translation>After</translation>
    </message>
    <message>
        <source>Laporan dalam paket:</source>
        <translation>Reports in the bundle:</translation>
    </message>
    <message>
        <source>{revision} (sebelumnya {current})</source>
        <translation>{revision} (was {current})</translation>
    </message>
    <message>
        <source>+{count} baru</source>
        <translation>+{count} new</translation>
    </message>
    <message>
        <source>−{count} dilepas</source>
        <translation>−{count} removed</translation>
    </message>
    <message>
        <source>{count} sel</source>
        <translation>{count} cells</translation>
    </message>
    <message>
        <source>{count} catatan</source>
        <translation>{count} notes</translation>
    </message>
    <message>
        <source>&lt;b&gt;{service}&lt;/b&gt;: bertentangan. Paket ini dan revisi {current} yang sudah diterima sama-sama memperbarui revisi yang sama. Paket ini disimpan terpisah; angka yang berlaku sekarang tidak ditimpa sampai verifikator memilih salah satunya.</source>
        <translation>&lt;b&gt;{service}&lt;/b&gt;: in conflict. This bundle and the revision {current} received earlier both update the same revision. This bundle is kept apart; the current figures are not overwritten until the verifier chooses one of them.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{service}&lt;/b&gt;: usang. Paket ini membawa revisi {revision}, padahal revisi {current} yang lebih baru sudah diterima; karena itu seluruh paket ditolak.</source>
        <translation>&lt;b&gt;{service}&lt;/b&gt;: out of date. This bundle carries revision {revision}, while the newer revision {current} was already received; the whole bundle is therefore refused.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{service}&lt;/b&gt;: revisi {revision} diterima, tetapi revisi sebelumnya belum pernah sampai ke sini (ada paket yang terlewat).</source>
        <translation>&lt;b&gt;{service}&lt;/b&gt;: revision {revision} is accepted, but the revision before it never arrived here (a bundle was missed).</translation>
    </message>
    <message>
        <source>{service}: tidak ada yang berubah.</source>
        <translation>{service}: nothing changes.</translation>
    </message>
    <message>
        <source>Perubahan pada {service} ({count} sel):</source>
        <translation>Changes to {service} ({count} cells):</translation>
    </message>
    <message>
        <source>seluruh laporan</source>
        <translation>whole report</translation>
    </message>
    <message>
        <source>+ {name} ({size}), {area}</source>
        <translation>+ {name} ({size}), {area}</translation>
    </message>
    <message>
        <source>− {name} (dilepas dari laporan)</source>
        <translation>− {name} (taken off the report)</translation>
    </message>
    <message>
        <source>Hanya {shown} perubahan pertama yang ditampilkan.</source>
        <translation>Only the first {shown} changes are shown.</translation>
    </message>
    <message>
        <source>Data dukung: tidak ada yang ditambahkan atau dilepas.</source>
        <translation>Supporting evidence: nothing added or taken off.</translation>
    </message>
    <message>
        <source>Data dukung:</source>
        <translation>Supporting evidence:</translation>
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
    <name>KeyPage</name>
    <message>
        <source>Kunci tanda tangan</source>
        <translation>Signing key</translation>
    </message>
    <message>
        <source>Kunci untuk menandatangani paket laporan yang dikirim ke kabupaten.</source>
        <translation>The key that signs the report bundles sent to the district.</translation>
    </message>
    <message>
        <source>Setiap paket laporan yang Anda kirim ditandatangani dengan kunci ini, sehingga verifikator kabupaten dapat memastikan paket itu benar dari kantor Anda dan tidak diubah di jalan. Frasa sandi melindungi kunci itu: tanpa frasa sandi paket tidak dapat ditandatangani, dan frasa sandi yang lupa tidak dapat dipulihkan.</source>
        <translation>Every report bundle you send is signed with this key, so the district verifier can be sure it really comes from your office and was not changed on the way. The passphrase protects the key: without it no bundle can be signed, and a forgotten passphrase cannot be recovered.</translation>
    </message>
    <message>
        <source>&amp;Buat kunci sekarang (disarankan)</source>
        <translation>&amp;Make the key now (recommended)</translation>
    </message>
    <message>
        <source>Buat &amp;nanti</source>
        <translation>Make it &amp;later</translation>
    </message>
    <message>
        <source>Tanpa kunci, paket laporan belum dapat dikirim ke kabupaten. Kunci dapat dibuat kapan saja melalui Berkas › Kunci &amp; kepercayaan…</source>
        <translation>Without a key, report bundles cannot be sent to the district yet. The key can be made at any time under File › Keys &amp; trust…</translation>
    </message>
</context>
<context>
    <name>Keys</name>
    <message>
        <source>Berkas kunci &apos;{name}&apos; tidak ditemukan.</source>
        <translation>Key file &apos;{name}&apos; was not found.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; bukan kunci publik minisign (Ed25519). Mintalah berkas .pub dari pemilik kuncinya.</source>
        <translation>&apos;{name}&apos; is not a minisign (Ed25519) public key. Ask the key&apos;s owner for the .pub file.</translation>
    </message>
    <message>
        <source>Frasa sandi terlalu pendek: paling sedikit {minimum} karakter.</source>
        <translation>The passphrase is too short: at least {minimum} characters.</translation>
    </message>
    <message>
        <source>Frasa sandi terlalu panjang: paling banyak {maximum} karakter.</source>
        <translation>The passphrase is too long: at most {maximum} characters.</translation>
    </message>
    <message>
        <source>Frasa sandi tidak boleh memuat karakter kendali (Tab, Enter).</source>
        <translation>The passphrase must not contain control characters (Tab, Enter).</translation>
    </message>
    <message>
        <source>Frasa sandi tidak boleh hanya spasi.</source>
        <translation>The passphrase must not be only spaces.</translation>
    </message>
    <message>
        <source>Berkas frasa sandi &apos;{name}&apos; tidak ditemukan.</source>
        <translation>Passphrase file &apos;{name}&apos; was not found.</translation>
    </message>
    <message>
        <source>Berkas frasa sandi &apos;{name}&apos; bukan teks UTF-8.</source>
        <translation>Passphrase file &apos;{name}&apos; is not UTF-8 text.</translation>
    </message>
    <message>
        <source>Kunci kantor sudah ada di {folder}. Untuk menggantinya gunakan --replace; kunci lama diarsipkan dan mitra perlu kunci publik yang baru.</source>
        <translation>An office key already exists in {folder}. To replace it use --replace; the old key is archived and partners need the new public key.</translation>
    </message>
    <message>
        <source>Berkas kunci rahasia {name} rusak atau bukan kunci minisign.</source>
        <translation>Secret key file {name} is damaged or is not a minisign key.</translation>
    </message>
    <message>
        <source>Frasa sandi kunci kantor salah.</source>
        <translation>The office key&apos;s passphrase is wrong.</translation>
    </message>
    <message>
        <source>Kunci di {name} ({found}) bukan kunci kantor yang tercatat ({expected}). Pulihkan berkas kuncinya atau buat kunci baru.</source>
        <translation>The key in {name} ({found}) is not the office key on record ({expected}). Restore the key files or make a new key.</translation>
    </message>
    <message>
        <source>Kunci tanda tangan kantor belum dibuat. Buat dahulu (menu Berkas › Kunci &amp; kepercayaan, atau &apos;spm-luring key create&apos;).</source>
        <translation>The office signing key has not been made yet. Make it first (File › Keys &amp; trust, or &apos;spm-luring key create&apos;).</translation>
    </message>
    <message>
        <source>Kunci kantor sudah ada. Untuk menggantinya gunakan --replace; kunci lama diarsipkan dan mitra perlu kunci publik yang baru.</source>
        <translation>An office key already exists. To replace it use --replace; the old key is archived and partners need the new public key.</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <source>Kunci &amp; kepercayaan</source>
        <translation>Keys &amp; trust</translation>
    </message>
    <message>
        <source>Kunci &amp;kantor</source>
        <translation>&amp;Office key</translation>
    </message>
    <message>
        <source>Kunci &amp;tepercaya</source>
        <translation>&amp;Trusted keys</translation>
    </message>
    <message>
        <source>Penerima &amp;enkripsi (age)</source>
        <translation>&amp;Encryption recipients (age)</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Kantor ini belum mempunyai kunci tanda tangan. Tanpa kunci, paket laporan tidak dapat dikirim. Buat kunci, lalu ekspor kunci publiknya dan serahkan ke verifikator kabupaten.</source>
        <translation>This office has no signing key yet. Without a key, report bundles cannot be sent. Make the key, then export its public key and give it to the district verifier.</translation>
    </message>
    <message>
        <source>Sidik jari kunci kantor:</source>
        <translation>Office key fingerprint:</translation>
    </message>
    <message>
        <source>ID kunci (minisign):</source>
        <translation>Key ID (minisign):</translation>
    </message>
    <message>
        <source>Dibuat:</source>
        <translation>Made:</translation>
    </message>
    <message>
        <source>Serahkan berkas kunci publik (Ekspor kunci publik…) ke verifikator kabupaten dan bacakan sidik jari ini kepadanya; ia mencocokkannya sebelum menerima paket laporan dari kantor ini.</source>
        <translation>Give the public key file (Export public key…) to the district verifier and read this fingerprint out to them; they compare it before accepting report bundles from this office.</translation>
    </message>
    <message>
        <source>&amp;Ekspor kunci publik…</source>
        <translation>&amp;Export public key…</translation>
    </message>
    <message>
        <source>Paket laporan hanya diterima bila ditandatangani salah satu kunci ini (atau kunci kantor ini sendiri). Tambahkan kunci hanya setelah sidik jarinya dicocokkan dengan pemiliknya.</source>
        <translation>Report bundles are accepted only when signed with one of these keys (or this office&apos;s own key). Add a key only after comparing its fingerprint with its owner.</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Sidik jari</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>Ditambahkan</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>T&amp;ambah…</source>
        <translation>&amp;Add…</translation>
    </message>
    <message>
        <source>&amp;Hapus</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>Paket yang memuat data pribadi (misalnya daftar NIK) dapat dienkripsi dengan age sehingga hanya penerimanya (biasanya provinsi) yang dapat membukanya. Masukkan kunci penerima yang diberikan provinsi; kunci itu diawali age1.</source>
        <translation>Bundles that carry personal data (such as NIK lists) can be encrypted with age so that only their recipients (usually the province) can open them. Enter the recipient key the province gave you; it starts with age1.</translation>
    </message>
    <message>
        <source>Penerima age</source>
        <translation>age recipient</translation>
    </message>
    <message>
        <source>misalnya Biro Pemerintahan Provinsi</source>
        <translation>for example Biro Pemerintahan Provinsi</translation>
    </message>
    <message>
        <source>Tambah&amp;kan penerima</source>
        <translation>Add re&amp;cipient</translation>
    </message>
    <message>
        <source>H&amp;apus penerima</source>
        <translation>Remo&amp;ve recipient</translation>
    </message>
    <message>
        <source>Na&amp;ma penerima:</source>
        <translation>Recipient na&amp;me:</translation>
    </message>
    <message>
        <source>&amp;Kunci penerima:</source>
        <translation>Recipient &amp;key:</translation>
    </message>
    <message>
        <source>{when} oleh {who}</source>
        <translation>{when} by {who}</translation>
    </message>
    <message>
        <source>&amp;Ganti kunci…</source>
        <translation>Re&amp;place key…</translation>
    </message>
    <message>
        <source>&amp;Buat kunci…</source>
        <translation>&amp;Make key…</translation>
    </message>
    <message>
        <source>ID kunci {key_id}</source>
        <translation>Key ID {key_id}</translation>
    </message>
    <message>
        <source>Ganti kunci tanda tangan</source>
        <translation>Replace the signing key</translation>
    </message>
    <message>
        <source>Ganti kunci tanda tangan kantor?

Kunci lama diarsipkan dan tidak dipakai lagi. Verifikator kabupaten dan mitra lain harus menerima dan mempercayai kunci publik yang baru (dengan mencocokkan sidik jarinya); sampai itu terjadi, paket laporan dari kantor ini ditolak.</source>
        <translation>Replace the office signing key?

The old key is archived and no longer used. The district verifier and other partners must receive and trust the new public key (after comparing its fingerprint); until they do, report bundles from this office are refused.</translation>
    </message>
    <message>
        <source>Ganti kunci</source>
        <translation>Replace key</translation>
    </message>
    <message>
        <source>Kunci baru dibuat; sidik jarinya {fingerprint}. Ekspor kunci publiknya dan serahkan kembali ke verifikator kabupaten dan mitra lain.</source>
        <translation>New key made; its fingerprint is {fingerprint}. Export its public key and give it again to the district verifier and other partners.</translation>
    </message>
    <message>
        <source>Kunci dibuat; sidik jarinya {fingerprint}. Ekspor kunci publiknya dan serahkan ke verifikator kabupaten.</source>
        <translation>Key made; its fingerprint is {fingerprint}. Export its public key and give it to the district verifier.</translation>
    </message>
    <message>
        <source>Kunci publik disimpan di {path}. Serahkan berkas ini ke verifikator kabupaten dan bacakan sidik jarinya: {fingerprint}.</source>
        <translation>Public key saved to {path}. Give this file to the district verifier and read out its fingerprint: {fingerprint}.</translation>
    </message>
    <message>
        <source>Kunci tidak ditambahkan.</source>
        <translation>The key was not added.</translation>
    </message>
    <message>
        <source>Kunci {name} ({fingerprint}) sekarang dipercaya.</source>
        <translation>Key {name} ({fingerprint}) is now trusted.</translation>
    </message>
    <message>
        <source>Hapus kunci tepercaya</source>
        <translation>Remove trusted key</translation>
    </message>
    <message>
        <source>Berhenti mempercayai kunci {name} ({fingerprint})?

Paket baru yang ditandatangani kunci ini akan ditolak. Laporan yang sudah diterima tetap tersimpan. Penghapusan dicatat di log audit.</source>
        <translation>Stop trusting the key {name} ({fingerprint})?

New bundles signed with this key will be refused. Reports already received stay stored. The removal is recorded in the audit log.</translation>
    </message>
    <message>
        <source>Hapus kunci</source>
        <translation>Remove key</translation>
    </message>
    <message>
        <source>Kunci {name} tidak dipercaya lagi.</source>
        <translation>Key {name} is no longer trusted.</translation>
    </message>
    <message>
        <source>Penerima {name} ditambahkan.</source>
        <translation>Recipient {name} added.</translation>
    </message>
    <message>
        <source>Hapus penerima enkripsi</source>
        <translation>Remove encryption recipient</translation>
    </message>
    <message>
        <source>Hapus penerima {name}? Paket berikutnya tidak dapat dienkripsi untuknya lagi.</source>
        <translation>Remove the recipient {name}? Later bundles can no longer be encrypted for them.</translation>
    </message>
    <message>
        <source>Hapus penerima</source>
        <translation>Remove recipient</translation>
    </message>
    <message>
        <source>Penerima {name} dihapus.</source>
        <translation>Recipient {name} removed.</translation>
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
    <name>LoginDialog</name>
    <message>
        <source>Masuk — SPM Luring</source>
        <translation>Log in — SPM Luring</translation>
    </message>
    <message>
        <source>Jendela dikunci karena tidak digunakan. Masukkan kata sandi untuk melanjutkan.</source>
        <translation>The window was locked because it was not in use. Enter the password to continue.</translation>
    </message>
    <message>
        <source>&amp;Nama pengguna:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>&amp;Kata sandi:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Masuk</source>
        <translation>&amp;Log in</translation>
    </message>
    <message>
        <source>&amp;Keluar</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Ganti &amp;pengguna</source>
        <translation>Switch &amp;user</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>SPM Luring — {office}, {district}</source>
        <translation>SPM Luring — {office}, {district}</translation>
    </message>
    <message>
        <source>{name} (kantor ini)</source>
        <translation>{name} (this office)</translation>
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
        <source>&amp;Dasbor</source>
        <translation>&amp;Dashboard</translation>
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
        <source>Kantor yang laporannya ditampilkan</source>
        <translation>The office whose reports are shown</translation>
    </message>
    <message>
        <source>Kantor:</source>
        <translation>Office:</translation>
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
    <name>NewPasswordFields</name>
    <message>
        <source>Kata &amp;sandi:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Ulangi kata sandi:</source>
        <translation>&amp;Repeat the password:</translation>
    </message>
    <message>
        <source>Minimal {count} karakter.</source>
        <translation>At least {count} characters.</translation>
    </message>
    <message>
        <source>Kedua isian belum sama.</source>
        <translation>The two entries differ.</translation>
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
    <name>OutboxDialog</name>
    <message>
        <source>Antrean kirim hub provinsi</source>
        <translation>Province hub outbox</translation>
    </message>
    <message>
        <source>Sinkronkan sekarang</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Kirim ulang</source>
        <translation>Send again</translation>
    </message>
    <message>
        <source>Kirim lagi paket yang ditolak (misalnya setelah kunci kantor didaftarkan)</source>
        <translation>Send a rejected bundle again (for example once the office key has been registered)</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Laporan</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Ukuran</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Terkirim</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Menunggu dikirim</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message>
        <source>Sebagian terkirim</source>
        <translation>Partly sent</translation>
    </message>
    <message>
        <source>Terkirim, menunggu pemeriksaan hub</source>
        <translation>Sent, awaiting the hub&apos;s check</translation>
    </message>
    <message>
        <source>Diterima hub</source>
        <translation>Accepted by the hub</translation>
    </message>
    <message>
        <source>Ditolak hub</source>
        <translation>Rejected by the hub</translation>
    </message>
    <message>
        <source>Keputusan provinsi diterima: {applied} diterapkan, {refused} ditolak.</source>
        <translation>Province decisions received: {applied} applied, {refused} refused.</translation>
    </message>
    <message>
        <source>Ditolak: {reason}</source>
        <translation>Refused: {reason}</translation>
    </message>
    <message>
        <source>Hub provinsi belum diatur (Berkas › Hub provinsi…, oleh admin).</source>
        <translation>No province hub is set (File › Province hub…, by an admin).</translation>
    </message>
    <message>
        <source>Hub provinsi: {url}</source>
        <translation>Province hub: {url}</translation>
    </message>
</context>
<context>
    <name>PassphraseFields</name>
    <message>
        <source>Frasa sandi</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Ulangi frasa sandi</source>
        <translation>Repeat passphrase</translation>
    </message>
    <message>
        <source>&amp;Tampilkan frasa sandi</source>
        <translation>&amp;Show passphrase</translation>
    </message>
    <message>
        <source>&amp;Frasa sandi:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>&amp;Ulangi frasa sandi:</source>
        <translation>&amp;Repeat passphrase:</translation>
    </message>
    <message>
        <source>Kedua frasa sandi belum sama.</source>
        <translation>The two passphrases are not the same yet.</translation>
    </message>
    <message>
        <source>Sama.</source>
        <translation>They match.</translation>
    </message>
    <message>
        <source>Ketik sekali lagi sampai habis.</source>
        <translation>Keep typing it to the end.</translation>
    </message>
    <message>
        <source>Tidak sama dengan frasa sandi di atas.</source>
        <translation>Not the same as the passphrase above.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Kata sandi baru untuk {name}</source>
        <translation>New password for {name}</translation>
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
    <name>PrintPreviewDialog</name>
    <message>
        <source>Berkas PDF {path} tidak dapat dibaca.</source>
        <translation>The PDF file {path} cannot be read.</translation>
    </message>
    <message>
        <source>Printer tidak dapat dipakai. Periksa sambungan dan kertasnya.</source>
        <translation>The printer cannot be used. Check its connection and paper.</translation>
    </message>
    <message>
        <source>Halaman sebelumnya (Page Up)</source>
        <translation>Previous page (Page Up)</translation>
    </message>
    <message>
        <source>Halaman berikutnya (Page Down)</source>
        <translation>Next page (Page Down)</translation>
    </message>
    <message>
        <source>Halaman</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Perkecil (Ctrl+−)</source>
        <translation>Zoom out (Ctrl+−)</translation>
    </message>
    <message>
        <source>Perbesar (Ctrl++)</source>
        <translation>Zoom in (Ctrl++)</translation>
    </message>
    <message>
        <source>Perbesaran</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Selebar jendela</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>Satu halaman penuh</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <source>&amp;Penandatangan…</source>
        <translation>&amp;Signatories…</translation>
    </message>
    <message>
        <source>&amp;Simpan PDF…</source>
        <translation>Sa&amp;ve PDF…</translation>
    </message>
    <message>
        <source>&amp;Cetak…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>&amp;Tutup</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>PDF tidak dapat dibuka ({error}).</source>
        <translation>The PDF cannot be opened ({error}).</translation>
    </message>
    <message>
        <source>dari {count}</source>
        <translation>of {count}</translation>
    </message>
    <message>
        <source>Simpan PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>PDF tersimpan di {path}</source>
        <translation>PDF saved as {path}</translation>
    </message>
    <message>
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Pencetakan dibatalkan.</source>
        <translation>Printing cancelled.</translation>
    </message>
    <message>
        <source>Mengirim halaman ke printer…</source>
        <translation>Sending pages to the printer…</translation>
    </message>
    <message>
        <source>{count} halaman dikirim ke printer.</source>
        <translation>{count} pages sent to the printer.</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Layanan {code} tidak termasuk layanan yang dilaporkan {office}.</source>
        <translation>Service {code} is not one of the services {office} reports.</translation>
    </message>
    <message>
        <source>Belum ada data untuk {period}; rekap tidak dapat dicetak.</source>
        <translation>No data yet for {period}; the summary cannot be printed.</translation>
    </message>
    <message>
        <source>Belum ada data untuk Triwulan {quarter} {year}; tidak ada formulir yang dapat dicetak.</source>
        <translation>No data yet for quarter {quarter} {year}; there is no form to print.</translation>
    </message>
</context>
<context>
    <name>PrintingActions</name>
    <message>
        <source>Cetak &amp;formulir laporan…</source>
        <translation>Print report &amp;form…</translation>
    </message>
    <message>
        <source>Formulir laporan layanan dan triwulan yang tampil, untuk ditandatangani</source>
        <translation>The report form of the service and quarter shown, for signing</translation>
    </message>
    <message>
        <source>Cetak &amp;rekap kabupaten…</source>
        <translation>Print district &amp;summary…</translation>
    </message>
    <message>
        <source>Rekap capaian semua layanan pada triwulan yang tampil, indeks dan kategori</source>
        <translation>Achievement of every service in the quarter shown, the index and band</translation>
    </message>
    <message>
        <source>Cetak formulir k&amp;osong…</source>
        <translation>Print &amp;blank form…</translation>
    </message>
    <message>
        <source>Formulir isian kosong layanan yang tampil, untuk pengumpulan data</source>
        <translation>A blank form of the service shown, for collecting figures</translation>
    </message>
    <message>
        <source>Pilih jenis pelayanan dasar dahulu.</source>
        <translation>Choose a basic-service type first.</translation>
    </message>
    <message>
        <source>Formulir laporan {code} — Triwulan {quarter} {year}</source>
        <translation>Report form {code} — quarter {quarter} {year}</translation>
    </message>
    <message>
        <source>Rekap kabupaten — Triwulan {quarter} {year}</source>
        <translation>District summary — quarter {quarter} {year}</translation>
    </message>
    <message>
        <source>Formulir isian kosong {code}</source>
        <translation>Blank form {code}</translation>
    </message>
    <message>
        <source>Menyusun PDF…</source>
        <translation>Making the PDF…</translation>
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
        <source>Catatan pemeriksa: {note}</source>
        <translation>Reviewer&apos;s note: {note}</translation>
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
    <name>ReturnDialog</name>
    <message>
        <source>Kembalikan laporan {service}</source>
        <translation>Return report {service}</translation>
    </message>
    <message>
        <source>Tulis apa yang perlu diperbaiki operator. Catatan tampil di laporannya.</source>
        <translation>Write what the operator must fix. The notes appear on the report.</translation>
    </message>
    <message>
        <source>Catatan untuk seluruh laporan</source>
        <translation>Note for the whole report</translation>
    </message>
    <message>
        <source>Wilayah</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Catatan untuk baris ini</source>
        <translation>Note for this row</translation>
    </message>
    <message>
        <source>&amp;Kembalikan</source>
        <translation>&amp;Return</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>Catatan terlalu panjang (lebih dari {count} karakter).</source>
        <translation>The note is too long (more than {count} characters).</translation>
    </message>
    <message>
        <source>Tulis catatan untuk operator: apa yang perlu diperbaiki.</source>
        <translation>Write a note for the operator: what must be fixed.</translation>
    </message>
    <message>
        <source>Laporan {service} {period} belum berisi angka.</source>
        <translation>Report {service} {period} has no figures yet.</translation>
    </message>
    <message>
        <source>Laporan berstatus {status}; langkah &apos;{act}&apos; tidak berlaku.</source>
        <translation>The report is {status}; the step &apos;{act}&apos; does not apply.</translation>
    </message>
    <message>
        <source>Keputusan untuk laporan {service} tidak dapat diterapkan: laporan di sini berstatus {status}, bukan Diajukan. Tidak ada yang diimpor.</source>
        <translation>The decision on report {service} cannot be applied: the report here is {status}, not Submitted. Nothing was imported.</translation>
    </message>
</context>
<context>
    <name>ReviewBar</name>
    <message>
        <source>&lt;b&gt;Dikembalikan oleh {who}&lt;/b&gt; — perbaiki lalu ajukan lagi.</source>
        <translation>&lt;b&gt;Returned by {who}&lt;/b&gt; — fix it, then submit again.</translation>
    </message>
    <message>
        <source>Ada catatan pada {count} baris (ditandai ⚑ merah; arahkan tetikus ke nama wilayah).</source>
        <translation>{count} rows have notes (marked ⚑ in red; hover over the area name).</translation>
    </message>
    <message>
        <source>Batas waktu {closes}; dibuka kembali oleh admin sampai {until}.</source>
        <translation>Deadline {closes}; reopened by the admin until {until}.</translation>
    </message>
    <message>
        <source>Periode ditutup sejak {closes}.</source>
        <translation>The period has been closed since {closes}.</translation>
    </message>
    <message>
        <source>Batas waktu hari ini, {closes}.</source>
        <translation>The deadline is today, {closes}.</translation>
    </message>
    <message>
        <source>Batas waktu {closes} ({days} hari lagi).</source>
        <translation>Deadline {closes} ({days} days left).</translation>
    </message>
    <message>
        <source>Ajukan laporan ini? Setelah diajukan, isian dan data dukungnya terkunci sampai verifikator mengembalikannya.</source>
        <translation>Submit this report? Once submitted, its figures and evidence are locked until a verifier returns it.</translation>
    </message>
    <message>
        <source>Setujui laporan ini? Laporan yang disetujui terkunci.</source>
        <translation>Approve this report? An approved report is locked.</translation>
    </message>
    <message>
        <source>Tidak dapat dilakukan</source>
        <translation>Cannot be done</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Verifikator</source>
        <translation>Verifier</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
</context>
<context>
    <name>SelfTest</name>
    <message>
        <source>Berkas bawaan (katalog, wilayah, huruf, terjemahan)</source>
        <translation>Shipped files (catalog, regions, fonts, translations)</translation>
    </message>
    <message>
        <source>Basis data sementara</source>
        <translation>Temporary database</translation>
    </message>
    <message>
        <source>Paket laporan: ekspor, verifikasi, impor</source>
        <translation>Report bundle: export, verify, import</translation>
    </message>
    <message>
        <source>Formulir PDF</source>
        <translation>PDF form</translation>
    </message>
    <message>
        <source>Templat dan impor Excel</source>
        <translation>Excel template and import</translation>
    </message>
    <message>
        <source>Cadangan dan pemulihan</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <source>Sambungan ke hub provinsi (unggah uji)</source>
        <translation>Connection to the province hub (test upload)</translation>
    </message>
    <message>
        <source>Jendela aplikasi</source>
        <translation>Application window</translation>
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
        <source>Kunci tanda tangan</source>
        <translation>Signing key</translation>
    </message>
    <message>
        <source>Aplikasi sudah disiapkan, tetapi kunci tanda tangan belum dapat dibuat: {reason}

Buat kunci nanti melalui Berkas › Kunci &amp; kepercayaan…</source>
        <translation>The application is set up, but the signing key could not be made: {reason}

Make the key later under File › Keys &amp; trust…</translation>
    </message>
    <message>
        <source>Aplikasi sudah disiapkan dan kunci tanda tangan kantor dibuat.</source>
        <translation>The application is set up and the office signing key was made.</translation>
    </message>
    <message>
        <source>Sidik jari kunci:</source>
        <translation>Key fingerprint:</translation>
    </message>
    <message>
        <source>Catat sidik jari ini dan bacakan kepada verifikator kabupaten saat menyerahkan kunci publik kantor; ia mencocokkannya sebelum menerima paket laporan Anda. Sidik jari ini juga tampil di Berkas › Kunci &amp; kepercayaan…</source>
        <translation>Write this fingerprint down and read it out to the district verifier when you hand over the office&apos;s public key; they compare it before accepting your report bundles. The fingerprint is also shown under File › Keys &amp; trust…</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
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
        <source>Akun admin</source>
        <translation>Admin account</translation>
    </message>
    <message>
        <source>Jenis pelayanan</source>
        <translation>Service types</translation>
    </message>
    <message>
        <source>{count} jenis</source>
        <translation>{count} selected</translation>
    </message>
    <message>
        <source>dibuat saat Selesai ditekan</source>
        <translation>made when Finish is pressed</translation>
    </message>
    <message>
        <source>dibuat nanti (paket laporan belum dapat dikirim)</source>
        <translation>made later (report bundles cannot be sent yet)</translation>
    </message>
</context>
<context>
    <name>Signatories</name>
    <message>
        <source>Teks penandatangan terlalu panjang (paling banyak {limit} huruf).</source>
        <translation>A signatory text is too long (at most {limit} characters).</translation>
    </message>
    <message>
        <source>Tanggal penandatanganan {date} tidak masuk akal.</source>
        <translation>Signing date {date} is not plausible.</translation>
    </message>
</context>
<context>
    <name>SignatoriesDialog</name>
    <message>
        <source>Penandatangan formulir</source>
        <translation>Form signatories</translation>
    </message>
    <message>
        <source>{name}, NIP {nip} (diubah melalui penyiapan aplikasi)</source>
        <translation>{name}, NIP {nip} (changed through the application set-up)</translation>
    </message>
    <message>
        <source>Nama kepala OPD:</source>
        <translation>Head of office:</translation>
    </message>
    <message>
        <source>NIP kepala OPD:</source>
        <translation>Head&apos;s NIP:</translation>
    </message>
    <message>
        <source>Jabatan:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <source>Pangkat/golongan:</source>
        <translation>Rank/grade:</translation>
    </message>
    <message>
        <source>Tempat:</source>
        <translation>Place:</translation>
    </message>
    <message>
        <source>Tanggal:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Operator:</source>
        <translation>Operator:</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Dicetak pada blok tanda tangan setiap formulir. Kolom kosong memakai nilai bawaan (abu-abu).</source>
        <translation>Printed in the signature blocks of every form. An empty field uses the default (shown in grey).</translation>
    </message>
    <message>
        <source>nama lengkap dengan gelar</source>
        <translation>full name with titles</translation>
    </message>
    <message>
        <source>18 angka</source>
        <translation>18 digits</translation>
    </message>
    <message>
        <source>boleh dikosongkan, mis. Pembina Utama Muda (IV/c)</source>
        <translation>optional, e.g. Pembina Utama Muda (IV/c)</translation>
    </message>
    <message>
        <source>Tanggal pencetakan (hari ini)</source>
        <translation>Date of printing (today)</translation>
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
    <message>
        <source>Laporan kantor lain hanya diperiksa di sini; angkanya diubah oleh kantor pengirimnya.</source>
        <translation>Another office&apos;s reports are only reviewed here; their figures are changed by the office that sent them.</translation>
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
    <name>Sync</name>
    <message>
        <source>Alamat hub harus diawali http:// atau https://.</source>
        <translation>The hub address must start with http:// or https://.</translation>
    </message>
    <message>
        <source>Berkas token {file} tidak dapat dibaca: {reason}</source>
        <translation>The token file {file} cannot be read: {reason}</translation>
    </message>
    <message>
        <source>Berkas token {file} tidak berisi token kantor.</source>
        <translation>The token file {file} holds no office token.</translation>
    </message>
    <message>
        <source>Paket {bundle} tidak ada di antrean sebagai paket yang ditolak.</source>
        <translation>Bundle {bundle} is not in the outbox as a rejected bundle.</translation>
    </message>
    <message>
        <source>Alamat hub provinsi belum diatur. Isi alamat dan token kantor di Berkas › Hub provinsi… (atau &apos;spm-luring sync setup&apos;).</source>
        <translation>No province hub address is set. Enter the address and office token in File › Province hub… (or &apos;spm-luring sync setup&apos;).</translation>
    </message>
    <message>
        <source>Keputusan dari hub ini bukan untuk laporan kantor ini.</source>
        <translation>This decision from the hub is not for this office&apos;s reports.</translation>
    </message>
    <message>
        <source>Hub provinsi tidak dapat dihubungi: {reason}</source>
        <translation>The province hub cannot be reached: {reason}</translation>
    </message>
    <message>
        <source>Hub provinsi menolak: {reason} ({code})</source>
        <translation>The province hub refused: {reason} ({code})</translation>
    </message>
    <message>
        <source>Paket terenkripsi (.age) tidak dikirim lewat jaringan; kirim paket .spmb-nya (sambungan ke hub sudah terlindungi).</source>
        <translation>Encrypted bundles (.age) are not sent over the network; send its .spmb bundle (the connection to the hub is already protected).</translation>
    </message>
    <message>
        <source>Hanya paket yang ditandatangani kantor ini yang dikirim ke hub; paket ini dari {signer}.</source>
        <translation>Only bundles signed by this office are sent to the hub; this bundle is from {signer}.</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <source>Status hub provinsi</source>
        <translation>Province hub status</translation>
    </message>
    <message>
        <source>&amp;Sinkronkan sekarang</source>
        <translation>&amp;Sync now</translation>
    </message>
    <message>
        <source>Kirim antrean paket ke hub provinsi dan ambil keputusan provinsi</source>
        <translation>Send the queued bundles to the province hub and fetch the province&apos;s decisions</translation>
    </message>
    <message>
        <source>Antrean kirim &amp;hub…</source>
        <translation>&amp;Hub outbox…</translation>
    </message>
    <message>
        <source>Hub &amp;provinsi…</source>
        <translation>&amp;Province hub…</translation>
    </message>
    <message>
        <source>Alamat hub provinsi dan token kantor ini</source>
        <translation>The province hub&apos;s address and this office&apos;s token</translation>
    </message>
    <message>
        <source>Hub provinsi belum diatur: Berkas › Hub provinsi… (admin).</source>
        <translation>No province hub is set: File › Province hub… (admin).</translation>
    </message>
    <message>
        <source>Paket tidak masuk antrean hub: {reason}</source>
        <translation>The bundle was not queued for the hub: {reason}</translation>
    </message>
    <message>
        <source>Paket masuk antrean kirim ke hub provinsi; terkirim sendiri saat tersambung.</source>
        <translation>The bundle is queued for the province hub; it is sent by itself when connected.</translation>
    </message>
    <message>
        <source>Keputusan provinsi diterapkan pada {count} laporan.</source>
        <translation>The province&apos;s decisions were applied to {count} reports.</translation>
    </message>
    <message>
        <source>Klik untuk melihat antrean kirim hub.</source>
        <translation>Click to see the hub outbox.</translation>
    </message>
    <message>
        <source>Hub: belum diatur</source>
        <translation>Hub: not set</translation>
    </message>
    <message>
        <source>Mengirim… {percent}%</source>
        <translation>Sending… {percent}%</translation>
    </message>
    <message>
        <source>Menyinkronkan…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source> · {count} paket menunggu</source>
        <translation> · {count} bundles waiting</translation>
    </message>
    <message>
        <source>Daring</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Hub menolak</source>
        <translation>Hub refused</translation>
    </message>
    <message>
        <source>Luring — coba lagi {time}</source>
        <translation>Offline — retrying at {time}</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>belum dicoba</source>
        <translation>not tried yet</translation>
    </message>
</context>
<context>
    <name>Trust</name>
    <message>
        <source>perangkat daerah</source>
        <translation>district office</translation>
    </message>
    <message>
        <source>kabupaten/kota</source>
        <translation>regency/city</translation>
    </message>
    <message>
        <source>provinsi</source>
        <translation>province</translation>
    </message>
    <message>
        <source>Nama pemilik kunci wajib diisi.</source>
        <translation>The key owner&apos;s name is required.</translation>
    </message>
    <message>
        <source>Nama terlalu panjang (paling banyak {limit} karakter).</source>
        <translation>The name is too long (at most {limit} characters).</translation>
    </message>
    <message>
        <source>Peran &apos;{role}&apos; tidak dikenal; pilih office, district atau province.</source>
        <translation>Role &apos;{role}&apos; is unknown; choose office, district or province.</translation>
    </message>
    <message>
        <source>Ini kunci kantor ini sendiri ({fingerprint}); kunci itu selalu dipercaya.</source>
        <translation>This is this office&apos;s own key ({fingerprint}); it is always trusted.</translation>
    </message>
    <message>
        <source>Kunci {fingerprint} sudah dipercaya sebagai &apos;{name}&apos;.</source>
        <translation>Key {fingerprint} is already trusted as &apos;{name}&apos;.</translation>
    </message>
    <message>
        <source>Kunci lain dengan ID {key_id} sudah dipercaya (&apos;{name}&apos;, sidik jari {fingerprint}). Hapus dahulu bila kunci itu diganti.</source>
        <translation>Another key with ID {key_id} is already trusted (&apos;{name}&apos;, fingerprint {fingerprint}). Remove it first if that key was replaced.</translation>
    </message>
    <message>
        <source>Tidak ada kunci dipercaya dengan sidik jari atau ID &apos;{key}&apos;.</source>
        <translation>No trusted key has the fingerprint or ID &apos;{key}&apos;.</translation>
    </message>
    <message>
        <source>Penerima enkripsi {recipient} sudah terdaftar.</source>
        <translation>Encryption recipient {recipient} is already registered.</translation>
    </message>
    <message>
        <source>Tidak ada penerima enkripsi &apos;{recipient}&apos;.</source>
        <translation>There is no encryption recipient &apos;{recipient}&apos;.</translation>
    </message>
</context>
<context>
    <name>TrustKeyDialog</name>
    <message>
        <source>Percayai kunci publik</source>
        <translation>Trust a public key</translation>
    </message>
    <message>
        <source>Berkas: {name}</source>
        <translation>File: {name}</translation>
    </message>
    <message>
        <source>Sidik jari kunci di berkas ini:</source>
        <translation>Fingerprint of the key in this file:</translation>
    </message>
    <message>
        <source>ID kunci (minisign): {key_id}</source>
        <translation>Key ID (minisign): {key_id}</translation>
    </message>
    <message>
        <source>Apakah sidik jari ini sama dengan yang dibacakan pemiliknya?</source>
        <translation>Is this fingerprint the same as the one its owner read out?</translation>
    </message>
    <message>
        <source>Hubungi pemilik kunci (telepon atau tatap muka) dan minta ia membacakan sidik jari dari aplikasinya. Percayai kunci ini hanya bila kelima kelompok huruf dan angkanya sama persis.</source>
        <translation>Contact the key&apos;s owner (by phone or in person) and ask them to read the fingerprint out from their application. Trust this key only when all five groups of letters and digits are exactly the same.</translation>
    </message>
    <message>
        <source>misalnya Dinas Kesehatan</source>
        <translation>for example Dinas Kesehatan</translation>
    </message>
    <message>
        <source>&amp;Nama pemilik:</source>
        <translation>Owner&apos;s &amp;name:</translation>
    </message>
    <message>
        <source>&amp;Peran:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <source>Ya, sama — percayai kunci ini</source>
        <translation>Yes, the same — trust this key</translation>
    </message>
    <message>
        <source>Tidak sama — jangan tambahkan</source>
        <translation>Not the same — do not add it</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Kelola akun pengguna</source>
        <translation>Manage user accounts</translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Keadaan</source>
        <translation>State</translation>
    </message>
    <message>
        <source>&amp;Tambah…</source>
        <translation>&amp;Add…</translation>
    </message>
    <message>
        <source>Ubah &amp;peran…</source>
        <translation>Change &amp;role…</translation>
    </message>
    <message>
        <source>Atur &amp;ulang kata sandi…</source>
        <translation>Re&amp;set password…</translation>
    </message>
    <message>
        <source>&amp;Nonaktifkan</source>
        <translation>&amp;Disable</translation>
    </message>
    <message>
        <source> menit</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>tidak pernah</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Kunci jendela bila tidak digunakan selama:</source>
        <translation>Lock the window when unused for:</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>nonaktif</source>
        <translation>disabled</translation>
    </message>
    <message>
        <source>aktif</source>
        <translation>active</translation>
    </message>
    <message>
        <source>&amp;Aktifkan</source>
        <translation>&amp;Enable</translation>
    </message>
    <message>
        <source>Tidak dapat dilakukan</source>
        <translation>Cannot be done</translation>
    </message>
    <message>
        <source>Ubah peran</source>
        <translation>Change role</translation>
    </message>
    <message>
        <source>Peran {name}:</source>
        <translation>Role of {name}:</translation>
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
<context>
    <name>Workflow</name>
    <message>
        <source>Ajukan</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>Kembalikan</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>Setujui</source>
        <translation>Approve</translation>
    </message>
</context>
</TS>

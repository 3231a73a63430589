; Inno Setup 6 script: the Windows installer of SPM Luring (one-folder PyInstaller build).
;
;   make dist                                 (on Windows: builds dist\spm-luring\ with PyInstaller)
;   iscc /DAppVersion=0.1.0 build\windows\spm-luring.iss
;
; Output: dist\spm-luring-<version>-setup.exe. The .github/workflows/windows-installer.yml workflow
; does both on a Windows runner and first fetches Indonesian.isl (an unofficial Inno Setup
; translation, not shipped with the compiler) into this folder.
;
; Installs per user by default (no administrator needed on an office laptop; an administrator may
; choose all users). The program folder holds only program files: the data (database, evidence,
; keys, backups) lives in the user's data folder, %LOCALAPPDATA%\SPM Luring, which this installer
; never touches, so uninstalling or installing a new version over an old one keeps every figure.
; The same AppId makes a new version an upgrade of the old one; the app migrates the database at
; its first start, after a verified backup.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z spm-luring.iss
#endif
#define AppName "SPM Luring"
#define GuiExe "spm-luring-gui.exe"
#define Root "..\.."

[Setup]
; Never change AppId: it is how Windows knows a new version upgrades this program.
AppId={{6F1D2C8B-4E0A-4B7F-9C35-2A9D8E51B0C4}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=SPM Luring
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
; A running copy is asked to close before its files are replaced (upgrade) or removed (uninstall).
CloseApplications=yes
RestartApplications=no
SetupIconFile={#Root}\resources\icons\spm-luring.ico
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
OutputDir={#Root}\dist
OutputBaseFilename=spm-luring-{#AppVersion}-setup
ShowLanguageDialog=auto

[Languages]
; The first entry is the default when Windows' language is neither.
Name: "id"; MessagesFile: "Indonesian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
id.BundleType=Paket laporan SPM Luring
en.BundleType=SPM Luring report bundle
id.SelfTest=Uji mandiri SPM Luring
en.SelfTest=SPM Luring self-test
id.DataKept=Data (basis data, data dukung, kunci, cadangan) tetap tersimpan di %1 dan tidak dihapus.
en.DataKept=The data (database, evidence, keys, backups) stays in %1 and is not removed.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; The previous version's program files go first, so no stale module outlives an upgrade.
; Only the program folder's own subfolder: the user's data is elsewhere and untouched.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Root}\dist\spm-luring\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"; Comment: "{cm:BundleType}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; Tasks: desktopicon
; The self-test in a console window that stays open, so its lines can be read.
Name: "{group}\{cm:SelfTest}"; Filename: "{cmd}"; Parameters: "/k ""{app}\spm-luring.exe"" self-test"; WorkingDir: "{app}"

[Registry]
; .spmb opens the import dialog: spm-luring-gui.exe "FILE" (HKA: the user's or the machine's classes,
; as the install mode is).
Root: HKA; Subkey: "Software\Classes\.spmb"; ValueType: string; ValueName: ""; ValueData: "SPMLuring.Bundle"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.spmb\OpenWithProgids"; ValueType: string; ValueName: "SPMLuring.Bundle"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\SPMLuring.Bundle"; ValueType: string; ValueName: ""; ValueData: "{cm:BundleType}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\SPMLuring.Bundle\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#GuiExe},0"
Root: HKA; Subkey: "Software\Classes\SPMLuring.Bundle\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#GuiExe}"" ""%1"""

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
// Says, when uninstalling, that the data stays (it is never part of what is removed).
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [ExpandConstant('{localappdata}\{#AppName}')]), mbInformation, MB_OK);
end;

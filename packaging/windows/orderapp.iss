; Inno Setup script for the OrderApp installer (Windows). packaging/build.py --installer runs it after a
; successful build and smoke test:
;   iscc /DAppVersion=0.1.0 /DRoot=C:\path\to\orderapp packaging\windows\orderapp.iss
; It installs dist\OrderApp\ into Program Files, adds a Start-menu entry (and, if asked, a desktop icon)
; and an uninstaller. The shop itself (database, backups, logs) lives in the user's data folder
; (%LOCALAPPDATA%\OrderApp), which neither the installer nor the uninstaller touches: uninstalling keeps
; every shop and backup, and installing a new version over the old one keeps them too.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef Root
  #define Root "..\.."
#endif

[Setup]
AppId={{6B0E2C53-4F0B-4C55-9D67-0A7A4C2E1D12}
AppName=OrderApp
AppVersion={#AppVersion}
AppVerName=OrderApp {#AppVersion}
AppPublisher=OrderApp
DefaultDirName={autopf}\OrderApp
DefaultGroupName=OrderApp
DisableProgramGroupPage=yes
; Installs for the current user without administrator rights; the dialog offers all users too.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist
OutputBaseFilename=OrderApp-{#AppVersion}-setup
SetupIconFile={#Root}\build\icons\orderapp.ico
UninstallDisplayIcon={app}\OrderApp.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Signing (optional, see packaging/README.md): define SignTool in the CI secrets' step, e.g.
;   iscc "/Ssigntool=signtool.exe sign /fd sha256 /tr http://timestamp.digicert.com /f $qcert.pfx$q /p $qPASSWORD$q $f" ...
#ifdef SignTool
SignTool=signtool
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\OrderApp\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\OrderApp"; Filename: "{app}\OrderApp.exe"
Name: "{group}\OrderApp demo shop"; Filename: "{app}\OrderApp.exe"; Parameters: "--demo"
Name: "{group}\{cm:UninstallProgram,OrderApp}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\OrderApp"; Filename: "{app}\OrderApp.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\OrderApp.exe"; Description: "{cm:LaunchProgram,OrderApp}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the installer put in {app} goes (Inno removes it by itself); nothing under the user's data
; folder is listed here on purpose: the shops and their backups stay.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"

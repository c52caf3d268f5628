; Inno Setup script for a Windows installer of the PyInstaller bundle.
; Build the bundle first on Windows (see packaging/README.md), then:
;   iscc packaging\windows\act-gui.iss
; It is not built by this project's Linux CI.

#define AppName "Activation Explorer"
#define AppVersion "0.1.0"

[Setup]
AppId={{6B0F4E2A-3C1D-4E57-9A8B-ACT6E1A0C0DE}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=The Activation Explorer team
DefaultDirName={autopf}\Activation Explorer
DefaultGroupName={#AppName}
OutputDir=..\..\dist
OutputBaseFilename=act-gui-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
LicenseFile=..\..\LICENSE
UninstallDisplayIcon={app}\act-gui.exe

[Files]
Source: "..\..\dist\act-gui\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\act-gui.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\act-gui.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; Flags: unchecked

[Registry]
; Double-clicking a .actx session opens it in the app.
Root: HKA; Subkey: "Software\Classes\.actx"; ValueType: string; ValueData: "ActGui.Session"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\ActGui.Session"; ValueType: string; ValueData: "Activation Explorer session"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\ActGui.Session\DefaultIcon"; ValueType: string; ValueData: "{app}\act-gui.exe,0"
Root: HKA; Subkey: "Software\Classes\ActGui.Session\shell\open\command"; ValueType: string; ValueData: """{app}\act-gui.exe"" ""%1"""

[Run]
Filename: "{app}\act-gui.exe"; Description: "Start {#AppName}"; Flags: nowait postinstall skipifsilent

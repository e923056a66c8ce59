#!/usr/bin/env bash
# Sign, notarise and staple dist/OrderApp.app and the DMG (macOS, CI or by hand). Needs, from the
# environment (CI: repository secrets): MACOS_CERTIFICATE (base64 of the Developer ID Application .p12),
# MACOS_CERTIFICATE_PASSWORD, MACOS_SIGNING_IDENTITY ("Developer ID Application: Name (TEAMID)"),
# APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD (an app-specific password). See packaging/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
keychain="$RUNNER_TEMP/orderapp-signing.keychain-db"
echo "$MACOS_CERTIFICATE" | base64 --decode > "$RUNNER_TEMP/certificate.p12"
security create-keychain -p "" "$keychain"
security set-keychain-settings "$keychain"
security unlock-keychain -p "" "$keychain"
security import "$RUNNER_TEMP/certificate.p12" -k "$keychain" -P "$MACOS_CERTIFICATE_PASSWORD" -T /usr/bin/codesign
security set-key-partition-list -S apple-tool:,apple: -s -k "" "$keychain"
security list-keychains -d user -s "$keychain"
codesign --force --deep --options runtime --timestamp --sign "$MACOS_SIGNING_IDENTITY" dist/OrderApp.app
dmg=$(ls dist/OrderApp-*.dmg)
rm -f "$dmg" && hdiutil create -volname OrderApp -srcfolder dist/OrderApp.app -ov -format UDZO "$dmg"
codesign --force --timestamp --sign "$MACOS_SIGNING_IDENTITY" "$dmg"
xcrun notarytool submit "$dmg" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" --password "$APPLE_APP_PASSWORD" --wait
xcrun stapler staple "$dmg"

#!/usr/bin/env bash
# The README's test command: makes sure this machine has what the tests drive (a JDK 17 for the
# build, Debian's Chromium and its driver for the pages, CJK fonts for Chinese screenshots and
# referral letters, a Java 21+ runtime for the real Keycloak), installs what Debian provides when
# it may, says exactly what is missing when it may not, and then runs the whole suite:
# ./mvnw -B verify [extra args].
set -euo pipefail
cd "$(dirname "$0")"

missing_packages=()
command -v java >/dev/null 2>&1 || missing_packages+=(openjdk-17-jdk-headless)
command -v chromium >/dev/null 2>&1 || missing_packages+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing_packages+=(chromium-driver)
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=zh family 2>/dev/null)" ]; then
  missing_packages+=(fonts-noto-cjk)
fi
# Chinese referral letters need a CJK font with TrueType outlines (Noto CJK's are CFF).
[ -r /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ] ||
  missing_packages+=(fonts-droid-fallback)

if [ ${#missing_packages[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
  else
    echo "The tests need these Debian packages, and this user cannot install them:" >&2
    echo "  sudo apt-get install ${missing_packages[*]}" >&2
    exit 1
  fi
  echo "Installing what the tests need: ${missing_packages[*]}"
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing_packages[@]}" >/dev/null
fi

# Keycloak 26 runs on Java 21 or later; Debian 12 packages none, so it must already be here.
java_major() { # the feature version of the JDK at $1, from its release file
  [ -f "$1/release" ] && sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" || true
}
keycloak_java=""
if [ -n "${KEYCLOAK_JAVA_HOME:-}" ]; then
  keycloak_java="$KEYCLOAK_JAVA_HOME"
else
  for jdk in "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    version="$(java_major "$jdk")"
    if [ -n "$version" ] && [ "$version" -ge 21 ]; then keycloak_java="$jdk"; break; fi
  done
fi
if [ -z "$keycloak_java" ] || [ ! -x "$keycloak_java/bin/java" ]; then
  echo "The OIDC test runs a real Keycloak 26, which needs Java 21 or later, and none was found" >&2
  echo "(looked at KEYCLOAK_JAVA_HOME, JAVA_HOME, /usr/lib/jvm, /opt/java, /opt/jdk*)." >&2
  echo "Install a JDK 21+ (Temurin, for example) and set KEYCLOAK_JAVA_HOME to it." >&2
  exit 1
fi
export KEYCLOAK_JAVA_HOME="$keycloak_java"

exec ./mvnw -B verify "$@"

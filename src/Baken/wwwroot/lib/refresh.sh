#!/usr/bin/env bash
# Refreshes the vendored NL Design System CSS in ./nl-design-system/.
# Installs the pinned package versions with npm into a throwaway directory
# and copies the files the app serves. No build step, no CDN.
#
# Usage: ./refresh.sh            (from any directory)
# To upgrade: change the versions below, run, review `git diff`, then
# re-check the pages (class names and tokens can change between majors).
set -euo pipefail

UTRECHT_CSS_VERSION="9.0.4"
VOORBEELD_TOKENS_VERSION="7.4.1"

UTRECHT_CSS_PKG="@utrecht/component-library-css"
VOORBEELD_TOKENS_PKG="@nl-design-system-unstable/voorbeeld-design-tokens"

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dest="${script_dir}/nl-design-system"

work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT

echo "Installing ${UTRECHT_CSS_PKG}@${UTRECHT_CSS_VERSION} and ${VOORBEELD_TOKENS_PKG}@${VOORBEELD_TOKENS_VERSION} into ${work}"
(
    cd "${work}"
    printf '{ "name": "baken-nlds-refresh", "private": true }\n' > package.json
    npm install --ignore-scripts --no-audit --no-fund --save-exact --loglevel=error \
        "${UTRECHT_CSS_PKG}@${UTRECHT_CSS_VERSION}" \
        "${VOORBEELD_TOKENS_PKG}@${VOORBEELD_TOKENS_VERSION}"
)

utrecht="${work}/node_modules/${UTRECHT_CSS_PKG}"
tokens="${work}/node_modules/${VOORBEELD_TOKENS_PKG}"

# Make sure npm resolved exactly the pinned versions.
check_version() {
    local dir="$1" want="$2" got
    got="$(node -p "require(process.argv[1]).version" "${dir}/package.json")"
    if [[ "${got}" != "${want}" ]]; then
        echo "error: ${dir} is version ${got}, expected ${want}" >&2
        exit 1
    fi
}
check_version "${utrecht}" "${UTRECHT_CSS_VERSION}"
check_version "${tokens}" "${VOORBEELD_TOKENS_VERSION}"

# Source file -> vendored file name.
declare -a files=(
    "${utrecht}/dist/index.css|utrecht-component-library.css"
    "${tokens}/dist/theme.css|voorbeeld-theme.css"
    "${utrecht}/LICENSE.md|LICENSE-utrecht-component-library-css.md"
    "${tokens}/LICENSE.md|LICENSE-voorbeeld-design-tokens.md"
)

# Guard: the app runs under a strict CSP (default-src 'self'), so the CSS
# must not pull anything from another origin.
for css in "${utrecht}/dist/index.css" "${tokens}/dist/theme.css"; do
    if grep -Eiq '@import|url\(\s*["'\'']?\s*(https?:)?//' "${css}"; then
        echo "error: ${css} contains @import or a url() to another origin:" >&2
        grep -Ein '@import|url\(\s*["'\'']?\s*(https?:)?//' "${css}" >&2
        exit 1
    fi
done

mkdir -p "${dest}"
for entry in "${files[@]}"; do
    src="${entry%%|*}"
    name="${entry##*|}"
    cp "${src}" "${dest}/${name}"
    echo "  ${name}"
done

echo "Done. sha256 of the vendored files:"
(cd "${dest}" && sha256sum utrecht-component-library.css voorbeeld-theme.css LICENSE-*.md)

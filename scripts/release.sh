#!/usr/bin/env bash
# Usage: scripts/release.sh [--check | vMAJOR.MINOR.PATCH]
#
# Tags the release that package.json's version names (v1.0.0 for "version": "1.0.0"); a version
# given as argument must be that one. First it checks that CHANGELOG.md has a section for it and
# that SECURITY.md supports its major version (--check stops there, changing nothing). Then it
# checks that the working tree is clean and that dist/ is the bundle of the committed source,
# creates the annotated tag on HEAD, and moves the major tag (v1) to it. It pushes nothing: it
# prints the two push commands to run after a last look.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() {
  echo "release: $*" >&2
  exit 1
}

package_version="$(node -p 'require("./package.json").version')"
version="v${package_version}"
[[ "$version" =~ ^v([0-9]+)\.([0-9]+)\.([0-9]+)$ ]] ||
  fail "package.json's version '${package_version}' is not MAJOR.MINOR.PATCH"
major="v${BASH_REMATCH[1]}"

argument="${1:-}"
if [ -n "$argument" ] && [ "$argument" != --check ] && [ "$argument" != "$version" ]; then
  fail "package.json says ${package_version}, not '${argument}': set it first (npm version ${argument#v} --no-git-tag-version), commit, retry"
fi

# The documents a user reads must tell the same story as the tag.
grep -q "^## \[${package_version}\] - [0-9]\{4\}-[0-9]\{2\}-[0-9]\{2\}$" CHANGELOG.md ||
  fail "CHANGELOG.md has no '## [${package_version}] - YYYY-MM-DD' section: move the [Unreleased] entries under it"
grep -q "^Supported versions: .*(\`${major}\`)" SECURITY.md ||
  fail "SECURITY.md does not name ${major} as the supported version: update its 'Supported versions' line"

if [ "$argument" = --check ]; then
  echo "release: ${version}: package.json, CHANGELOG.md and SECURITY.md agree"
  exit 0
fi

[ -z "$(git status --porcelain)" ] || fail 'the working tree is not clean: commit or stash first'
! git rev-parse -q --verify "refs/tags/$version" > /dev/null || fail "tag $version already exists"

# The release must ship the bundle of exactly this source: rebuild and compare.
npm run --silent bundle > /dev/null
if [ -n "$(git status --porcelain -- dist)" ]; then
  git checkout -- dist && git clean -fdq -- dist
  fail "dist/ is not the bundle of the committed source: run 'npm run bundle', commit dist/, retry"
fi
! grep -q webpackMissingModule dist/index.js || fail 'dist/index.js is broken (webpackMissingModule)'

git tag -a "$version" -m "$version"
# The major tag is a moving pointer, annotated like the release so that `git describe` sees it.
git tag -fa "$major" -m "$major (currently $version)" "$version^{commit}"

cat << EOF
Tagged $version and moved $major to $(git rev-parse --short "$version^{commit}").
Check, then publish:
  git push origin $version
  git push --force origin $major
EOF

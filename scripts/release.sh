#!/usr/bin/env bash
# Usage: scripts/release.sh v1.2.3
#
# Tags a release: checks that the working tree is clean and that dist/ is the bundle of the
# committed source, creates the annotated tag v1.2.3 on HEAD, and moves the major tag (v1) to it.
# It pushes nothing: it prints the two push commands to run after a last look.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() {
  echo "release: $*" >&2
  exit 1
}

version="${1:-}"
[[ "$version" =~ ^v([0-9]+)\.([0-9]+)\.([0-9]+)$ ]] ||
  fail "usage: scripts/release.sh vMAJOR.MINOR.PATCH (e.g. v1.2.3), got '${version}'"
major="v${BASH_REMATCH[1]}"

[ -z "$(git status --porcelain)" ] || fail 'the working tree is not clean: commit or stash first'
! git rev-parse -q --verify "refs/tags/$version" > /dev/null || fail "tag $version already exists"

# The release must ship the bundle of exactly this source: rebuild and compare.
npm run --silent bundle > /dev/null
if [ -n "$(git status --porcelain -- dist)" ]; then
  git checkout -- dist && git clean -fdq -- dist
  fail "dist/ is not the bundle of the committed source: run 'npm run bundle', commit dist/, retry"
fi
! grep -q webpackMissingModule dist/index.js || fail 'dist/index.js is broken (webpackMissingModule)'

grep -q "^## \[${version#v}\]" CHANGELOG.md ||
  echo "release: warning: CHANGELOG.md has no '## [${version#v}]' section" >&2

git tag -a "$version" -m "$version"
# The major tag is a moving pointer, annotated like the release so that `git describe` sees it.
git tag -fa "$major" -m "$major (currently $version)" "$version^{commit}"

cat << EOF
Tagged $version and moved $major to $(git rev-parse --short "$version^{commit}").
Check, then publish:
  git push origin $version
  git push --force origin $major
EOF

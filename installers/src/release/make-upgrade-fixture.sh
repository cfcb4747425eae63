#!/usr/bin/env bash
# Makes the upgrade fixture of a release: the data folder (encrypted database and keyring) that this
# git ref's own code makes on a first start with the demo territory, zipped, for
# persistence/src/test/resources/upgrade/ (UpgradeFromReleasesTest). See docs/installers.md,
# "Releases and upgrades".
#
#   installers/src/release/make-upgrade-fixture.sh <git-ref> <out.zip> [beneficiaries] [helpers]
#
# The ref is checked out in a temporary worktree and built there offline (Maven's -o; set
# MAVEN_OFFLINE= to allow downloads), its tests skipped; nothing is installed in the Maven repository
# (MAVEN_REPO_LOCAL, if set, is passed as -Dmaven.repo.local), so the jars of the version being
# developed are not replaced by the old ones. The data are dated the day of the ref's commit.
set -euo pipefail

if [[ $# -lt 2 || $# -gt 4 ]]; then
    echo "usage: $0 <git-ref> <out.zip> [beneficiaries=150] [helpers=80]" >&2
    exit 2
fi
ref=$1
out=$(realpath -m "$2")
beneficiaries=${3:-150}
helpers=${4:-80}

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(git -C "$here" rev-parse --show-toplevel)
commit=$(git -C "$repo" rev-parse --verify "$ref^{commit}")
short=$(git -C "$repo" rev-parse --short "$commit")
committed=$(date -u -d "$(git -C "$repo" show -s --format=%cI "$commit")" +%Y-%m-%dT%H:%M:%SZ)

maven=(-B -q)
[[ -n ${MAVEN_OFFLINE-x} ]] && maven+=(-o)
[[ -n ${MAVEN_REPO_LOCAL:-} ]] && maven+=("-Dmaven.repo.local=$MAVEN_REPO_LOCAL")

work=$(mktemp -d -t cercle-fixture-XXXXXX)
cleanup() {
    git -C "$repo" worktree remove --force "$work/src" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

echo "Checking out $ref ($short, committed $committed) in $work/src"
git -C "$repo" worktree add --quiet --detach "$work/src" "$commit"

echo "Building its persistence module (tests skipped)"
(cd "$work/src" && ./mvnw "${maven[@]}" -pl persistence -am package -Dmaven.test.skip=true \
    dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/fixture-classpath.txt)
jar=$(ls "$work"/src/persistence/target/cercle-persistence-*.jar | grep -v -e '-tests.jar' -e '-sources.jar' | head -1)
classpath="$jar:$(cat "$work/src/persistence/target/fixture-classpath.txt")"

echo "Making the fixture: $beneficiaries beneficiaries, $helpers helpers"
java -cp "$classpath" -Dlogback.configurationFile="$here/fixture-logback.xml" \
    "$here/MakeUpgradeFixture.java" "$out" "$committed" "$beneficiaries" "$helpers" "$ref, commit $commit of $committed"

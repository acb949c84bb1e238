#!/usr/bin/env bash
# Test action.yml as a company uses it: in temporary repos of standards alone (memogen.yaml
# and standards/ copied from the examples, no memogen source), run the action's own steps
# (read from action.yml) as GitHub runs them: bash -eo pipefail, the step's env with the
# inputs filled in, GITHUB_ACTION_PATH, GITHUB_WORKSPACE, RUNNER_TEMP and GITHUB_PATH set.
#   a good repo, `build --strict`     -> exit 0, every document and the catalogue written
#   one invalid standard, `validate`  -> exit 1, the located error printed
#   one invalid standard, `build --strict` (the default command) -> exit 1, no output
# Usage: .ci/test-action.sh   (PYTHON: a Python with PyYAML, to read action.yml)
set -euo pipefail
action=$(cd "$(dirname "$0")/.." && pwd)
python=${PYTHON:-$action/.venv/bin/python}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The action's checkout: the repo's files (committed or not, never ignored ones like .venv),
# as `uses:` fetches them; pip builds there, not in this working tree.
mkdir -p "$tmp/action" "$tmp/runner"
git -C "$action" ls-files -z --cached --others --exclude-standard \
  | (cd "$action" && xargs -0 tar -cf - --ignore-failed-read 2>/dev/null) | tar -xf - -C "$tmp/action"
export GITHUB_ACTION_PATH=$tmp/action RUNNER_TEMP=$tmp/runner GITHUB_PATH=$tmp/github-path
: > "$GITHUB_PATH"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# step ID WORKSPACE [COMMAND]: the script of action.yml's step ID, with its env, run by bash.
step() {
  local script
  script=$("$python" - "$action/action.yml" "$1" "${3:-}" <<'PY'
import shlex, sys, yaml
path, wanted, command = sys.argv[1:]
with open(path, encoding="utf-8") as handle:
    action = yaml.safe_load(handle)
inputs = {name: spec.get("default", "") for name, spec in action["inputs"].items()}
inputs["command"] = command or inputs["command"]
found = [s for s in action["runs"]["steps"] if s.get("id") == wanted]
assert len(found) == 1 and found[0]["shell"] == "bash", f"no bash step {wanted!r}"
for name, value in found[0].get("env", {}).items():
    for key, given in inputs.items():
        value = value.replace("${{ inputs.%s }}" % key, given)
    assert "${{" not in value, f"{wanted}: env {name} has an expression this test cannot fill"
    print(f"export {name}={shlex.quote(value)}")
assert "${{" not in found[0]["run"], f"{wanted}: pass inputs through env, not into the script"
print(found[0]["run"])
PY
)
  GITHUB_WORKSPACE=$2 bash --noprofile --norc -eo pipefail -c "$script"
}

# standards_repo NAME: a git repo with memogen.yaml, its logo and two example standards, nothing else.
standards_repo() {
  local repo=$tmp/$1
  mkdir -p "$repo/standards"
  # without its survey: section, whose answers (surveys/) are about all five examples
  awk '/^survey:/ {skip = 1; next} skip && /^  / {next} {skip = 0; print}' \
    "$action/memogen.yaml" > "$repo/memogen.yaml"
  cp "$action/standards/hr-certificate.yaml" "$action/standards/it-equipment.yaml" \
    "$repo/standards/"
  cp -r "$action/assets" "$repo/"  # the logo memogen.yaml names
  git -C "$repo" init -q
  git -C "$repo" add -A
  git -C "$repo" -c user.name=ci -c user.email=ci@example.invalid commit -qm standards
  echo "$repo"
}

good=$(standards_repo good)
step system-libraries "$good" || fail "the system-libraries step failed"
# Once they are there, the step sees them and installs nothing (no apt-get on every run).
step system-libraries "$good" | grep -x 'system libraries: already present' >/dev/null \
  || fail "the system-libraries step does not see the libraries it installed"
step install "$good" || fail "the install step failed"
grep -qx "$RUNNER_TEMP/memogen-venv/bin" "$GITHUB_PATH" || fail "memogen is not on GITHUB_PATH"

code=0
step run "$good" > "$tmp/good.log" 2>&1 || code=$?
[ "$code" -eq 0 ] || { cat "$tmp/good.log"; fail "build --strict of a good repo exited $code, not 0"; }
for id in hr-certificate it-equipment; do
  for file in memo.pdf guide.html poster.png email.eml; do
    [ -s "$good/output/$id/$file" ] || fail "the good repo's output/$id/$file is missing"
  done
done
[ -s "$good/output/index.html" ] || fail "the good repo's output/index.html is missing"

bad=$(standards_repo bad)
printf 'memogen: 1\nid: broken\ntitle: Broken\n' > "$bad/standards/broken.yaml"
code=0
step run "$bad" validate > "$tmp/bad.log" 2>&1 || code=$?
[ "$code" -eq 1 ] || { cat "$tmp/bad.log"; fail "validate with an invalid standard exited $code, not 1"; }
grep -q '^standards/broken.yaml:[0-9]*:[0-9]*: error: ' "$tmp/bad.log" \
  || { cat "$tmp/bad.log"; fail "validate did not locate the invalid standard's error"; }
code=0
step run "$bad" > "$tmp/bad-build.log" 2>&1 || code=$?
[ "$code" -eq 1 ] || { cat "$tmp/bad-build.log"; fail "build --strict with an invalid standard exited $code, not 1"; }
[ ! -e "$bad/output/index.html" ] || fail "build --strict with an invalid standard wrote output/"

[ "$failures" -eq 0 ] || exit 1
echo "action.yml: installs in a standards-only repo; good repo -> 0, invalid standard -> 1"

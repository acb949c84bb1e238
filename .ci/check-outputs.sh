#!/usr/bin/env bash
# Check a built output folder with real, external validators:
#   every PDF   qpdf --check; pdffonts (every font embedded); pdfdetach -list (no attachments)
#   every PNG   zbarimg decodes the poster's QR code to exactly the form_url of its YAML (no
#               form_url but an address: the mailto: URI with the title as its subject)
#   every HTML  the Nu HTML Checker (vnu.jar): errors fail, warnings are shown as info
#   every .eml  Python's email parser in strict mode (raise_on_defect), every header and part,
#               X-Unsent: 1
# Usage: .ci/check-outputs.sh OUTDIR [STANDARDS_DIR]   (default: standards/ of this repo)
# Installs what it needs; exits non-zero on any failure, with one "FAIL:" line per failure.
set -uo pipefail

out=${1:?usage: .ci/check-outputs.sh OUTDIR [STANDARDS_DIR]}
repo=$(cd "$(dirname "$0")/.." && pwd)
standards=${2:-$repo/standards}
python=${PYTHON:-python3}
export DEBIAN_FRONTEND=noninteractive
[ -d "$out" ] || { echo "FAIL: $out is not a folder"; exit 2; }
out=$(cd "$out" && pwd)

# --- what the checks need ---------------------------------------------------------------------
need_apt=()
command -v qpdf >/dev/null || need_apt+=(qpdf)
command -v pdffonts >/dev/null && command -v pdfdetach >/dev/null || need_apt+=(poppler-utils)
command -v zbarimg >/dev/null || need_apt+=(zbar-tools)
command -v java >/dev/null || need_apt+=(default-jre-headless)
command -v npm >/dev/null || need_apt+=(npm)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing: ${need_apt[*]}"
  apt-get update -qq && apt-get install -y -qq "${need_apt[@]}" >/dev/null \
    || { echo "FAIL: could not install ${need_apt[*]}"; exit 2; }
fi
vnu="$repo/.ci/node/node_modules/vnu-jar/build/dist/vnu.jar"
if [ ! -f "$vnu" ]; then
  npm install --silent --no-audit --no-fund --prefix "$repo/.ci/node" vnu-jar >/dev/null \
    || { echo "FAIL: could not install vnu-jar from npm"; exit 2; }
fi

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
mapfile -t pdfs < <(find "$out" -name '*.pdf' -type f | sort)
mapfile -t htmls < <(find "$out" -name '*.html' -type f | sort)
mapfile -t pngs < <(find "$out" -name 'poster.png' -type f | sort)
mapfile -t emls < <(find "$out" -name '*.eml' -type f | sort)
echo "checking ${#pdfs[@]} PDF, ${#pngs[@]} poster PNG, ${#htmls[@]} HTML, ${#emls[@]} .eml in $out"

# --- PDF ------------------------------------------------------------------------------------
for pdf in "${pdfs[@]}"; do
  name=${pdf#"$out"/}
  report=$(qpdf --check "$pdf" 2>&1); code=$?
  [ $code -eq 0 ] || fail "$name: qpdf --check exit $code: $(echo "$report" | grep -iv '^checking\|^PDF Version\|^File is not' | head -3 | tr '\n' ' ')"
  fonts=$(pdffonts "$pdf" 2>&1) || fail "$name: pdffonts could not read it"
  # columns: name type encoding emb sub uni object ID; 'emb' is 5th from the end
  bad=$(echo "$fonts" | awk 'NR>2 && $(NF-4) != "yes" {print $1}')
  [ -z "$bad" ] || fail "$name: fonts not embedded: $(echo $bad)"
  attached=$(pdfdetach -list "$pdf" 2>&1 | head -1)
  [ "$attached" = "0 embedded files" ] || fail "$name: has attachments ($attached)"
done

# --- poster QR codes --------------------------------------------------------------------------
if [ ${#pngs[@]} -gt 0 ]; then
  urls=$(cd "$repo" && "$python" - "$standards" <<'PY'
import json, sys
from pathlib import Path
from memogen.data.loader import load_file
from memogen.render.filters import mailto
found = {}
for path in sorted(Path(sys.argv[1]).glob("*.yaml")):
    data = load_file(path).data
    if isinstance(data, dict) and isinstance(data.get("id"), str):
        request = data.get("request") or {}
        address = request.get("address")
        by_mail = mailto(address, data.get("title") or "") if address else ""
        found[data["id"]] = request.get("form_url") or by_mail
print(json.dumps(found))
PY
  ) || { fail "cannot read the form URLs from $standards"; urls="{}"; }
  for png in "${pngs[@]}"; do
    name=${png#"$out"/}
    id=$(basename "$(dirname "$png")")
    want=$("$python" -c 'import json,sys; print(json.loads(sys.argv[1]).get(sys.argv[2], "<no standard>"))' "$urls" "$id")
    got=$(zbarimg --quiet --raw "$png" 2>/dev/null)
    if [ "$want" = "<no standard>" ]; then
      fail "$name: no standard with the id '$id' in $standards"
    elif [ "$got" != "$want" ]; then
      fail "$name: the QR code reads '${got:-nothing}', the YAML says '$want'"
    fi
  done
fi

# --- HTML: the Nu HTML Checker ---------------------------------------------------------------
# Markup and CSS alike (<style> and style=""), nothing filtered: an error in either fails. The
# print-only CSS (string-set, running() and the like) is in the theme's *.print.css, which only
# WeasyPrint reads, so no published page carries it. Warnings are shown once per message, counted.
if [ ${#htmls[@]} -gt 0 ]; then
  report=$(java -jar "$vnu" --format gnu --also-check-svg "${htmls[@]}" 2>&1); code=$?
  errors=$(grep -E ': (error|fatal|non-document-error): ' <<< "$report")
  while IFS= read -r line; do
    line=${line#\"file:"$out"/}
    [ -n "$line" ] && fail "nu: ${line/\":/:}"
  done <<< "$errors"
  grep -vE ': (error|fatal|non-document-error): ' <<< "$report" | grep -v '^$' \
    | sed -E 's/^"file:[^"]*":[0-9.]+-[0-9.]+: //' | sort | uniq -c | sort -rn \
    | sed 's/^ */info: nu: /; s/ info warning:/× warning:/'
  if [ $code -ne 0 ] && [ -z "$errors" ]; then
    fail "the Nu HTML Checker exited $code: $(head -3 <<< "$report")"
  fi
fi

# --- .eml: strict parse ------------------------------------------------------------------------
if [ ${#emls[@]} -gt 0 ]; then
  (cd "$repo" && "$python" - "$out" "${emls[@]}" <<'PY'
import email, email.policy, sys
strict = email.policy.default.clone(raise_on_defect=True)
bad = 0
for path in sys.argv[2:]:
    name = path[len(sys.argv[1]) + 1:]
    try:
        message = email.message_from_bytes(open(path, "rb").read(), policy=strict)
        for part in message.walk():
            for key, value in part.items():
                if getattr(value, "defects", None):
                    raise ValueError(f"header {key}: {value.defects}")
            if not part.is_multipart():
                part.get_content()
        for kind in ("plain", "html"):
            if message.get_body((kind,)) is None:
                raise ValueError(f"no text/{kind} part")
        if message["X-Unsent"] != "1":  # Outlook opens it as a draft to send
            raise ValueError("no X-Unsent: 1 header")
    except Exception as exc:  # a defect, a bad header, a missing part
        print(f"FAIL: {name}: {type(exc).__name__}: {exc}")
        bad += 1
sys.exit(min(bad, 100))
PY
  ); failures=$((failures + $?))
fi

if [ $failures -gt 0 ]; then
  echo "$failures check(s) failed in $out"
  exit 1
fi
echo "all output checks passed: ${#pdfs[@]} PDF, ${#pngs[@]} QR, ${#htmls[@]} HTML, ${#emls[@]} .eml"

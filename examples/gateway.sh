#!/usr/bin/env bash
# usage: bash examples/gateway.sh
#
# One inquiry over a switch's HTTP gateway with curl, as a CAD/RMS system sends it
# (docs/http-api.md): open a session with the terminal's and the operator's credentials and
# a TOTP code, send one QW, print the answer, close the session.
#
# Settings come from the environment `pnpm demo --env-out FILE` writes:
#   CLETS_HTTP_URL           https://host:port of the switch's HTTP API
#   CLETS_CA_FILE            the CA certificate to trust (optional: the system's CAs otherwise)
#   CLETS_GATEWAY_TERMINAL, CLETS_GATEWAY_DEVICE_SECRET, CLETS_GATEWAY_OPERATOR,
#   CLETS_GATEWAY_PASSWORD, CLETS_GATEWAY_TOTP_SECRET
#                            the gateway's terminal and operator (CLETS_TERMINAL,
#                            CLETS_DEVICE_SECRET, CLETS_OPERATOR, CLETS_PASSWORD and
#                            CLETS_TOTP_SECRET when these are not set)
#   CLETS_TOTP_CODE          a code from the operator's authenticator; without it the code is
#                            computed from the TOTP secret with @clets/protocol (node, in this
#                            repository)
#   CLETS_EXAMPLE_NAME, CLETS_EXAMPLE_SEX, CLETS_EXAMPLE_DOB
#                            the subject of the QW (default: a person no file holds)
# Exit 0 when the inquiry was answered completely (HTTP 200), 1 otherwise, 2 for a missing setting.
set -euo pipefail

if [ "${1:-}" = "--help" ] || [ "${1:-}" = "-h" ]; then
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
  exit 0
elif [ $# -gt 0 ]; then
  echo "gateway.sh: unknown argument '$1' (see --help)" >&2
  exit 2
fi

need() {
  local value="${!1:-${2:+${!2:-}}}"
  if [ -z "$value" ]; then
    echo "gateway.sh: set $1${2:+ or $2} (pnpm demo --env-out FILE writes it; see examples/README.md)" >&2
    exit 2
  fi
  printf '%s' "$value"
}

http_url=$(need CLETS_HTTP_URL)
terminal=$(need CLETS_GATEWAY_TERMINAL CLETS_TERMINAL)
device_secret=$(need CLETS_GATEWAY_DEVICE_SECRET CLETS_DEVICE_SECRET)
operator=$(need CLETS_GATEWAY_OPERATOR CLETS_OPERATOR)
password=$(need CLETS_GATEWAY_PASSWORD CLETS_PASSWORD)
name=${CLETS_EXAMPLE_NAME:-TALLISTER,MAREN}
sex=${CLETS_EXAMPLE_SEX:-F}
dob=${CLETS_EXAMPLE_DOB:-19920703}
[ -n "${CLETS_TOTP_CODE:-}" ] || totp_secret=$(need CLETS_GATEWAY_TOTP_SECRET CLETS_TOTP_SECRET)

curl_options=(--silent --show-error --max-time 30)
[ -n "${CLETS_CA_FILE:-}" ] && curl_options+=(--cacert "$CLETS_CA_FILE")

# RFC 6238 (30-second steps, 6 digits), computed where @clets/protocol resolves.
totp_code() {
  if [ -n "${CLETS_TOTP_CODE:-}" ]; then
    printf '%s' "$CLETS_TOTP_CODE"
    return
  fi
  (cd "$(dirname "$0")/.." && TOTP_SECRET="$totp_secret" node --input-type=module \
    -e 'import { totpCode } from "@clets/protocol"; console.log(totpCode(process.env.TOTP_SECRET, Date.now()));')
}

# A JSON string: backslashes and double quotes escaped (the demo's values have neither).
json() { local s=${1//\\/\\\\}; printf '"%s"' "${s//\"/\\\"}"; }

# Prints the body, then the HTTP status on a line of its own.
call() { curl "${curl_options[@]}" --write-out '\n%{http_code}' "$@"; }

open_session() {
  echo "POST $http_url/v1/sessions ($operator at $terminal)"
  answer=$(call -X POST "$http_url/v1/sessions" -H 'content-type: application/json' \
    -d "{\"mnemonic\":$(json "$terminal"),\"deviceSecret\":$(json "$device_secret"),\"operatorId\":$(json "$operator"),\"password\":$(json "$password"),\"totpCode\":$(json "$(totp_code)"),\"acknowledgeBanner\":true}")
  status=${answer##*$'\n'}
  body=${answer%$'\n'*}
  echo "$status $body"
}

open_session
# A code is accepted once per operator and 30-second step: when this step's was used already
# (the operator logged in moments ago), the next step brings a new code.
if [ "$status" = 401 ] && [[ "$body" == *CLETS_ERR_SECOND_FACTOR_REPLAYED* ]] && [ -z "${CLETS_TOTP_CODE:-}" ]; then
  wait_s=$(( 30 - $(date +%s) % 30 + 1 ))
  echo "this step's code was used already: waiting ${wait_s} s for the next one"
  sleep "$wait_s"
  open_session
fi
if [ "$status" != 201 ]; then
  echo "gateway.sh: the session was refused" >&2
  exit 1
fi
token=$(printf '%s' "$body" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
ori=$(printf '%s' "$body" | sed -n 's/.*"ori":"\([^"]*\)".*/\1/p')

close_session() {
  echo "DELETE $http_url/v1/sessions/current"
  call -X DELETE "$http_url/v1/sessions/current" -H "authorization: Bearer $token" | tail -n 1
}
trap close_session EXIT

line="QW.$ori.NAM/$name.SEX/$sex.DOB/$dob.RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP SUSPECT VEH;CASE:26-001234"
client_message_id="GW-EX-$(date +%s)-$$"
echo "POST $http_url/v1/messages"
echo "> $line"
answer=$(call -X POST "$http_url/v1/messages" -H "authorization: Bearer $token" -H 'content-type: application/json' \
  -d "{\"line\":$(json "$line"),\"control\":\"GW-0001\",\"clientMessageId\":$(json "$client_message_id")}")
status=${answer##*$'\n'}
body=${answer%$'\n'*}
echo "$status $body"

# The frames in order, one word each, and each system's hit status.
frames=$(printf '%s' "$body" | grep -o '{"\(receipt\|response\|queuedNotice\|reject\|completion\)":' | tr -d '{":' | paste -sd ' ' -)
echo "frames: ${frames:-none}"
printf '%s' "$body" | grep -o '"system":"[A-Z]*","responseKey":"[A-Z]*","status":"HIT_STATUS_[A-Z_]*"' \
  | sed 's/"system":"\([A-Z]*\)".*"status":"\(HIT_STATUS_[A-Z_]*\)"/  \1 \2/' || true

if [ "$status" = 200 ]; then
  exit 0
elif [ "$status" = 504 ]; then
  echo "gateway.sh: no completion within the gateway's wait: send the same body again (same clientMessageId) in this session" >&2
fi
exit 1

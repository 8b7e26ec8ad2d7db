#!/bin/sh
# Starts Forløp from the unpacked layers in this script's folder (/app in the image); the
# image's ENTRYPOINT, and what ContainerStartIT runs (ADR 0041).
#
# JVM settings for a container: the heap is a share of the container's memory limit
# (FORLOP_MAX_RAM_PERCENTAGE, default 75; the rest is metaspace, threads, buffers and the page
# cache), an OutOfMemoryError ends the JVM so the orchestrator starts a fresh one, and texts are
# UTF-8 whatever the locale. JAVA_OPTS: further JVM options. Arguments: Spring settings, e.g.
# --server.port=8080.
set -eu
cd "$(dirname "$0")"
# The users and units come from a mounted config/application.yml; without one, Forløp would run
# with its built-in demo users (password "demo"): refused, unless FORLOP_DEMO_USERS=true (a trial).
# And a users file that still has a plain-text ({noop}) password, e.g. one without users, which
# leaves the demo users in place, stops the start too (forlop.access.plain-passwords-allowed).
if [ ! -f config/application.yml ] && [ ! -f config/application.yaml ] &&
  [ ! -f config/application.properties ] && [ "${FORLOP_DEMO_USERS:-false}" != true ]; then
  echo "forlop: no users file: mount a folder with application.yml (forlop.access.units and" \
    "forlop.access.users) at $(pwd)/config, or set FORLOP_DEMO_USERS=true to try Forløp with" \
    "its demo users (password demo; never in production). See docs/operations.md." >&2
  exit 64
fi
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
exec java \
  -XX:+UseContainerSupport \
  -XX:MaxRAMPercentage="${FORLOP_MAX_RAM_PERCENTAGE:-75}" \
  -XX:+ExitOnOutOfMemoryError \
  -Dfile.encoding=UTF-8 \
  -Dforlop.access.plain-passwords-allowed="${FORLOP_DEMO_USERS:-false}" \
  ${JAVA_OPTS:-} \
  org.springframework.boot.loader.launch.JarLauncher "$@"

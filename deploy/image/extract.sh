#!/bin/sh
# Unpacks Forløp's executable jar into Spring Boot's layers (dependencies, spring-boot-loader,
# snapshot-dependencies, application), each a folder under DESTINATION, with the launcher, so
# that the image keeps the libraries, which change rarely, in layers of their own (ADR 0041).
# Used by the Dockerfile's build stage and by ContainerStartIT, so both unpack it the same way.
#   deploy/image/extract.sh JAR DESTINATION
set -eu
jar=$1
destination=$2
exec java -Djarmode=tools -jar "$jar" extract --layers --launcher --destination "$destination"

# Forløp as a container image (ADR 0041; docs/operations.md). Build the jar first, then the image:
#   ./mvnw -DskipTests package
#   docker build -t forlop:0.1.0 .
# ContainerStartIT reads this file: it unpacks the jar with the build stage's script, lays the
# layers out as the COPY lines below do, and starts them with the ENV lines and the ENTRYPOINT.

FROM eclipse-temurin:17-jre AS build
WORKDIR /build
COPY app/target/forlop-exec.jar forlop.jar
COPY deploy/image/extract.sh extract.sh
RUN sh extract.sh forlop.jar extracted

FROM eclipse-temurin:17-jre
# PostgreSQL refuses to run as root (the embedded database), and nothing here needs root
RUN groupadd --system --gid 10001 forlop \
 && useradd --system --uid 10001 --gid forlop --home-dir /app --shell /usr/sbin/nologin forlop \
 && mkdir -p /app/config /app/data \
 && chown forlop:forlop /app/data
WORKDIR /app
# libraries first: they change rarely, so a new build of Forløp ships only its last layer
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
COPY deploy/image/entrypoint.sh entrypoint.sh
ENV PORT=8080
ENV FORLOP_DEMO=false
ENV FORLOP_MAX_RAM_PERCENTAGE=75
USER 10001:10001
EXPOSE 8080
# the embedded PostgreSQL's data, used only when SPRING_DATASOURCE_URL is not set
VOLUME ["/app/data"]
ENTRYPOINT ["/app/entrypoint.sh"]

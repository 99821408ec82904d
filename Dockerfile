# Build stage: the release binary, with TLS to PostgreSQL (libpq and OpenSSL built from source,
# so the image needs nothing from the system but a C compiler and perl).
FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked --features postgres-tls -p centers-api \
    && strip target/release/centers

# Runtime stage: a small Debian with certificates and a non-root user.
FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home /srv/centers centers \
    && mkdir -p /srv/centers/data && chown centers /srv/centers/data
COPY --from=build /src/target/release/centers /usr/local/bin/centers
USER centers
WORKDIR /srv/centers
# glibc keeps one malloc arena per busy thread and never returns them: two arenas keep a
# long-running server under 100 MB after heavy reports (docs/performance.md).
ENV APP_HOST=0.0.0.0 APP_PORT=8080 APP_LOG_FORMAT=json MALLOC_ARENA_MAX=2
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD curl -fsS http://127.0.0.1:8080/readyz || exit 1
ENTRYPOINT ["centers"]
CMD ["serve"]

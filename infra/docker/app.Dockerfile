# One image for every Obzvon service; the command picks the service (`obzvon serve dialer`).
FROM node:20-bookworm-slim AS spa
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npm run build

FROM python:3.11-slim-bookworm
ENV PYTHONUNBUFFERED=1 UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy
RUN pip install --no-cache-dir uv
WORKDIR /app
COPY pyproject.toml uv.lock ./
COPY libs/ libs/
COPY services/ services/
RUN uv sync --frozen --no-dev
COPY --from=spa /src/frontend/dist /app/frontend/dist
ENV PATH="/app/.venv/bin:$PATH" OBZVON_GATEWAY_SPA_DIST=/app/frontend/dist
RUN useradd --system --uid 10001 obzvon \
    && mkdir -p /var/lib/obzvon/uploads /var/lib/obzvon/asterisk && chown -R obzvon /var/lib/obzvon
USER obzvon
CMD ["obzvon", "--help"]

# ritualbot: slim image, non-root, dependencies in their own layer.
FROM python:3.11-slim AS base
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app

# Dependencies first, pinned with their hashes (requirements.lock, from pyproject.toml by
# pip-compile): this layer is rebuilt only when the lock changes, not for a README edit.
COPY requirements.lock ./
RUN pip install --require-hashes --no-deps -r requirements.lock

COPY pyproject.toml README.md LICENSE ./
COPY bot ./bot
COPY rituals ./rituals
COPY prompts ./prompts
RUN pip install --no-deps . && rm -rf /app/bot /app/rituals /app/prompts \
 && useradd --create-home --uid 10001 ritualbot && mkdir -p /data && chown ritualbot /data

USER ritualbot
WORKDIR /data
ENV PORT=3000 DATABASE_URL=sqlite:////data/ritualbot.db
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD python -c "import os, urllib.request; urllib.request.urlopen(f'http://127.0.0.1:{os.environ.get(\"PORT\", \"3000\")}/healthz', timeout=4)"
CMD ["ritualbot", "serve"]

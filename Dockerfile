# Production image: build in one stage, run the built app with production dependencies only.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/prisma-generate.ts scripts/
COPY prisma/schema.prisma prisma/
COPY prisma.config.ts tsconfig.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build
RUN npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=build /app /app
USER node
EXPOSE 3000
# DATABASE_URL (the owner) must be set, and UADE_APP_DATABASE_URL (the server's own role, ADR 010) should be, as
# docker-compose.yml does: the embedded database is for development.
CMD ["node", "--import", "tsx", "scripts/start.ts"]

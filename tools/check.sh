#!/usr/bin/env bash
# The project's test command (`npm run check`, called by .ci/run): installs what is missing,
# builds, lints with n8n's strict community rules, runs the unit/routing tests (jest, through
# n8n-core) and the end-to-end tests in a real n8n against the emulator.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n=== %s\n' "$*"; }

step "install (npm ci; lifecycle scripts off, see .npmrc)"
npm ci --no-audit --no-fund

step "build"
npm run build

step "lint (n8n-node lint, strict)"
npm run lint

step "n8n verification scanner, offline (source and packed tarball)"
npm run scan

step "unit and routing tests (jest)"
npm test -- --ci

step "end-to-end in real n8n"
npm run test:e2e

step "queue mode in real n8n (Redis + PostgreSQL, main + worker + webhook processor)"
npm run test:queue

step "the n8n editor in a real browser (Debian Chromium + playwright-core)"
npm run test:ui

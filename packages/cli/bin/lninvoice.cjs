#!/usr/bin/env node
// The lninvoice command: runs the built CLI (dist/main.cjs). A file of its own, kept in git, so
// that the link pnpm makes to it when the workspace is installed, before anything is built, has
// a target (a bin pointing into dist/ made pnpm warn "Failed to create bin").
require('../dist/main.cjs');

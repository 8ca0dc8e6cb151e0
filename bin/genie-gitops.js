#!/usr/bin/env node
// The CLI ships bundled in dist/ so it runs without a build step or dev dependencies.
await import('../dist/cli/index.js');

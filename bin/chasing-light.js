#!/usr/bin/env node
// Runs the TypeScript CLI straight from source (tsx), so `npx chasing-light` works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/index.ts');

#!/usr/bin/env node
// The package ships TypeScript source and has no build step, so register tsx's loader first.
import { register } from "tsx/esm/api";

register();
await import(new URL("../src/cli/main.ts", import.meta.url).href);

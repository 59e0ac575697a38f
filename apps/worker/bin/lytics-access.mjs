#!/usr/bin/env node
// `npx lytics-access …`: the operator command. The workspace ships TypeScript source and has no
// build step, so register tsx's loader first (as packages/permissions' lytics-access-explain does).
import { register } from "tsx/esm/api";

register();
await import(new URL("../src/cli/main.ts", import.meta.url).href);

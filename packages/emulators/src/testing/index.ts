// `@lytics-access/emulators/testing`: helpers for test files only (useFreshEmulator registers
// vitest hooks), kept out of the package's main entry so the launcher never loads vitest.
export { useFreshEmulator } from "./use-fresh-emulator";
export { createVirtualTime } from "./virtual-time";
export type { VirtualTime } from "./virtual-time";
